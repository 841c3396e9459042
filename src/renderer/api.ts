// The only file that touches window.relais: the preload's API under Electron, else the
// browser-mode WebSocket client to the station's loopback host.
import type { RelaisApi } from '../shared/contract';
import { createBrowserModeClient, takeToken, type LinkState } from './browser-mode-client';

declare global {
  interface Window {
    relais?: RelaisApi;
  }
}

export type StationMode = 'electron' | 'browser';

interface Connection {
  api: RelaisApi;
  mode: StationMode;
  hasToken: boolean;
  onLinkChange: (listener: (state: LinkState) => void) => () => void;
}

function connect(): Connection {
  if (window.relais) return { api: window.relais, mode: 'electron', hasToken: true, onLinkChange: () => () => {} };
  const token = takeToken(window.location, window.sessionStorage, window.history);
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/relais`;
  const client = createBrowserModeClient(url, token);
  // Pasting the address with its key into a page opened without it changes only the fragment,
  // which does not reload the page: reload so that the key is taken.
  window.addEventListener('hashchange', () => {
    if (/token=/.test(window.location.hash)) window.location.reload();
  });
  return { api: client, mode: 'browser', hasToken: token !== null, onLinkChange: client.onLinkChange };
}

const connection = connect();
export const relais: RelaisApi = connection.api;
export const stationMode: StationMode = connection.mode;
// False in browser mode when the page was opened without the key from `npm start`.
export const hasStationKey: boolean = connection.hasToken;
// Browser mode: whether the page can reach the station's host (always online under Electron).
export const onLinkChange = connection.onLinkChange;
export type { LinkState };
