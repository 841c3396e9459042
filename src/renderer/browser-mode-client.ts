// Browser mode: the RelaisApi over the host's loopback WebSocket, with the per-run token.
import { isChannel, isEventName, type RelaisApi } from '../shared/contract';
import { err, type Result } from '../shared/result';
import { TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL, type ServerMessage } from '../shared/wire';

export const TOKEN_KEY = 'relais.token';

// The token comes in the URL fragment printed by `npm start` (never sent to a server), is kept
// for this tab only, and is removed from the address bar.
export function takeToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([0-9a-f]{32,128})/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(TOKEN_KEY);
}

type Pending = { resolve: (result: Result<unknown>) => void };

export type LinkState = 'online' | 'offline';

export interface BrowserModeClient extends RelaisApi {
  onLinkChange(listener: (state: LinkState) => void): () => void;
  close(): void;
}

export function createBrowserModeClient(url: string, token: string | null): BrowserModeClient {
  const linkListeners = new Set<(state: LinkState) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let retryMs = 250;
  let closed = false;

  const failAll = (message: string) => {
    for (const p of pending.values()) p.resolve(err('disconnected', message));
    pending.clear();
  };

  function connect() {
    if (!token) return;
    const ws = new WebSocket(url, [WIRE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token]);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      for (const message of queue.splice(0)) ws.send(message);
      for (const l of linkListeners) l('online');
    };
    ws.onmessage = (event) => {
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      if (message.kind === 'result') {
        pending.get(message.id)?.resolve(message.result as Result<unknown>);
        pending.delete(message.id);
      } else if (message.kind === 'event') {
        for (const l of listeners.get(message.event) ?? []) l(message.payload);
      }
    };
    ws.onclose = () => {
      socket = null;
      failAll('The station is not reachable. Check that Relais is still running.');
      for (const l of linkListeners) l('offline');
      if (!closed) setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  }
  connect();

  return {
    invoke(channel, input) {
      if (!token) {
        return Promise.resolve(
          err('forbidden', 'This page was opened without the station key. Open the address printed by `npm start`.'),
        );
      }
      if (!isChannel(channel)) return Promise.resolve(err('unknown_channel', `Unknown channel ${String(channel)}`));
      const id = nextId++;
      const message = JSON.stringify({ kind: 'invoke', id, channel, payload: input });
      return new Promise((resolve) => {
        pending.set(id, { resolve: resolve as Pending['resolve'] });
        if (socket?.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    on(event, listener) {
      if (!isEventName(event)) throw new Error(`Unknown event ${String(event)}`);
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    onLinkChange(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
