// The commune coordinate table on disk (the open-data CSV named by RELAIS_COMMUNES_CSV, or
// communes.csv in the data folder), read on first use and again only when the file changes: the
// station starts without it, and a coordinator may drop it in later.
import fs from 'node:fs';
import path from 'node:path';
import type { Coordinates } from '../../shared/activity/activity-report';
import { CommuneTableError, parseCommuneTable, type CommuneTable } from '../../shared/activity/commune-table';

/** The official file is about 10 MB; far more is not that file, and would only fill memory. */
const MAX_BYTES = 100 * 1024 * 1024;

export function communesFile(env: NodeJS.ProcessEnv, dataDir: string): string {
  return env.RELAIS_COMMUNES_CSV?.trim() || path.join(dataDir, 'communes.csv');
}

export interface CommunePlaces {
  current(): { coordinates: Coordinates; table: CommuneTable | null };
}

export function createCommunePlaces(file: string): CommunePlaces {
  let cached: { mtimeMs: number; size: number; result: ReturnType<CommunePlaces['current']> } | null = null;
  const read = (size: number): ReturnType<CommunePlaces['current']> => {
    try {
      if (size > MAX_BYTES)
        throw new CommuneTableError(
          `le fichier fait ${Math.round(size / 1e6)} Mo, bien plus que la table officielle (environ 10 Mo).`,
          `the file is ${Math.round(size / 1e6)} MB, far more than the official table (about 10 MB).`,
        );
      const table = parseCommuneTable(fs.readFileSync(file, 'utf8'));
      return {
        coordinates: {
          status: 'loaded',
          file,
          reference: table.reference,
          communes: table.places.size,
          skipped: table.skipped,
        },
        table,
      };
    } catch (error) {
      const fr = error instanceof CommuneTableError ? error.fr : `lecture impossible (${(error as Error).message}).`;
      const en = error instanceof CommuneTableError ? error.en : `it cannot be read (${(error as Error).message}).`;
      return { coordinates: { status: 'unreadable', file, fr, en }, table: null };
    }
  };
  return {
    current() {
      let stat: fs.Stats;
      try {
        stat = fs.statSync(file);
      } catch {
        cached = null;
        return { coordinates: { status: 'missing', file }, table: null };
      }
      if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size)
        cached = { mtimeMs: stat.mtimeMs, size: stat.size, result: read(stat.size) };
      return cached.result;
    },
  };
}
