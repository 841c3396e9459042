// The station's own connection to the regional hub: presents its token, reconnects with back-off,
// parses what the hub sends (a bad message is logged and dropped), and sends for the call service.
// The token never leaves the main process; it is read at each connection, and when it rotates
// the client connects again with the new one before leaving the old connection (the hub keeps the
// newest connection of an identity, and an active call resumes on it).
import WebSocket from 'ws';
import {
  HUB_PROTOCOL,
  ServerMessageSchema,
  type ClientMessage,
  type ServerMessage,
} from '../../../shared/hub-protocol';
import type { HubLink } from './hub-link';

export interface HubClientOptions {
  url: string;
  /** The current token (hub-token.ts), read at each connection. */
  token: string | (() => string);
  link: HubLink;
  onMessage?: (message: ServerMessage) => void;
  /** The hub refused the connection (HTTP status at the upgrade: 401 for a token it does not accept). */
  onRefused?: (status: number) => void;
  onLog?: (event: string, detail?: Record<string, unknown>) => void;
}

export interface HubClient {
  /** False when the hub is not reachable right now: nothing is queued, the caller decides. */
  send(message: ClientMessage): boolean;
  /** Connects again now with the current token (it rotated); the open connection stays until the new one is up. */
  reconnect(): void;
  close(): void;
}

export function connectHubClient({
  url,
  token,
  link,
  onMessage = () => {},
  onRefused = () => {},
  onLog = () => {},
}: HubClientOptions): HubClient {
  const currentToken = typeof token === 'string' ? () => token : token;
  let socket: WebSocket | null = null;
  let connecting: WebSocket | null = null;
  let delay = 250;
  // A hub that refused with 429 says how long to wait (Retry-After): the next try waits that long.
  let waitAtLeastMs = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function open(): void {
    if (closed) return;
    timer = null;
    const previous = socket?.readyState === WebSocket.OPEN ? socket : null;
    if (!previous) link.set({ state: 'connecting', url });
    const ws = new WebSocket(url, [HUB_PROTOCOL, `token.${currentToken()}`]);
    connecting = ws;
    if (!previous) socket = ws;
    ws.on('open', () => {
      if (connecting === ws) connecting = null;
      socket = ws;
      // The hub has already replaced the previous connection by this one (4000); it is let go.
      if (previous && previous !== ws) previous.close(1000, 'token rotated');
      delay = 250;
      link.set({ state: 'online', url });
      onLog('hub.online', { url });
      ws.send(JSON.stringify({ type: 'directory.get' } satisfies ClientMessage));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return onLog('hub.invalid_message', { reason: 'binary' });
      let parsed: unknown;
      try {
        parsed = JSON.parse(data.toString());
      } catch {
        return onLog('hub.invalid_message', { reason: 'not JSON' });
      }
      const message = ServerMessageSchema.safeParse(parsed);
      if (!message.success) return onLog('hub.invalid_message', { reason: message.error.issues[0]?.message });
      onMessage(message.data);
    });
    ws.on('unexpected-response', (_req, res) => {
      onLog('hub.refused', { status: res.statusCode });
      const retryAfter = Number(res.headers['retry-after']);
      if (res.statusCode === 429 && Number.isFinite(retryAfter)) waitAtLeastMs = Math.min(retryAfter, 300) * 1000;
      ws.terminate();
      if (res.statusCode) onRefused(res.statusCode);
    });
    ws.on('error', (error) => onLog('hub.error', { error: error.message }));
    ws.on('close', () => {
      if (connecting === ws) connecting = null;
      if (socket === ws) socket = null;
      if (closed) return;
      // A rotation: another connection is up or on its way; it carries on (or retries if it fails).
      if (socket?.readyState === WebSocket.OPEN || connecting) return;
      link.set({ state: 'offline', url });
      timer = setTimeout(open, Math.max(delay * (0.8 + 0.4 * Math.random()), waitAtLeastMs));
      waitAtLeastMs = 0;
      delay = Math.min(delay * 2, 10_000);
    });
  }
  open();

  return {
    send(message) {
      if (!socket || socket.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    reconnect(): void {
      if (closed || connecting) return; // a connection on its way reads the token when it retries
      if (timer) clearTimeout(timer);
      open();
    },
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
      connecting?.close();
    },
  };
}
