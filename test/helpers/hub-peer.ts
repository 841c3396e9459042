// A peer of a real hub in a test: a WebSocket with a token (or none, to be refused), every message
// buffered from the start (the welcome comes at once), and `next(type)` to wait for the first
// message of a type (or the first that matches, the ones before it of that type dropped). `send`
// sends a string as it is (to try malformed text), anything else as JSON.
import WebSocket from 'ws';
import { HUB_PROTOCOL, type Peer, type ServerMessage } from '../../src/shared/hub-protocol';

type Message<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export interface HubPeer {
  ws: WebSocket;
  inbox: ServerMessage[];
  next<T extends ServerMessage['type']>(type: T, matches?: (m: Message<T>) => boolean): Promise<Message<T>>;
  send(message: unknown): void;
}

export interface HubPeerOptions {
  /** How long `next` waits before it fails saying which message did not come; without it, until the test's timeout. */
  waitMs?: number;
  /** Who the peer is, in that failure. */
  name?: string;
}

export async function connectToHub(
  url: string,
  token: string | undefined,
  opened: WebSocket[],
  options: HubPeerOptions = {},
): Promise<HubPeer> {
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
  const { waitMs, name = 'the peer' } = options;
  const next = async <T extends ServerMessage['type']>(
    type: T,
    matches: (m: Message<T>) => boolean = () => true,
  ): Promise<Message<T>> => {
    const deadline = waitMs === undefined ? Infinity : Date.now() + waitMs;
    for (;;) {
      const i = inbox.findIndex((m) => m.type === type);
      if (i >= 0) {
        const m = inbox.splice(i, 1)[0] as Message<T>;
        if (matches(m)) return m;
        continue;
      }
      if (Date.now() > deadline) throw new Error(`${name}: no ${type} came`);
      await new Promise<void>((r) => {
        waiting.push(r);
        // With a deadline, look again now and then even if nothing comes.
        if (waitMs !== undefined) setTimeout(r, 100);
      });
    }
  };
  return { ws, inbox, next, send: (m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)) };
}

/**
 * Who is online as a peer sees it after each presence message it got: its welcome's list, then
 * each `presence.changed` applied (peers replaced or added by id, the gone removed), as the
 * station's call service does.
 */
export function presenceViews(inbox: ServerMessage[]): Peer[][] {
  const views: Peer[][] = [];
  let view: Peer[] = [];
  for (const m of inbox) {
    if (m.type === 'welcome') view = m.peers;
    else if (m.type === 'presence.changed') {
      const gone = new Set([...m.left, ...m.peers.map((p) => p.id)]);
      view = [...view.filter((p) => !gone.has(p.id)), ...m.peers];
    } else continue;
    views.push(view);
  }
  return views;
}
