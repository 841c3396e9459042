// Files dropped on the import screen (drag and drop from the desktop, a USB key's window, a
// mail's attachments): the page has their bytes, not their paths, so they come over the
// contract in chunks into a private drop folder, which is then read like a drive. Names are
// never the dropped ones (a file is stored by its number), so nothing can reach outside the
// folder. Files are sealed as their chunks arrive (DICOM headers carry the patient's name), and
// read back through `source`. At most MAX_DROPS_IN_PROGRESS are being received at once; one
// nobody sends to for ten minutes is let go, a scanned one an hour after its scan; at start-up, all
// of them (leftover-files.ts, which says how many and how much in the log).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../contract/failure';
import { sealedFiles } from './file-source';
import type { FileSealer, SealedAppender } from '../platform/security/sealed-file';

export const MAX_DROP_FILES = 20_000;
export const MAX_DROP_BYTES = 8 * 1024 * 1024 * 1024;
/** Drops being received at once: the import screen sends one at a time; a few more for drops a reload cut off. */
export const MAX_DROPS_IN_PROGRESS = 4;
/** A drop still being received that got nothing for this long is abandoned (a closed page). */
const ABANDONED_AFTER_MS = 10 * 60_000;
/** A scanned drop is kept this long for its import. */
const DROP_TTL_MS = 3600_000;
const SWEEP_EVERY_MS = 60_000;

/** `roomFor` throws disk_full when `bytes` more would eat into the space kept for the records (disk-space.ts). */
export function createImagingDrops(deps: {
  dir: string;
  sealer: FileSealer;
  now: () => Date;
  roomFor: (bytes: number, what: string) => void;
}) {
  /** `at`: its last chunk while it is received, its scan once scanned. */
  const drops = new Map<
    string,
    { folder: string; bytes: number; files: Map<number, SealedAppender>; at: number; scanned: boolean }
  >();

  function sweep(): void {
    for (const [id, drop] of drops) {
      if (deps.now().getTime() - drop.at > (drop.scanned ? DROP_TTL_MS : ABANDONED_AFTER_MS)) {
        fs.rmSync(drop.folder, { recursive: true, force: true });
        drops.delete(id);
      }
    }
  }
  // Abandoned drops go within a minute, not only when another one starts.
  const sweeper = setInterval(sweep, SWEEP_EVERY_MS);
  sweeper.unref?.();

  // SECURITY: a page that begins drops without end cannot fill the disk nor the memory.
  function refuseOverCap(): void {
    if ([...drops.values()].filter((d) => !d.scanned).length < MAX_DROPS_IN_PROGRESS) return;
    const minutes = ABANDONED_AFTER_MS / 60_000;
    throw new AppFailure(
      'validation_failed',
      `${MAX_DROPS_IN_PROGRESS} drops are still being received by this station: wait until they are sent, then drop these files again ` +
        `(a drop left unfinished is let go after ${minutes} minutes without data).`,
      [{ path: 'drop', code: 'imaging.too_many_drops', params: { max: MAX_DROPS_IN_PROGRESS, minutes } }],
    );
  }

  return {
    begin(): { dropId: string } {
      sweep();
      refuseOverCap();
      const dropId = randomUUID();
      const folder = path.join(deps.dir, dropId);
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      drops.set(dropId, { folder, bytes: 0, files: new Map(), at: deps.now().getTime(), scanned: false });
      return { dropId };
    },

    /** Appends a chunk of file number `file` at `offset` (chunks of a file come in order). */
    chunk(dropId: string, file: number, offset: number, data: Buffer): { received: number } {
      const drop = drops.get(dropId);
      if (!drop)
        throw new AppFailure(
          'not_found',
          'This drop is no longer held (over an hour old, or the station restarted): drop the files again.',
        );
      if (!drop.files.has(file) && drop.files.size >= MAX_DROP_FILES)
        throw new AppFailure(
          'validation_failed',
          `At most ${MAX_DROP_FILES} files can be dropped at once: import a folder or a drive instead.`,
        );
      if (drop.bytes + data.length > MAX_DROP_BYTES)
        throw new AppFailure(
          'validation_failed',
          'These files are too large to drop: import them from their folder or drive.',
        );
      // Dropped files announce no size: they stop at the reserve kept for the records.
      deps.roomFor(0, 'More dropped files');
      const sealed =
        drop.files.get(file) ?? deps.sealer.appender(path.join(drop.folder, `${String(file).padStart(6, '0')}.dcm`));
      drop.files.set(file, sealed);
      if (offset !== sealed.written)
        throw new AppFailure(
          'validation_failed',
          `Chunk out of order for file ${file}: expected offset ${sealed.written}, got ${offset}.`,
        );
      sealed.append(data);
      drop.bytes += data.length;
      drop.at = deps.now().getTime();
      return { received: sealed.written };
    },

    /** The drop's folder, to be read like a drive with `source`; its files are complete from now on. */
    folder(dropId: string): string {
      const drop = drops.get(dropId);
      if (!drop)
        throw new AppFailure(
          'not_found',
          'This drop is no longer held (over an hour old, or the station restarted): drop the files again.',
        );
      if (drop.files.size === 0) throw new AppFailure('validation_failed', 'No file was dropped.');
      for (const sealed of drop.files.values()) sealed.close();
      drop.scanned = true;
      drop.at = deps.now().getTime();
      return drop.folder;
    },

    source: sealedFiles(deps.sealer),

    close(): void {
      clearInterval(sweeper);
    },
  };
}
