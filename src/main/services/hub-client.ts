// The station's own connection to the regional hub: presents its token, reconnects with back-off,
// parses what the hub sends (a bad message is logged and dropped), and sends for the call service.
// The token never leaves the main process.
import WebSocket from 'ws';
import { HUB_PROTOCOL, ServerMessageSchema, type ClientMessage, type ServerMessage } from '../../shared/hub-protocol';
import type { HubLink } from './hub-link';

export interface HubClientOptions {
  url: string;
  token: string;
  link: HubLink;
  onMessage?: (message: ServerMessage) => void;
  onLog?: (event: string, detail?: Record<string, unknown>) => void;
}

export interface HubClient {
  /** False when the hub is not reachable right now: nothing is queued, the caller decides. */
  send(message: ClientMessage): boolean;
  close(): void;
}

export function connectHubClient({ url, token, link, onMessage = () => {}, onLog = () => {} }: HubClientOptions): HubClient {
  let socket: WebSocket | null = null;
  let delay = 250;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function open(): void {
    if (closed) return;
    link.set({ state: 'connecting', url });
    const ws = new WebSocket(url, [HUB_PROTOCOL, `token.${token}`]);
    socket = ws;
    ws.on('open', () => {
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
      ws.terminate();
    });
    ws.on('error', (error) => onLog('hub.error', { error: error.message }));
    ws.on('close', () => {
      if (socket === ws) socket = null;
      if (closed) return;
      link.set({ state: 'offline', url });
      timer = setTimeout(open, delay * (0.8 + 0.4 * Math.random()));
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
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
