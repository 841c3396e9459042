// Wires auto-update into the Electron shell: the feed from RELAIS_UPDATE_URL or the packaged
// app-update.yml, and the station's calls and kiosk state as the "busy" answer.
import fs from 'node:fs';
import path from 'node:path';
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../logger';
import type { Station } from '../station';
import { busyReasonFrom, startAutoUpdate, type AutoUpdate } from './auto-update';
import { feedUrlFromAppUpdateYml, updateFeedUrlFromEnv } from './update-feed';

// A call record left open by a crash must not block updates for ever.
const OPEN_CALL_MAX_AGE_MS = 12 * 60 * 60 * 1000;

export function startStationUpdates(station: Pick<Station, 'dispatch'>, logger: Logger, resourcesPath: string, now: () => number = Date.now): AutoUpdate {
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
  const busyReason = async () => {
    const calls = await station.dispatch('calls.history', { limit: 20 });
    const kiosk = await station.dispatch('kiosk.state', {});
    if (!calls.ok || !kiosk.ok) return 'the station could not read its calls or kiosk state';
    const records = calls.value as { ringingAt: string; endedAt: string | null }[];
    const openCalls = records.filter((r) => r.endedAt === null && now() - Date.parse(r.ringingAt) < OPEN_CALL_MAX_AGE_MS).length;
    return busyReasonFrom({ openCalls, kioskActive: (kiosk.value as { active: boolean }).active });
  };
  // SECURITY: no trusted feed, no updates (said once in the log, with the reason).
  if (!feed.ok) {
    logger.error('update.feed_refused', { reason: feed.reason });
    return { check: async () => {}, installIfIdle: async () => false };
  }
  return startAutoUpdate({ updater: autoUpdater, feedUrl: feed.url, busyReason, logger });
}
