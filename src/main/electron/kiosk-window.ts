// Kiosk mode in the window: full screen and on top while the cabin is in kiosk mode, the keyboard's
// ways out refused, no closing or quitting until the pharmacist leaves kiosk mode with her PIN
// (kiosk.leave, checked by the kiosk service), and, after each patient's session, Chromium's own
// storage wiped (the page clears what it can reach; HTTP cache, service workers and the like are
// only reachable here).
import type { App, BrowserWindow, Session } from 'electron';
import type { StationEvents } from '../platform/station-events';
import { blockedKioskShortcut } from './kiosk-shortcuts';

// Everything Chromium keeps for the page; cookies too, though the app sets none.
const STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const;

export interface KioskWindowOptions {
  events: StationEvents;
  window: () => BrowserWindow | null;
  session: Session;
  app: Pick<App, 'on' | 'removeListener'>;
  onError: (error: unknown) => void;
  now?: () => Date;
}

export interface KioskWindow {
  /** The OS ends the app (a termination signal: shutdown, logout, the service manager): let it. */
  allowSystemQuit(): void;
  stop(): void;
}

export function followKioskMode(options: KioskWindowOptions): KioskWindow {
  const { events, session, app, onError } = options;
  const now = options.now ?? (() => new Date());
  let active = false;
  let systemQuit = false;
  let guarded: BrowserWindow | null = null;

  // SECURITY: in kiosk mode the window cannot be closed (Alt+F4, a close gesture, the window
  // manager) and the app cannot quit (a menu role, the dock, app.quit from any path): leaving goes
  // through the pharmacist's PIN in the page, whose keypad is opened for her. Only the OS ending
  // the app is let through; updates never install in kiosk mode (station-updates.ts).
  const refuseExit = (event: Electron.Event) => {
    if (!active || systemQuit) return;
    event.preventDefault();
    events.emit('kiosk.exitRefused', { at: now().toISOString() });
  };
  // SECURITY: the keyboard's ways out of the cabin (reload, developer tools, quit, zoom, print...:
  // kiosk-shortcuts.ts) never reach the page or a menu while kiosk mode is on.
  const refuseShortcut = (event: Electron.Event, input: Electron.Input) => {
    if (active && blockedKioskShortcut(input)) event.preventDefault();
  };
  const sessionEnded = () => {
    systemQuit = true;
  };

  const unguard = () => {
    if (!guarded) return;
    if (!guarded.isDestroyed()) {
      guarded.removeListener('close', refuseExit);
      guarded.removeListener('session-end', sessionEnded);
      guarded.webContents.removeListener('before-input-event', refuseShortcut);
    }
    guarded = null;
  };
  const guard = (win: BrowserWindow) => {
    if (guarded === win) return;
    unguard();
    win.on('close', refuseExit);
    // Windows: the OS session ends (logout, shutdown); the app must let itself be closed.
    win.on('session-end', sessionEnded);
    win.webContents.on('before-input-event', refuseShortcut);
    guarded = win;
  };

  const setKiosk = (on: boolean) => {
    active = on;
    const win = options.window();
    if (!win || win.isDestroyed()) return;
    guard(win);
    // SECURITY: kiosk mode hides the window frame and keeps it full screen and on top, so the
    // patient cannot reach the desktop; the OS session itself must be a locked-down kiosk user.
    win.setKiosk(on);
    win.setAlwaysOnTop(on, 'screen-saver');
  };

  app.on('before-quit', refuseExit);
  const offChanged = events.on('kiosk.changed', (state) => setKiosk(state.active));
  const offEnded = events.on('kiosk.sessionEnded', () => {
    void Promise.all([session.clearStorageData({ storages: [...STORAGES] }), session.clearCache()]).catch(onError);
  });
  return {
    allowSystemQuit: () => {
      systemQuit = true;
    },
    stop: () => {
      unguard();
      app.removeListener('before-quit', refuseExit);
      offChanged();
      offEnded();
    },
  };
}
