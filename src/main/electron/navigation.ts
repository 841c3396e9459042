// Keeps every web contents on the app: no navigation away, no new windows, no <webview>.
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import { isAllowedExternalUrl, openExternalSafely } from './open-external';

// SECURITY: a page may only ever show app://relais; any other URL (https, file, data,
// javascript) would run with the preload's API and the app's permissions.
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

export interface WindowOpenDecision {
  action: 'deny';
  // Whether the URL goes to the OS browser / mail client instead.
  openExternally: boolean;
}

// SECURITY: the app never opens a second Electron window from the page: window.open and
// target=_blank are always denied; only allow-listed links (https, mailto) leave for the OS.
export function windowOpenDecision(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url) };
}

// Wired on every web contents as soon as it is created (app 'web-contents-created').
export function hardenWebContents(contents: WebContents): void {
  // SECURITY: a link or script navigating the top frame away is stopped; an https/mailto
  // link the user clicked goes to the OS instead, so it still works.
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    openExternalSafely(event.url);
  });
  // SECURITY: same rule for any frame, including iframes the page might create. Electron emits
  // this after will-navigate and skips it once that one cancelled, so a main-frame link reaches
  // the OS once whichever of the two handles it; a subframe's link never does.
  contents.on('will-frame-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openExternalSafely(event.url);
  });
  // SECURITY: a server redirect cannot carry the page elsewhere either (never opened
  // externally: a redirect is not the user's choice).
  contents.on('will-redirect', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) openExternalSafely(url);
    return { action: decision.action };
  });
  // SECURITY: webviewTag is already false; refusing attachment too means a future change to
  // webPreferences cannot silently embed a guest page.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  // SECURITY: navigator.bluetooth.requestDevice would otherwise pick the first device found
  // when unhandled; devices are driven by main, never chosen by the page.
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
