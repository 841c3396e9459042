// The data folder's disk: how much is free, whether a write was refused for lack of space, and
// the reserve kept for the records' database. New files (photos, sounds, imported or retrieved
// images) stop at the reserve, so that records can still be saved after them; a write refused
// anyway (SQLite's SQLITE_FULL, the file system's ENOSPC) is answered as disk_full, saying how
// much to free, and stays said on every screen until that much is free.
import fs from 'node:fs';
import type { DiskStatus } from '../../../shared/station/station';
import { AppFailure } from '../../contract/failure';
import type { Logger } from '../logger';

export const DEFAULT_DISK_RESERVE_MB = 200;
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.ceil(bytes / MB);
/** A file's size in words: kB under a MB (a photo of 50 kB is not "1 MB"). */
const sizeText = (bytes: number) => (bytes < MB ? `${Math.ceil(bytes / 1024)} kB` : `${mb(bytes)} MB`);

/** A write refused for lack of space, as SQLite or the file system says it (EDQUOT: a user's quota, full all the same). */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}

export interface DiskSpaceDeps {
  /** The data folder: its file system is the one measured. */
  dir: string;
  reserveBytes: number;
  logger: Logger;
}

export type DiskSpace = ReturnType<typeof createDiskSpace>;
export type DiskState = Omit<DiskStatus, 'auditWaiting' | 'auditLost'>;

export function createDiskSpace(deps: DiskSpaceDeps) {
  const { dir, reserveBytes, logger } = deps;
  /** Set when a write was refused; cleared once the reserve (and a MiB more than then) is free again. */
  let refused: { freeAtRefusal: number } | null = null;

  function freeBytes(): number | null {
    try {
      const stats = fs.statfsSync(dir);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  }

  function state(): DiskState {
    const free = freeBytes();
    const enough = Math.max(reserveBytes, (refused?.freeAtRefusal ?? 0) + MB);
    if (refused && free !== null && free >= enough) {
      refused = null;
      logger.info('disk_space.back', { dir, freeMb: Math.floor(free / MB) });
    }
    const threshold = refused ? enough : reserveBytes;
    const neededBytes = free === null ? 0 : Math.max(0, threshold - free);
    return {
      freeBytes: free,
      reserveBytes,
      full: refused !== null || neededBytes > 0,
      writesRefused: refused !== null,
      neededBytes,
    };
  }

  function refusal(message: string, neededBytes: number, free: number | null): AppFailure {
    const params = {
      neededMb: mb(neededBytes),
      freeMb: free === null ? 0 : Math.floor(free / MB),
      reserveMb: mb(reserveBytes),
    };
    return new AppFailure('disk_full', message, [{ path: 'disk', code: 'disk.full', params }]);
  }

  const whatToDo = (neededBytes: number) =>
    `To go on, free at least ${mb(neededBytes)} MB on the disk of the data folder (${dir}): empty the recycle bin, remove other programs' old files, ` +
    `or call the hospital's IT (the space kept for the records is RELAIS_DISK_RESERVE_MB, now ${mb(reserveBytes)} MB).`;

  /** Remembers a write refused for lack of space (the status says so until space is back). */
  function noteRefused(): void {
    const free = freeBytes() ?? 0;
    if (!refused)
      logger.error('disk_space.full', {
        dir,
        freeMb: Math.floor(free / MB),
        text: `The disk of the data folder is full. ${whatToDo(Math.max(reserveBytes - free, MB))}`,
      });
    refused = { freeAtRefusal: free };
  }

  return {
    state,
    noteRefused,

    /** A write refused for lack of space, as the disk_full failure a person reads; null for any other error. */
    failure(error: unknown): AppFailure | null {
      if (!isDiskFull(error)) return null;
      noteRefused();
      const { neededBytes, freeBytes: free } = state();
      const needed = Math.max(neededBytes, MB);
      return refusal(
        `The disk of this station is full: nothing new could be saved (the records stay readable). ${whatToDo(needed)}`,
        needed,
        free,
      );
    },

    /**
     * Throws disk_full when keeping `bytes` more would leave less than the reserve: new files
     * stop before the records' own space runs out. `what` names them in the message.
     */
    roomFor(bytes: number, what: string): void {
      const free = freeBytes();
      // Not measurable here (an unusual file system): the write itself will say if it does not fit.
      if (free === null) return;
      const needed = bytes + reserveBytes - free;
      if (needed <= 0) return;
      const named = bytes > 0 ? `${what} (${sizeText(bytes)})` : what;
      throw refusal(
        `${named} cannot be taken: ${Math.floor(free / MB)} MB are free and the station keeps ${mb(reserveBytes)} MB for the records. ${whatToDo(needed)}`,
        needed,
        free,
      );
    },
  };
}
