// One Relais per user profile: a second launch focuses the running window instead.
import type { App } from 'electron';

export type SingleInstanceApp = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;

// SECURITY: two processes on the same data folder would race on SQLite, the outbox and the
// serial ports of the devices; the second one quits at once, before opening anything.
export function acquireSingleInstance(app: SingleInstanceApp, focus: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  // SECURITY: the second instance's command line and working directory are ignored: they
  // come from whoever launched it, and nothing in Relais acts on them.
  app.on('second-instance', () => focus());
  return true;
}
