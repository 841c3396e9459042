// Starts the Electron side: security switches before ready, then protocol, station, IPC and window.
import os from 'node:os';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, session } from 'electron';
import type { KeySealer } from '../platform/security/data-key';
import { safeStorageSealer } from './safe-storage-sealer';
import { resolveDataDir } from '../platform/data-dir';
import type { Logger } from '../platform/logger';
import type { KioskState } from '../../shared/kiosk/kiosk';
import type { Station } from '../station';
import { bindContract } from './ipc';
import { DEV_TOOLS_SWITCH, developerToolsAllowed } from './developer-tools';
import { followKioskMode, type KioskWindow } from './kiosk-window';
import { hardenWebContents } from './navigation';
import { installPermissionPolicy } from './permissions';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { acquireSingleInstance } from './single-instance';
import { startStationUpdates } from './station-updates';
import { createMainWindow } from './window';

const QUIT_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

export interface ElectronShellOptions {
  /** `keySealer`: the OS keychain for the data key (null when the OS has none). */
  createStation: (dataDir: string, keySealer: KeySealer | null) => Station;
  rendererRoot: string;
  preloadPath: string;
  logger?: Logger;
}

export function startElectronShell(options: ElectronShellOptions): void {
  const { logger } = options;
  // SECURITY: every renderer is sandboxed, even one created without our webPreferences.
  app.enableSandbox();
  // SECURITY: scheme privileges must be registered before 'ready' or app:// is not a secure origin.
  registerAppScheme();

  // Same folder as browser mode. Chromium's profile goes there too, so RELAIS_DATA_DIR gives a
  // fully separate profile (tests) and the single-instance lock is per data folder.
  const dataDir = resolveDataDir({ env: process.env, platform: process.platform, home: os.homedir() });
  app.setPath('userData', dataDir);

  let mainWindow: BrowserWindow | null = null;
  const focus = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };
  if (!acquireSingleInstance(app, focus)) return;

  // SECURITY: the guards are attached to every web contents at creation, before it loads anything.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  const devTools = developerToolsAllowed(process.env);
  if (devTools) {
    const detail = 'Developer tools and the default menu are on: unset it on a station in service.';
    logger?.warn('shell.dev_tools_on', { setting: DEV_TOOLS_SWITCH, detail });
  }

  let station: Station | null = null;
  let unbind: (() => void) | null = null;
  let kioskWindow: KioskWindow | null = null;

  app.on('window-all-closed', () => app.quit());
  // Termination signals come from the OS (shutdown, logout) or the station's own account, never
  // from the cabin's touch screen: the app quits cleanly, in kiosk mode too.
  const onSignal = () => {
    kioskWindow?.allowSystemQuit();
    app.quit();
  };
  for (const signal of QUIT_SIGNALS) process.on(signal, onSignal);
  app.on('will-quit', () => {
    for (const signal of QUIT_SIGNALS) process.removeListener(signal, onSignal);
    unbind?.();
    unbind = null;
    kioskWindow?.stop();
    kioskWindow = null;
    station?.close();
    station = null;
  });

  app
    .whenReady()
    .then(() => {
      const ses = session.defaultSession;
      // SECURITY: permissions and protocol are in place before the first window exists.
      installPermissionPolicy(ses);
      handleAppProtocol(ses, options.rendererRoot);
      // SECURITY: the data key is sealed by the OS keychain, asked for once the app is ready (Linux needs it).
      station = options.createStation(dataDir, safeStorageSealer(safeStorage));
      unbind = bindContract(ipcMain, station, () => BrowserWindow.getAllWindows());
      // SECURITY: no application menu: Electron's default one carries Reload, Force Reload, Toggle
      // Developer Tools, Close and Quit as keyboard shortcuts that work with the menu bar hidden.
      // The developer switch keeps it.
      if (!devTools) Menu.setApplicationMenu(null);
      const loadFailed = (error: unknown) => logger?.error('window.load_failed', { error: String(error) });
      mainWindow = createMainWindow(options.preloadPath, loadFailed, devTools);
      const wipeFailed = (error: unknown) => logger?.error('kiosk.wipe_failed', { error: String(error) });
      kioskWindow = followKioskMode({
        events: station.events,
        window: () => mainWindow,
        session: ses,
        app,
        onError: wipeFailed,
      });
      // Installed builds only: a development run has no app-update.yml and nothing to update.
      if (app.isPackaged && logger) void startStationUpdates(station, logger, process.resourcesPath).check();
      // A cabin restarted in kiosk mode opens straight into it.
      void station.dispatch('kiosk.state', {}).then((r) => {
        if (r.ok) station?.events.emit('kiosk.changed', r.value as KioskState);
      });
    })
    .catch((error: unknown) => {
      logger?.error('shell.start_failed', { error: String((error as Error)?.stack ?? error) });
      // A station that cannot open its records (a missing data key...) says why before it quits.
      dialog.showErrorBox('Relais', error instanceof Error ? error.message : String(error));
      app.quit();
    });
}
