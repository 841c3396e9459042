// Updates from the regional server (electron-updater): checked, downloaded and installed only
// when the station says nobody is in a call or a cabin session; every step logged.
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../platform/logger';
import { checkUpdateFeedUrl } from './update-feed';

// What the station answers when asked whether an update may restart the app now: null when
// idle, else the reason it may not (logged, so a technician sees why an update waits).
export type BusyReason = () => Promise<string | null>;

export interface AutoUpdateOptions {
  updater: AppUpdater;
  // The regional server's address (RELAIS_UPDATE_URL, or the one packaged in app-update.yml).
  feedUrl: string;
  busyReason: BusyReason;
  logger: Logger;
  // How often to look for an update, and to retry installing one that waits for the station.
  checkEveryMs?: number;
  retryInstallEveryMs?: number;
  setInterval?: (run: () => void, ms: number) => { unref?(): void };
}

export interface AutoUpdate {
  // Looks for an update now (also run on the timer); resolves once handled, never rejects.
  check(): Promise<void>;
  // Installs a downloaded update if the station is idle; true when the install was started.
  installIfIdle(): Promise<boolean>;
}

export function startAutoUpdate(options: AutoUpdateOptions): AutoUpdate {
  const { updater, logger, busyReason } = options;
  const feed = checkUpdateFeedUrl(options.feedUrl);
  // SECURITY: a feed the station does not trust (http outside loopback, credentials in the URL)
  // turns updates off, loudly, rather than fetching code from it.
  if (!feed.ok) {
    logger.error('update.feed_refused', { reason: feed.reason });
    return { check: async () => {}, installIfIdle: async () => false };
  }
  updater.setFeedURL({ provider: 'generic', url: feed.url });
  // SECURITY: never an older version (a replayed old, vulnerable release), never a prerelease.
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  // Downloads start only when the station is idle too (a call's bandwidth comes first).
  updater.autoDownload = false;
  // A downloaded update installs when the app quits: the nurse or pharmacist closing Relais
  // (a kiosk cabin can only be left with the PIN) is by definition outside a call or session.
  updater.autoInstallOnAppQuit = true;
  // electron-updater's own messages go to the station's log (one JSON line each).
  updater.logger = {
    info: (message?: unknown) => logger.info('update.updater', { message: String(message) }),
    warn: (message?: unknown) => logger.warn('update.updater', { message: String(message) }),
    error: (message?: unknown) => logger.error('update.updater', { message: String(message) }),
  };

  let downloaded: string | null = null;
  let busy = false;

  updater.on('update-available', (info) => logger.info('update.available', { version: info.version }));
  updater.on('update-not-available', (info) => logger.info('update.none', { version: info.version }));
  // A failed signature check (Windows: publisherName) or sha512 mismatch ends here: nothing installs.
  updater.on('error', (error) => logger.error('update.failed', { error: String(error?.message ?? error) }));
  updater.on('update-downloaded', (info) => {
    downloaded = info.version;
    logger.info('update.downloaded', { version: info.version });
    void installIfIdle();
  });

  async function askStation(step: string): Promise<boolean> {
    let reason: string | null;
    try {
      reason = await busyReason();
    } catch (error) {
      // SECURITY: a station that cannot answer is treated as busy: never restart on a guess.
      reason = `the station could not say whether it is busy (${String(error)})`;
    }
    if (reason !== null) logger.info('update.waiting', { step, reason });
    return reason === null;
  }

  async function installIfIdle(): Promise<boolean> {
    if (downloaded === null) return false;
    if (!(await askStation('install'))) return false;
    logger.info('update.installing', { version: downloaded });
    updater.quitAndInstall(false, true);
    return true;
  }

  async function check(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      if (downloaded !== null) {
        await installIfIdle();
        return;
      }
      const result = await updater.checkForUpdates();
      if (!result?.isUpdateAvailable) return;
      if (!(await askStation('download'))) return;
      await updater.downloadUpdate();
    } catch (error) {
      logger.error('update.failed', { error: String((error as Error)?.message ?? error) });
    } finally {
      busy = false;
    }
  }

  const every = options.setInterval ?? ((run, ms) => setInterval(run, ms));
  every(() => void check(), options.checkEveryMs ?? 4 * 60 * 60 * 1000).unref?.();
  every(() => void installIfIdle(), options.retryInstallEveryMs ?? 10 * 60 * 1000).unref?.();
  return { check, installIfIdle };
}

// The station's answer for the Electron shell: busy while a call's record is open (rung or
// answered, not ended) or while the cabin is in kiosk mode (a patient may be in the cabin; the
// pharmacist leaving kiosk mode, or closing the app, lets the update in).
export function busyReasonFrom(state: { openCalls: number; kioskActive: boolean }): string | null {
  if (state.openCalls > 0) return 'a call is in progress';
  if (state.kioskActive) return 'the cabin is in kiosk mode (a patient session may be in progress)';
  return null;
}
