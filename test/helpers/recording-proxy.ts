// An HTTP proxy on loopback that forwards every request to a hub's port and records it (method,
// path, status, in arrival order; a FHIR batch's entries too): what a station asked of the region,
// to count and to order.
// While the hub is down the proxy drops the connection, as an unreachable server does.
import http from 'node:http';
import type net from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  status: number | null;
  /** A batch Bundle POSTed to the FHIR base: its entries' requests in order ("PUT /fhir/R4/Patient/<id>"). */
  entries?: string[];
}

/** Every request, a batch's entries in its place: what the region was asked, in order. */
export const flatRequests = (requests: RecordedRequest[]): RecordedRequest[] =>
  requests.flatMap((r) =>
    r.entries
      ? r.entries.map((e) => ({ method: e.split(' ')[0]!, path: e.slice(e.indexOf(' ') + 1), status: r.status }))
      : [r],
  );

export interface RecordingProxy {
  /** http://127.0.0.1:<port>, to put in place of the hub's address for HTTP (FHIR, uploads). */
  url: string;
  requests: RecordedRequest[];
  /** Forgets what was recorded so far. */
  clear(): void;
  close(): Promise<void>;
}

function parsed(
  body: Buffer,
): { resourceType?: string; entry?: { request?: { method?: string; url?: string } }[] } | null {
  try {
    return JSON.parse(body.toString('utf8')) as never;
  } catch {
    return null;
  }
}

export async function startRecordingProxy(targetPort: number): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const record: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: null };
    requests.push(record);
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        record.status = answer.statusCode ?? null;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    const chunks: Buffer[] = [];
    if (record.method === 'POST') req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const bundle = chunks.length > 0 ? parsed(Buffer.concat(chunks)) : null;
      if (bundle?.resourceType === 'Bundle' && Array.isArray(bundle.entry))
        record.entries = bundle.entry.map((e) => `${e.request?.method} ${record.path}/${e.request?.url}`);
    });
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    clear: () => void requests.splice(0),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
