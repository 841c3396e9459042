// Browser mode: the contract over a loopback WebSocket. Same dispatch as the IPC binding;
// the per-run token and the page's origin stand in for Electron's sender-frame check.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { err } from '../../shared/result';
import {
  ClientMessageSchema,
  MAX_MESSAGE_BYTES,
  TOKEN_PROTOCOL_PREFIX,
  WIRE_PROTOCOL,
  type ServerMessage,
} from '../../shared/wire';
import type { Logger } from '../platform/logger';
import type { Station } from '../station';

export const WEBSOCKET_PATH = '/relais';

export interface UpgradeCheck {
  token: string;
  allowedOrigins: string[];
  /** The Host values the station answers to (its loopback address and localhost, with its port). */
  allowedHosts: string[];
}

function tokenMatches(expected: string, offered: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(offered);
  return a.length === b.length && timingSafeEqual(a, b);
}

// Why an upgrade is refused, or null when it may proceed. Pure, for tests.
export function refuseUpgrade(
  req: http.IncomingMessage,
  check: UpgradeCheck,
): { status: number; reason: string } | null {
  const path = (req.url ?? '').split('?')[0];
  if (path !== WEBSOCKET_PATH) return { status: 404, reason: 'Not found' };
  // SECURITY: the same Host check as every HTTP request (DNS rebinding): a name that a hostile
  // page's DNS points at 127.0.0.1 is not the station's, even if the other checks would pass.
  if (!check.allowedHosts.includes(req.headers.host ?? '')) return { status: 421, reason: 'Misdirected request' };
  // SECURITY: another web page open in the same browser cannot reach the station's loopback socket.
  if (!check.allowedOrigins.includes(req.headers.origin ?? '')) return { status: 403, reason: 'Origin not allowed' };
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const token = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length) ?? '';
  if (!offered.includes(WIRE_PROTOCOL) || !tokenMatches(check.token, token))
    return { status: 401, reason: 'Station key missing or wrong' };
  return null;
}

/**
 * Result fields spliced into the message as they are: base64 by construction (imaging-service.ts
 * encodes the frame's samples with Buffer.toString('base64')), so nothing in them needs escaping,
 * and JSON.stringify's scan of every character (17 ms for one 512 x 512 CT frame on a loaded
 * cart, most of a series' loading time) is skipped.
 */
const BASE64_RESULT_FIELDS: Record<string, string> = { 'imaging.frame': 'data' };
const SPLICED = `"relais-spliced-${randomUUID()}"`;

/** The message as the text frame's bytes. */
export function serialise(message: ServerMessage, channel?: string): Buffer {
  const field = channel ? BASE64_RESULT_FIELDS[channel] : undefined;
  const result =
    message.kind === 'result' ? (message.result as { ok: boolean; value?: Record<string, unknown> }) : null;
  const bulk = field && result?.ok ? result.value?.[field] : undefined;
  if (typeof bulk !== 'string') return Buffer.from(JSON.stringify(message), 'utf8');
  const text = JSON.stringify({
    ...message,
    result: { ...result, value: { ...result!.value, [field!]: SPLICED.slice(1, -1) } },
  });
  const at = text.indexOf(SPLICED);
  // One-byte text (base64): latin1 is its UTF-8, copied as it is.
  return Buffer.concat([
    Buffer.from(text.slice(0, at + 1), 'utf8'),
    Buffer.from(bulk, 'latin1'),
    Buffer.from(text.slice(at + SPLICED.length - 1), 'utf8'),
  ]);
}

export function bindWebSocket(server: http.Server, station: Station, check: UpgradeCheck, logger: Logger): () => void {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    // Answer with the wire protocol only: the token is never echoed back.
    handleProtocols: () => WIRE_PROTOCOL,
  });

  const send = (ws: WebSocket, message: ServerMessage, channel?: string) => {
    if (ws.readyState === ws.OPEN) ws.send(serialise(message, channel), { binary: false });
  };

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(req, check);
    if (refusal) {
      logger.warn('host.upgrade_refused', { status: refusal.status, reason: refusal.reason });
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  wss.on('connection', (ws, req: http.IncomingMessage) => {
    // For the audit trail: where this page's calls come from.
    const origin = { binding: 'websocket' as const, remote: req.socket.remoteAddress ?? 'unknown' };
    ws.on('message', async (data, isBinary) => {
      if (isBinary) return send(ws, { kind: 'error', message: 'Binary messages are not accepted' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString('utf8'));
      } catch {
        return send(ws, { kind: 'error', message: 'Message is not JSON' });
      }
      const envelope = ClientMessageSchema.safeParse(parsed);
      if (!envelope.success) return send(ws, { kind: 'error', message: 'Message is not a contract call' });
      const { id, channel, payload } = envelope.data;
      const result = await station.dispatch(channel, payload, origin).catch(() => err('internal', 'Unexpected error'));
      send(ws, { kind: 'result', id, result }, channel);
    });
    ws.on('error', (error) => logger.warn('host.socket_error', { error: error.message }));
  });

  const unsubscribe = station.events.onAny((event, payload) => {
    for (const ws of wss.clients) send(ws, { kind: 'event', event, payload });
  });

  return () => {
    unsubscribe();
    server.off('upgrade', onUpgrade);
    for (const ws of wss.clients) ws.terminate();
    wss.close();
  };
}
