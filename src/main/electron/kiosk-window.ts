// Kiosk mode in the window: full screen with no way out through the window manager while the
// cabin is in kiosk mode, and, after each patient's session, Chromium's own storage wiped (the
// page clears what it can reach; HTTP cache, service workers and the like are only reachable here).
import type { BrowserWindow, Session } from 'electron';
import type { StationEvents } from '../station-events';

// Everything Chromium keeps for the page; cookies too, though the app sets none.
const STORAGES = ['cookies', 'filesystem', 'indexdb', 'localstorage', 'shadercache', 'serviceworkers', 'cachestorage'] as const;

export function followKioskMode(events: StationEvents, window: () => BrowserWindow | null, session: Session, onError: (error: unknown) => void, isQuitting: () => boolean = () => false): () => void {
  let active = false;
  let guarded: BrowserWindow | null = null;
  // SECURITY: in kiosk mode the window cannot be closed (Alt+F4, a close gesture): leaving goes
  // through the pharmacist's PIN in the page.
  // The app itself quitting (an update, the OS shutting down) is let through.
  const refuseClose = (event: Electron.Event) => {
    if (active && !isQuitting()) event.preventDefault();
  };
  const setKiosk = (on: boolean) => {
    active = on;
    const win = window();
    if (!win || win.isDestroyed()) return;
    if (guarded !== win) {
      win.on('close', refuseClose);
      guarded = win;
    }
    // SECURITY: kiosk mode hides the window frame and keeps it full screen and on top, so the
    // patient cannot reach the desktop; the OS session itself must be a locked-down kiosk user.
    win.setKiosk(on);
    win.setAlwaysOnTop(on, 'screen-saver');
  };
  const offChanged = events.on('kiosk.changed', (state) => setKiosk(state.active));
  const offEnded = events.on('kiosk.sessionEnded', () => {
    void Promise.all([session.clearStorageData({ storages: [...STORAGES] }), session.clearCache()]).catch(onError);
  });
  return () => {
    guarded?.removeListener('close', refuseClose);
    offChanged();
    offEnded();
  };
}
