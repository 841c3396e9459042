// Files dropped on the import screen (drag and drop from the desktop, a USB key's window, a
// mail's attachments): the page has their bytes, not their paths, so they come over the
// contract in chunks into a private drop folder, which is then read like a drive. Names are
// never the dropped ones (a file is stored by its number), so nothing can reach outside the
// folder. Files are sealed as their chunks arrive (DICOM headers carry the patient's name), and
// read back through `readFile`. Drops older than an hour are removed; at start-up, all of them
// (leftover-files.ts, which says how many and how much in the log).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppFailure } from '../contract/failure';
import { readSealedFile } from '../imaging/dicom-scan';
import type { FileSealer, SealedAppender } from '../security/sealed-file';

export const MAX_DROP_FILES = 20_000;
export const MAX_DROP_BYTES = 8 * 1024 * 1024 * 1024;
const DROP_TTL_MS = 3600_000;

export function createImagingDrops(deps: { dir: string; sealer: FileSealer; now: () => Date }) {
  const drops = new Map<string, { folder: string; bytes: number; files: Map<number, SealedAppender>; at: number }>();

  function sweep(): void {
    for (const [id, drop] of drops) {
      if (deps.now().getTime() - drop.at > DROP_TTL_MS) {
        fs.rmSync(drop.folder, { recursive: true, force: true });
        drops.delete(id);
      }
    }
  }

  return {
    begin(): { dropId: string } {
      sweep();
      const dropId = randomUUID();
      const folder = path.join(deps.dir, dropId);
      fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
      drops.set(dropId, { folder, bytes: 0, files: new Map(), at: deps.now().getTime() });
      return { dropId };
    },

    /** Appends a chunk of file number `file` at `offset` (chunks of a file come in order). */
    chunk(dropId: string, file: number, offset: number, data: Buffer): { received: number } {
      const drop = drops.get(dropId);
      if (!drop) throw new AppFailure('not_found', 'This drop is no longer held (over an hour old, or the station restarted): drop the files again.');
      if (!drop.files.has(file) && drop.files.size >= MAX_DROP_FILES) throw new AppFailure('validation_failed', `At most ${MAX_DROP_FILES} files can be dropped at once: import a folder or a drive instead.`);
      if (drop.bytes + data.length > MAX_DROP_BYTES) throw new AppFailure('validation_failed', 'These files are too large to drop: import them from their folder or drive.');
      const sealed = drop.files.get(file) ?? deps.sealer.appender(path.join(drop.folder, `${String(file).padStart(6, '0')}.dcm`));
      drop.files.set(file, sealed);
      if (offset !== sealed.written) throw new AppFailure('validation_failed', `Chunk out of order for file ${file}: expected offset ${sealed.written}, got ${offset}.`);
      sealed.append(data);
      drop.bytes += data.length;
      return { received: sealed.written };
    },

    /** The drop's folder, to be read like a drive with `readFile`; its files are complete from now on. */
    folder(dropId: string): string {
      const drop = drops.get(dropId);
      if (!drop) throw new AppFailure('not_found', 'This drop is no longer held (over an hour old, or the station restarted): drop the files again.');
      if (drop.files.size === 0) throw new AppFailure('validation_failed', 'No file was dropped.');
      for (const sealed of drop.files.values()) sealed.close();
      return drop.folder;
    },

    readFile: readSealedFile(deps.sealer),
  };
}
