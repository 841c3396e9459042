// The station's own connection to the regional hub: presents its token, reconnects with back-off,
// and keeps the hub link state that the home screen shows.
import WebSocket from 'ws';
import { HUB_PROTOCOL } from '../../shared/hub-protocol';
import type { HubLink } from './hub-link';

export interface HubClientOptions {
  url: string;
  token: string;
  link: HubLink;
  onLog?: (event: string, detail?: Record<string, unknown>) => void;
}

export function connectHubClient({ url, token, link, onLog = () => {} }: HubClientOptions) {
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
    });
    ws.on('unexpected-response', (_req, res) => {
      onLog('hub.refused', { status: res.statusCode });
      ws.terminate();
    });
    ws.on('error', (error) => onLog('hub.error', { error: error.message }));
    ws.on('close', () => {
      socket = null;
      if (closed) return;
      link.set({ state: 'offline', url });
      timer = setTimeout(open, delay * (0.8 + 0.4 * Math.random()));
      delay = Math.min(delay * 2, 10_000);
    });
  }
  open();

  return {
    close(): void {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
