// A peer of a real hub in a test: a WebSocket with a token (or none, to be refused), every message
// buffered from the start (the welcome comes at once), and `next(type)` to wait for the first
// message of a type. `send` sends a string as it is (to try malformed text), anything else as JSON.
import WebSocket from 'ws';
import { HUB_PROTOCOL, type ServerMessage } from '../../src/shared/hub-protocol';

export interface HubPeer {
  ws: WebSocket;
  inbox: ServerMessage[];
  next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>>;
  send(message: unknown): void;
}

export async function connectToHub(url: string, token: string | undefined, opened: WebSocket[]): Promise<HubPeer> {
  const ws = new WebSocket(url, token === undefined ? [HUB_PROTOCOL] : [HUB_PROTOCOL, `token.${token}`]);
  opened.push(ws);
  const inbox: ServerMessage[] = [];
  const waiting: (() => void)[] = [];
  ws.on('message', (d) => {
    inbox.push(JSON.parse(String(d)) as ServerMessage);
    waiting.splice(0).forEach((w) => w());
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_q, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const next = async <T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> => {
    for (;;) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) return inbox.splice(i, 1)[0] as Extract<ServerMessage, { type: T }>;
      await new Promise<void>((r) => waiting.push(r));
    }
  };
  return { ws, inbox, next, send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)) };
}
