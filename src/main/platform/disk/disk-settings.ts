// The space the station keeps free for its records on the data folder's disk, as configured by
// the environment (RELAIS_DISK_RESERVE_MB, 200 by default): below it no new file is taken
// (photos, sounds, imported or retrieved images), so that records can still be saved.
import { DEFAULT_DISK_RESERVE_MB } from './disk-space';

const MB = 1024 * 1024;

/** The reserve in bytes; a value that is not a whole number of MB stops the start, naming the setting. */
export function diskReserveFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.RELAIS_DISK_RESERVE_MB?.trim();
  if (!raw) return DEFAULT_DISK_RESERVE_MB * MB;
  const mb = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(mb)) {
    throw new Error(
      `RELAIS_DISK_RESERVE_MB must be a whole number of MB kept free for the records (${DEFAULT_DISK_RESERVE_MB} by default), not "${raw}".`,
    );
  }
  return mb * MB;
}
