// Start-up order of the Electron shell: security switches before ready, guards before any window.
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/contract';

const h = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const order: string[] = [];
  const state = { lock: true, resolveReady: () => {} };
  const appEvents = new EventEmitter();
  const app = {
    events: appEvents,
    enableSandbox: vi.fn(() => order.push('enableSandbox')),
    setPath: vi.fn((name: string, _value: string) => order.push(`setPath:${name}`)),
    requestSingleInstanceLock: vi.fn(() => (order.push('requestSingleInstanceLock'), state.lock)),
    quit: vi.fn(() => order.push('quit')),
    on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
      order.push(`on:${event}`);
      appEvents.on(event, listener);
    }),
    removeListener: vi.fn((event: string, listener: (...args: unknown[]) => void) =>
      appEvents.removeListener(event, listener),
    ),
    whenReady: vi.fn(() => {
      order.push('whenReady');
      return new Promise<void>((resolve) => {
        state.resolveReady = () => {
          order.push('ready');
          resolve();
        };
      });
    }),
  };
  const defaultSession = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(() => order.push('setPermissionRequestHandler')),
    setPermissionCheckHandler: vi.fn(() => order.push('setPermissionCheckHandler')),
    setDevicePermissionHandler: vi.fn(() => order.push('setDevicePermissionHandler')),
    protocol: { handle: vi.fn((scheme: string) => order.push(`protocol.handle:${scheme}`)) },
  });
  const ipcMain = {
    handle: vi.fn((channel: string) => order.push(`ipcMain.handle:${channel}`)),
    removeHandler: vi.fn((channel: string) => order.push(`ipcMain.removeHandler:${channel}`)),
  };
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows = () => BrowserWindow.all;
    minimized = false;
    focus = vi.fn();
    restore = vi.fn();
    webContents = {
      isDestroyed: () => false,
      getURL: () => 'app://relais/index.html',
      send: vi.fn(),
      on: vi.fn(),
      removeListener: vi.fn(),
    };
    on = vi.fn();
    removeListener = vi.fn();
    setKiosk = vi.fn();
    setAlwaysOnTop = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      order.push('new BrowserWindow');
      BrowserWindow.all.push(this);
    }
    once() {}
    loadURL = vi.fn(() => Promise.resolve());
    isDestroyed = () => false;
    isMinimized = () => this.minimized;
  }
  const protocol = { registerSchemesAsPrivileged: vi.fn(() => order.push('registerSchemesAsPrivileged')) };
  const shell = { openExternal: vi.fn(() => Promise.resolve()) };
  const dialog = { showErrorBox: vi.fn() };
  const Menu = { setApplicationMenu: vi.fn((_menu: unknown) => order.push('Menu.setApplicationMenu')) };
  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => (order.push('safeStorage.isEncryptionAvailable'), true)),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptString: vi.fn((text: string) => Buffer.from(`sealed:${text}`)),
    decryptString: vi.fn((sealed: Buffer) => sealed.toString().slice('sealed:'.length)),
  };
  return { order, state, app, defaultSession, ipcMain, BrowserWindow, protocol, shell, dialog, safeStorage, Menu };
});

vi.mock('electron', () => ({
  app: h.app,
  BrowserWindow: h.BrowserWindow,
  ipcMain: h.ipcMain,
  protocol: h.protocol,
  session: { defaultSession: h.defaultSession },
  shell: h.shell,
  dialog: h.dialog,
  safeStorage: h.safeStorage,
  Menu: h.Menu,
}));

import { startElectronShell } from '../../../src/main/electron/shell';
import { createWebPreferences } from '../../../src/main/electron/web-preferences';
import type { Station } from '../../../src/main/station';
import type { KeySealer } from '../../../src/main/platform/security/data-key';
import { createStationEvents } from '../../../src/main/platform/station-events';

const DATA_DIR = path.join(os.tmpdir(), 'relais-shell-test');
const flush = () => new Promise((resolve) => setImmediate(resolve));

function start(createStation?: (dataDir: string, keySealer: KeySealer | null) => Station) {
  const station = {
    dispatch: vi.fn(() => Promise.resolve({ ok: true, value: { active: false } })),
    events: { onAny: vi.fn(() => () => h.order.push('events.off')), on: vi.fn(() => () => {}), emit: vi.fn() },
    close: vi.fn(() => h.order.push('station.close')),
  };
  const factory = vi.fn(
    createStation ?? ((_dir: string) => (h.order.push('createStation'), station as unknown as Station)),
  );
  const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  startElectronShell({
    createStation: factory,
    rendererRoot: '/opt/relais/out/renderer',
    preloadPath: '/opt/relais/out/preload/index.cjs',
    logger,
  });
  return { station, factory, logger };
}

beforeEach(() => {
  // The previous test's shell quits: its listeners (the termination signals' too) go.
  h.app.events.emit('will-quit');
  vi.clearAllMocks();
  h.order.length = 0;
  h.state.lock = true;
  h.app.events.removeAllListeners();
  h.BrowserWindow.all = [];
  vi.stubEnv('RELAIS_DATA_DIR', DATA_DIR);
});
afterEach(() => vi.unstubAllEnvs());

describe('startElectronShell', () => {
  it('enables the sandbox and registers app:// before anything else, and before ready', () => {
    start();
    expect(h.order.slice(0, 4)).toEqual([
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'setPath:userData',
      'requestSingleInstanceLock',
    ]);
    expect(h.order.indexOf('enableSandbox')).toBeLessThan(h.order.indexOf('whenReady'));
    expect(h.order).not.toContain('ready');
    expect(h.order).not.toContain('new BrowserWindow');
  });

  it('attaches the web-contents guard before ready, so no contents is ever unguarded', () => {
    start();
    expect(h.order.indexOf('on:web-contents-created')).toBeGreaterThan(-1);
    expect(h.order.indexOf('on:web-contents-created')).toBeLessThan(h.order.indexOf('whenReady'));
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    h.app.events.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('on ready: permissions, then protocol, then station, then IPC, then the window', async () => {
    const { factory } = start();
    h.state.resolveReady();
    await flush();
    const at = (entry: string) => h.order.indexOf(entry);
    expect(at('ready')).toBeGreaterThan(at('requestSingleInstanceLock'));
    expect(at('setPermissionRequestHandler')).toBeGreaterThan(at('ready'));
    expect(at('setPermissionCheckHandler')).toBeGreaterThan(at('ready'));
    expect(at('setDevicePermissionHandler')).toBeGreaterThan(at('ready'));
    expect(at('protocol.handle:app')).toBeGreaterThan(at('setDevicePermissionHandler'));
    expect(at('createStation')).toBeGreaterThan(at('protocol.handle:app'));
    for (const channel of CHANNELS) expect(at(`ipcMain.handle:${channel}`)).toBeGreaterThan(at('createStation'));
    expect(at('new BrowserWindow')).toBeGreaterThan(at(`ipcMain.handle:${CHANNELS.at(-1)}`));
    expect(factory).toHaveBeenCalledExactlyOnceWith(
      path.resolve(DATA_DIR),
      expect.objectContaining({ backend: 'gnome_libsecret' }),
    );
    // The keychain is asked once the app is ready (Linux has none before).
    expect(at('safeStorage.isEncryptionAvailable')).toBeGreaterThan(at('ready'));
  });

  it('uses the same data folder as browser mode for the station and the Chromium profile', async () => {
    const { factory } = start();
    expect(h.app.setPath).toHaveBeenCalledWith('userData', path.resolve(DATA_DIR));
    h.state.resolveReady();
    await flush();
    expect(factory.mock.calls[0]![0]).toBe(path.resolve(DATA_DIR));
  });

  it('opens one window with the hardened preferences and the given preload', async () => {
    start();
    h.state.resolveReady();
    await flush();
    expect(h.BrowserWindow.all).toHaveLength(1);
    const window = h.BrowserWindow.all[0]!;
    expect(window.options.webPreferences).toEqual(createWebPreferences('/opt/relais/out/preload/index.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://relais/index.html');
  });

  it('removes the application menu (reload, DevTools, quit) before the window opens, and opens it without DevTools', async () => {
    start();
    h.state.resolveReady();
    await flush();
    expect(h.Menu.setApplicationMenu).toHaveBeenCalledExactlyOnceWith(null);
    expect(h.order.indexOf('Menu.setApplicationMenu')).toBeLessThan(h.order.indexOf('new BrowserWindow'));
    expect((h.BrowserWindow.all[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false);
  });

  it('with the developer switch (RELAIS_DEV_TOOLS=1) keeps the default menu and DevTools, and says so in the log', async () => {
    vi.stubEnv('RELAIS_DEV_TOOLS', '1');
    const { logger } = start();
    h.state.resolveReady();
    await flush();
    expect(h.Menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(h.BrowserWindow.all[0]!.options.webPreferences).toEqual(
      createWebPreferences('/opt/relais/out/preload/index.cjs', { devTools: true }),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'shell.dev_tools_on',
      expect.objectContaining({ setting: 'RELAIS_DEV_TOOLS' }),
    );
  });

  it('refuses to quit while the cabin is in kiosk mode, except on a termination signal from the OS', async () => {
    const events = createStationEvents();
    const station = {
      dispatch: vi.fn(() => Promise.resolve({ ok: true, value: { active: false } })),
      events,
      close: vi.fn(),
    };
    start(() => station as unknown as Station);
    h.state.resolveReady();
    await flush();
    const quit = () => {
      const event = {
        prevented: false,
        preventDefault() {
          this.prevented = true;
        },
      };
      h.app.events.emit('before-quit', event);
      return !event.prevented;
    };
    events.emit('kiosk.changed', { active: true, pinSet: true, lockedUntil: null, site: 'Pharmacie' });
    expect(quit()).toBe(false);
    h.app.quit.mockClear();
    process.emit('SIGTERM', 'SIGTERM');
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(quit()).toBe(true);
    h.app.events.emit('will-quit');
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    h.state.lock = false;
    const { factory } = start();
    await flush();
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.app.whenReady).not.toHaveBeenCalled();
    expect(h.app.on).not.toHaveBeenCalled();
    expect(factory).not.toHaveBeenCalled();
    expect(h.ipcMain.handle).not.toHaveBeenCalled();
    // The sandbox and the scheme are still set: they cost nothing and must never be skipped.
    expect(h.app.enableSandbox).toHaveBeenCalledTimes(1);
  });

  it('focuses (and restores) the window on a second launch', async () => {
    start();
    h.state.resolveReady();
    await flush();
    const window = h.BrowserWindow.all[0]!;
    window.minimized = true;
    h.app.events.emit('second-instance', {}, ['relais'], '/');
    expect(window.restore).toHaveBeenCalledTimes(1);
    expect(window.focus).toHaveBeenCalledTimes(1);
  });

  it('quits when all windows are closed, and closes the station and IPC on will-quit', async () => {
    const { station } = start();
    h.state.resolveReady();
    await flush();
    h.app.events.emit('window-all-closed');
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    h.app.events.emit('will-quit');
    expect(station.close).toHaveBeenCalledTimes(1);
    expect(h.ipcMain.removeHandler).toHaveBeenCalledTimes(CHANNELS.length);
    h.app.events.emit('will-quit');
    expect(station.close).toHaveBeenCalledTimes(1);
  });

  it('logs, says why and quits when the station cannot start, without opening a window', async () => {
    const { logger } = start(() => {
      throw new Error('The records in /data are encrypted, but their key is not at /data/data-key.sealed.');
    });
    h.state.resolveReady();
    await flush();
    expect(logger.error).toHaveBeenCalledWith('shell.start_failed', {
      error: expect.stringContaining('their key is not at'),
    });
    expect(h.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(
      'Relais',
      expect.stringContaining('their key is not at'),
    );
    expect(h.app.quit).toHaveBeenCalledTimes(1);
    expect(h.BrowserWindow.all).toHaveLength(0);
  });
});
