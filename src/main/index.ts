// Electron entry, composition root only: wires the station, the logger and the paths into the shell.
import path from 'node:path';
import { startElectronShell } from './electron/shell';
import { hubSettingsFromEnv } from './platform/hub/hub-settings';
import { oidcSettingsFromEnv } from './identity';
import { openExternalSafely } from './electron/open-external';
import { pacsUrlFromEnv } from './imaging';
import { insiSettingsFromEnv } from './patients';
import { diskReserveFromEnv } from './platform/disk/disk-settings';
import { communesFile } from './activity';
import { createLogger } from './platform/logger';
import { loadDeviceSetup } from './devices';
import { createStation } from './station';
import { backupsKeptFromEnv } from './platform/database/database-settings';
import { reminderMinutesFromEnv } from './scheduling';
import { supportContactFromEnv } from './station/support-contact';
import { appResourcesDir } from './platform/app-resources';

// This file is bundled to out/main/index.cjs (CommonJS), so __dirname is out/main at run time;
// the renderer build sits in out/renderer and the preload bundle in out/preload. The app's resources
// (device profiles) are found by appResourcesDir, the one resolver for source, out/ and the package.
const outDir = path.join(__dirname, '..');
const logger = createLogger();

startElectronShell({
  // The application connects to the regional hub named by RELAIS_HUB_URL (no embedded hub here).
  createStation: (dataDir, keySealer) =>
    createStation({
      dataDir,
      mode: 'electron',
      logger,
      keySealer,
      allowNoKeyring: process.env.RELAIS_ALLOW_NO_KEYRING === '1',
      dataKeyFile: process.env.RELAIS_DATA_KEY_FILE || null,
      devices: loadDeviceSetup(dataDir, process.env),
      resourcesDir: appResourcesDir(__dirname),
      ...hubSettingsFromEnv(process.env),
      pacsUrl: pacsUrlFromEnv(process.env),
      insi: insiSettingsFromEnv(process.env),
      backupsKept: backupsKeptFromEnv(process.env),
      reminderMinutes: reminderMinutesFromEnv(process.env),
      supportContact: supportContactFromEnv(process.env),
      oidc: oidcSettingsFromEnv(process.env),
      openBrowser: (url) => void openExternalSafely(url),
      communesFile: communesFile(process.env, dataDir),
      imagingWorker: path.join(__dirname, 'imaging-worker.cjs'),
      disk: { reserveBytes: diskReserveFromEnv(process.env) },
    }),
  rendererRoot: path.join(outDir, 'renderer'),
  preloadPath: path.join(outDir, 'preload', 'index.cjs'),
  logger,
});
