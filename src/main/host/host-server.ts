// Browser mode: the station's renderer and contract served on 127.0.0.1 only, behind a per-run key.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Logger } from '../platform/logger';
import type { Station } from '../station';
import { securityHeaders, serveStatic } from './static-files';
import { bindWebSocket } from './websocket-binding';

// SECURITY: loopback only. There is deliberately no option to listen on another address:
// a station reachable from the ward's network would expose patient records.
export const HOST_ADDRESS = '127.0.0.1';

export interface HostOptions {
  station: Station;
  rendererRoot: string;
  port: number; // 0 picks a free port
  logger: Logger;
  token?: string;
}

export interface RunningHost {
  port: number;
  origin: string;
  // The address to open: the key travels in the fragment, which browsers never send to a server.
  url: string;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use: another Relais may be running. ` +
        'Close it, or choose another port with RELAIS_PORT. / ' +
        `Le port ${port} est déjà utilisé : une autre station Relais tourne peut-être. Fermez-la ou choisissez un port avec RELAIS_PORT.`,
    );
  }
}

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken();
  const server = http.createServer();
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error),
    );
    server.listen(options.port, HOST_ADDRESS, () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const origins = [`http://${HOST_ADDRESS}:${port}`, `http://localhost:${port}`];
  const allowedHosts = origins.map((o) => o.slice('http://'.length));
  const headers = securityHeaders(origins.map((o) => o.replace('http', 'ws')));

  server.on('request', (req, res) => {
    // SECURITY: refuse requests whose Host is not ours (DNS rebinding from a hostile page).
    if (!allowedHosts.includes(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Misdirected request');
      return;
    }
    serveStatic(options.rendererRoot, req, res, headers);
  });
  const unbind = bindWebSocket(
    server,
    options.station,
    { token, allowedOrigins: origins, allowedHosts },
    options.logger,
  );

  return {
    port,
    origin: origins[0]!,
    url: `${origins[0]}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unbind();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
