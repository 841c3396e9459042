// The window follows the station's kiosk mode: full screen and on top, its keyboard shortcuts out
// of the cabin refused, no closing or quitting until the pharmacist leaves with her PIN (the page
// is told, to show her keypad), and a cabin session's end wipes Chromium's storage.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { App, BrowserWindow, Session } from 'electron';
import { followKioskMode } from '../../../src/main/electron/kiosk-window';
import { createStationEvents } from '../../../src/main/platform/station-events';
import type { KeyInput } from '../../../src/main/electron/kiosk-shortcuts';

const ON = { active: true, pinSet: true, lockedUntil: null, site: 'Pharmacie' };
const OFF = { ...ON, active: false };

function fakeEvent() {
  return {
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
  };
}

function fakeWindow() {
  const windowEvents = new EventEmitter();
  const contentsEvents = new EventEmitter();
  return {
    setKiosk: vi.fn(),
    setAlwaysOnTop: vi.fn(),
    isDestroyed: () => false,
    on: (name: string, listener: (...args: unknown[]) => void) => windowEvents.on(name, listener),
    removeListener: (name: string, listener: (...args: unknown[]) => void) =>
      windowEvents.removeListener(name, listener),
    webContents: {
      on: (name: string, listener: (...args: unknown[]) => void) => contentsEvents.on(name, listener),
      removeListener: (name: string, listener: (...args: unknown[]) => void) =>
        contentsEvents.removeListener(name, listener),
    },
    /** Asks to close, as Alt+F4 or the window manager would; true when the window let itself be closed. */
    tryClose() {
      const event = fakeEvent();
      windowEvents.emit('close', event);
      return !event.prevented;
    },
    /** A key pressed in the page; true when it reached the page (not refused). */
    press(input: Partial<KeyInput> & { key: string }) {
      const event = fakeEvent();
      contentsEvents.emit('before-input-event', event, {
        type: 'keyDown',
        control: false,
        meta: false,
        alt: false,
        shift: false,
        ...input,
      });
      return !event.prevented;
    },
    /** Windows: the OS session ends (logout, shutdown). */
    sessionEnd: () => windowEvents.emit('session-end'),
    listeners: () => windowEvents.eventNames().length + contentsEvents.eventNames().length,
  };
}
function fakeSession() {
  return { clearStorageData: vi.fn(() => Promise.resolve()), clearCache: vi.fn(() => Promise.resolve()) };
}
function fakeApp() {
  const appEvents = new EventEmitter();
  return {
    on: (name: string, listener: (...args: unknown[]) => void) => appEvents.on(name, listener),
    removeListener: (name: string, listener: (...args: unknown[]) => void) => appEvents.removeListener(name, listener),
    /** app.quit() from any path (a menu role, the dock, the updater...); true when it went ahead. */
    tryQuit() {
      const event = fakeEvent();
      appEvents.emit('before-quit', event);
      return !event.prevented;
    },
    listeners: () => appEvents.eventNames().length,
  };
}

function follow(win: ReturnType<typeof fakeWindow> | null = fakeWindow()) {
  const events = createStationEvents();
  const app = fakeApp();
  const session = fakeSession();
  const exits: string[] = [];
  events.on('kiosk.exitRefused', (payload) => exits.push(payload.at));
  const kiosk = followKioskMode({
    events,
    window: () => win as unknown as BrowserWindow,
    session: session as unknown as Session,
    app: app as unknown as App,
    onError: () => {},
    now: () => new Date('2026-11-23T10:00:00Z'),
  });
  return { events, app, session, win: win!, kiosk, exits };
}

describe('kiosk window', () => {
  it('goes full screen, on top, when kiosk mode starts, and back when it ends', () => {
    const { events, win } = follow();
    events.emit('kiosk.changed', ON);
    expect(win.setKiosk).toHaveBeenLastCalledWith(true);
    expect(win.setAlwaysOnTop).toHaveBeenLastCalledWith(true, 'screen-saver');
    events.emit('kiosk.changed', OFF);
    expect(win.setKiosk).toHaveBeenLastCalledWith(false);
  });

  it('cannot be closed (Alt+F4, the window manager) in kiosk mode, and the page is told so', () => {
    const { events, win, exits } = follow();
    events.emit('kiosk.changed', ON);
    expect(win.tryClose()).toBe(false);
    expect(exits).toEqual(['2026-11-23T10:00:00.000Z']);
    // Leaving kiosk mode (kiosk.leave, with her PIN) is what lets it close.
    events.emit('kiosk.changed', OFF);
    expect(win.tryClose()).toBe(true);
    expect(exits).toHaveLength(1);
  });

  it('refuses every app quit path in kiosk mode until the pharmacist leaves with her PIN', () => {
    const { events, app, exits } = follow();
    expect(app.tryQuit()).toBe(true);
    events.emit('kiosk.changed', ON);
    expect(app.tryQuit()).toBe(false);
    expect(exits).toHaveLength(1);
    events.emit('kiosk.changed', OFF);
    expect(app.tryQuit()).toBe(true);
  });

  it('lets the OS end the app in kiosk mode: a termination signal, or the Windows session ending', () => {
    const signalled = follow();
    signalled.events.emit('kiosk.changed', ON);
    signalled.kiosk.allowSystemQuit();
    expect(signalled.app.tryQuit()).toBe(true);
    expect(signalled.win.tryClose()).toBe(true);

    const windows = follow();
    windows.events.emit('kiosk.changed', ON);
    windows.win.sessionEnd();
    expect(windows.app.tryQuit()).toBe(true);
    expect(windows.win.tryClose()).toBe(true);
  });

  it('refuses the shortcuts out of the cabin in kiosk mode, and lets typing through', () => {
    const { events, win } = follow();
    events.emit('kiosk.changed', ON);
    const refused = [
      { key: 'r', control: true },
      { key: 'R', control: true, shift: true },
      { key: 'F5' },
      { key: 'I', control: true, shift: true },
      { key: 'F12' },
      { key: 'q', control: true },
      { key: 'w', control: true },
      { key: 'F4', alt: true },
      { key: '+', control: true },
      { key: '0', control: true },
      { key: 'p', control: true },
      { key: 'u', control: true },
      { key: 'F11' },
      { key: 'ArrowLeft', alt: true },
    ];
    for (const key of refused) expect(win.press(key), JSON.stringify(key)).toBe(false);
    const typing = [
      { key: 'a' },
      { key: 'K', shift: true },
      { key: '4' },
      { key: 'é' },
      { key: '/' },
      { key: ',' },
      { key: 'Backspace' },
    ];
    for (const key of [...typing, { key: 'Tab' }, { key: 'v', control: true }])
      expect(win.press(key), JSON.stringify(key)).toBe(true);
  });

  it('leaves the keyboard alone outside kiosk mode', () => {
    const { events, win } = follow();
    events.emit('kiosk.changed', ON);
    events.emit('kiosk.changed', OFF);
    expect(win.press({ key: 'r', control: true })).toBe(true);
    expect(win.press({ key: 'F5' })).toBe(true);
  });

  it('wipes local storage, IndexedDB, cache storage and the HTTP cache when a session ends', () => {
    const { events, session } = follow(null);
    events.emit('kiosk.sessionEnded', { at: '2026-11-23T10:00:00Z' });
    const storages = (session.clearStorageData.mock.calls[0] as unknown as [{ storages: string[] }])[0].storages;
    expect(storages).toEqual(expect.arrayContaining(['localstorage', 'indexdb', 'cachestorage', 'serviceworkers']));
    expect(session.clearCache).toHaveBeenCalled();
  });

  it('stops following once unbound, and removes its listeners', () => {
    const { events, win, app, kiosk } = follow();
    events.emit('kiosk.changed', OFF);
    kiosk.stop();
    events.emit('kiosk.changed', ON);
    expect(win.setKiosk).toHaveBeenCalledTimes(1);
    expect(win.listeners()).toBe(0);
    expect(app.listeners()).toBe(0);
  });
});
