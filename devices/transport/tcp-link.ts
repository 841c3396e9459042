// A TCP connection as a Link for the reconnecting transport: raw VISCA over TCP (PTZOptics and
// others listen on port 5678). Only to the address the technician configured.
import net from 'node:net';
import type { Link } from './reconnecting-transport';

export function openTcpLink({
  host,
  port,
  timeoutMs = 3_000,
}: {
  host: string;
  port: number;
  timeoutMs?: number;
}): Promise<Link> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    socket.setNoDelay(true); // camera commands are a few bytes: never wait to batch them
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`cannot reach ${host}:${port}: ${error.message}`));
    });
    socket.once('connect', () => {
      clearTimeout(timer);
      const closeListeners: ((reason: string) => void)[] = [];
      let reason = 'closed by the camera';
      socket.on('error', (error) => (reason = error.message));
      socket.once('close', () => closeListeners.forEach((l) => l(reason)));
      resolve({
        write: (bytes) => new Promise((ok, fail) => socket.write(bytes, (error) => (error ? fail(error) : ok()))),
        onData: (listener) => socket.on('data', (chunk) => listener(new Uint8Array(chunk))),
        onClose: (listener) => closeListeners.push(listener),
        close: () => new Promise((ok) => socket.end(() => ok())),
      });
    });
  });
}
