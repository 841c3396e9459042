// A TCP proxy that carries bytes at a set rate, as a hospital or pharmacy link would (100 Mbit/s
// by default): measured over loopback alone, a file upload is dominated by fixed per-request
// costs that a real network hides, so the bench gives both figures.
import net from 'node:net';

export interface ThrottledLink {
  port: number;
  close(): Promise<void>;
}

function pace(from: net.Socket, to: net.Socket, bytesPerSecond: number): void {
  let nextFree = Date.now();
  from.on('data', (chunk: Buffer) => {
    const now = Date.now();
    nextFree = Math.max(nextFree, now) + (chunk.length / bytesPerSecond) * 1000;
    const wait = nextFree - now;
    to.write(chunk);
    if (wait > 1) {
      from.pause();
      setTimeout(() => from.resume(), wait);
    }
  });
  from.on('end', () => to.end());
  from.on('error', () => to.destroy());
}

export function startThrottledLink(targetPort: number, bytesPerSecond = 100e6 / 8): Promise<ThrottledLink> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    pace(client, upstream, bytesPerSecond);
    pace(upstream, client, bytesPerSecond);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}
