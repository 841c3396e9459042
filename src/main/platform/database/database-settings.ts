// How many backups of the station's database are kept in its data folder (RELAIS_BACKUPS_KEPT, 7 by
// default: a week of daily backups, fewer when backups before updates come in between).
import { DEFAULT_BACKUPS_KEPT } from './database-backups';

export function backupsKeptFromEnv(env: NodeJS.ProcessEnv): number {
  const text = env.RELAIS_BACKUPS_KEPT?.trim();
  if (!text) return DEFAULT_BACKUPS_KEPT;
  const kept = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  // At least one: a station without a backup cannot be restored; at most a year of them.
  if (!Number.isInteger(kept) || kept < 1 || kept > 366) {
    throw new Error(
      `RELAIS_BACKUPS_KEPT must be how many database backups to keep, from 1 to 366, not "${text}". / RELAIS_BACKUPS_KEPT : nombre de sauvegardes gardées, de 1 à 366.`,
    );
  }
  return kept;
}
