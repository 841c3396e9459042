// Wires auto-update into the Electron shell: the feed from RELAIS_UPDATE_URL or the packaged
// app-update.yml, and the station's calls and kiosk state as the "busy" answer, asked of its
// services directly.
import fs from 'node:fs';
import path from 'node:path';
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../platform/logger';
import type { Station } from '../station';
import { busyReasonFrom, startAutoUpdate, type AutoUpdate } from './auto-update';
import { feedUrlFromAppUpdateYml, updateFeedUrlFromEnv } from './update-feed';

export function startStationUpdates(
  station: Pick<Station, 'busyState'>,
  logger: Logger,
  resourcesPath: string,
): AutoUpdate {
  const fromEnv = process.env.RELAIS_UPDATE_URL ? updateFeedUrlFromEnv(process.env) : null;
  let feed = fromEnv;
  if (!feed) {
    let text: string | null = null;
    try {
      text = fs.readFileSync(path.join(resourcesPath, 'app-update.yml'), 'utf8');
    } catch {
      // Reported below as a refused feed.
    }
    feed = feedUrlFromAppUpdateYml(text);
  }
  // Not through the contract: its sign-in gate refuses the records of a locked or signed-out
  // cart, which is exactly an idle cart. A service that throws is read as busy (auto-update.ts).
  const busyReason = async () => busyReasonFrom(station.busyState());
  // SECURITY: no trusted feed, no updates (said once in the log, with the reason).
  if (!feed.ok) {
    logger.error('update.feed_refused', { reason: feed.reason });
    return { check: async () => {}, installIfIdle: async () => false };
  }
  return startAutoUpdate({ updater: autoUpdater, feedUrl: feed.url, busyReason, logger });
}
