// The window follows the station's kiosk mode, and a cabin session's end wipes Chromium's storage.
import { describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, Session } from 'electron';
import { followKioskMode } from '../../../src/main/electron/kiosk-window';
import { createStationEvents } from '../../../src/main/station-events';

function fakeWindow() {
  const listeners: Record<string, (event: { preventDefault(): void }) => void> = {};
  return {
    setKiosk: vi.fn(),
    setAlwaysOnTop: vi.fn(),
    isDestroyed: () => false,
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => void (listeners[name] = listener),
    removeListener: vi.fn(),
    /** Asks to close, as Alt+F4 would; true when the window let itself be closed. */
    tryClose() {
      const event = { prevented: false, preventDefault() { this.prevented = true; } };
      listeners.close?.(event);
      return !event.prevented;
    },
  };
}
function fakeSession() {
  return { clearStorageData: vi.fn(() => Promise.resolve()), clearCache: vi.fn(() => Promise.resolve()) };
}

describe('kiosk window', () => {
  it('goes full screen, on top, when kiosk mode starts, and back when it ends', () => {
    const events = createStationEvents();
    const win = fakeWindow();
    followKioskMode(events, () => win as unknown as BrowserWindow, fakeSession() as unknown as Session, () => {});
    events.emit('kiosk.changed', { active: true, pinSet: true, lockedUntil: null, site: 'Pharmacie' });
    expect(win.setKiosk).toHaveBeenLastCalledWith(true);
    expect(win.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'screen-saver');
    events.emit('kiosk.changed', { active: false, pinSet: true, lockedUntil: null, site: 'Pharmacie' });
    expect(win.setKiosk).toHaveBeenLastCalledWith(false);
  });

  it('cannot be closed in kiosk mode, except when the app quits', () => {
    const events = createStationEvents();
    const win = fakeWindow();
    let quitting = false;
    followKioskMode(events, () => win as unknown as BrowserWindow, fakeSession() as unknown as Session, () => {}, () => quitting);
    events.emit('kiosk.changed', { active: true, pinSet: true, lockedUntil: null, site: 'Pharmacie' });
    expect(win.tryClose()).toBe(false);
    quitting = true;
    expect(win.tryClose()).toBe(true);
    quitting = false;
    events.emit('kiosk.changed', { active: false, pinSet: true, lockedUntil: null, site: 'Pharmacie' });
    expect(win.tryClose()).toBe(true);
  });

  it('wipes local storage, IndexedDB, cache storage and the HTTP cache when a session ends', () => {
    const events = createStationEvents();
    const session = fakeSession();
    followKioskMode(events, () => null, session as unknown as Session, () => {});
    events.emit('kiosk.sessionEnded', { at: '2026-11-23T10:00:00Z' });
    const storages = (session.clearStorageData.mock.calls[0] as unknown as [{ storages: string[] }])[0].storages;
    expect(storages).toEqual(expect.arrayContaining(['localstorage', 'indexdb', 'cachestorage', 'serviceworkers']));
    expect(session.clearCache).toHaveBeenCalled();
  });

  it('stops following once unbound', () => {
    const events = createStationEvents();
    const win = fakeWindow();
    const stop = followKioskMode(events, () => win as unknown as BrowserWindow, fakeSession() as unknown as Session, () => {});
    stop();
    events.emit('kiosk.changed', { active: true, pinSet: true, lockedUntil: null, site: 'Pharmacie' });
    expect(win.setKiosk).not.toHaveBeenCalled();
  });
});
