// The one set of webPreferences every Relais window uses; tests read this same factory.
import type { WebPreferences } from 'electron';

export interface WebPreferencesOptions {
  /** The developer switch (developer-tools.ts); off unless RELAIS_DEV_TOOLS=1. */
  devTools?: boolean;
}

export function createWebPreferences(preloadPath: string, options: WebPreferencesOptions = {}): WebPreferences {
  return {
    preload: preloadPath,
    // SECURITY: the renderer runs in Chromium's OS sandbox; the preload gets only the
    // sandboxed subset of Node (contextBridge, ipcRenderer), never fs or child_process.
    sandbox: true,
    // SECURITY: the preload's world is separate from the page's; the page only sees the
    // object exposed through contextBridge.
    contextIsolation: true,
    // SECURITY: no Node in the page, its workers or its frames.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // SECURITY: same-origin policy stays on; the app:// origin cannot read other origins.
    webSecurity: true,
    // SECURITY: app:// is secure; mixed http content is never run.
    allowRunningInsecureContent: false,
    // SECURITY: no <webview>: it would embed a guest page with its own preferences.
    webviewTag: false,
    // SECURITY: no experimental Blink features with unreviewed security.
    experimentalFeatures: false,
    // SECURITY: dropping a file or link on the window must not navigate it away from the app.
    navigateOnDragDrop: false,
    // SECURITY: the spellchecker would send typed words (patient names, notes) to a dictionary
    // service and its downloads; clinical text stays local.
    spellcheck: false,
    // SECURITY: a page looping alert() cannot lock the station; Chromium offers to block them.
    safeDialogs: true,
    // SECURITY: WebSQL is deprecated and unused; records live in main's SQLite only.
    enableWebSQL: false,
    // SECURITY: no developer tools (Ctrl+Shift+I, F12, openDevTools) unless the developer switch
    // is set: a console holds the session of whoever is signed in, and in a cabin the patient is alone.
    devTools: options.devTools === true,
  };
}
