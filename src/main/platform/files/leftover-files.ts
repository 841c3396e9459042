// At start-up, before any service writes, removes the files a stop cut short left in the data
// folder, and counts them (files and bytes) for the log: sealed files in the store that no row
// points to (an import killed after sealing its files, before its transaction), unfinished sealed
// writes (`.part` beside the store's files), and transfers, drops and PACS retrievals, which live
// in memory and are never in progress after a restart. Stored files that rows point to, and
// anything this does not recognise, are left alone.
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../database/connection';
import type { Logger } from '../logger';

/** The store (attachment-store.ts: attachments/<2 hex>/<sha256>) and the folders of work in progress. */
export const STORE_DIR = 'attachments';
export const UPLOADS_DIR = 'uploads';
export const IMAGING_DROPS_DIR = 'imaging-drops';
export const PACS_INBOX_DIR = 'pacs-inbox';

export interface FileCount {
  files: number;
  bytes: number;
}

export interface LeftoverFiles {
  /** Sealed files in the store no row points to. */
  store: FileCount;
  /** Unfinished sealed writes in the store. */
  partial: FileCount;
  uploads: FileCount;
  drops: FileCount;
  pacsInbox: FileCount;
  /** All of the above. */
  files: number;
  bytes: number;
  /** Unreferenced stored files kept because the database holds no patient at all (see below). */
  kept: FileCount;
}

const SHA256_NAME = /^[0-9a-f]{64}$/;

function add(count: FileCount, file: string): void {
  count.files++;
  count.bytes += fs.statSync(file).size;
}

/** Counts the files under `dir`, then removes it. */
function removeFolder(dir: string): FileCount {
  const count = { files: 0, bytes: 0 };
  if (!fs.existsSync(dir)) return count;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) add(count, path.join(entry.parentPath, entry.name));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return count;
}

/** The files in the store's shard folders (attachments/<2 hex>/<name>), read whole before any is moved or removed. */
function storeFiles(dataDir: string): { file: string; shard: string; name: string }[] {
  const storeDir = path.join(dataDir, STORE_DIR);
  if (!fs.existsSync(storeDir)) return [];
  return fs
    .readdirSync(storeDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((shard) =>
      fs
        .readdirSync(path.join(storeDir, shard.name), { withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => ({ file: path.join(storeDir, shard.name, e.name), shard: shard.name, name: e.name })),
    );
}

function referencedFiles(db: Db): Set<string> {
  const rows = db.prepare('SELECT sha256 FROM attachments UNION SELECT sha256 FROM dicom_instances').all() as {
    sha256: string;
  }[];
  return new Set(rows.map((r) => r.sha256));
}

/**
 * Moves the stored files the database in place no longer points to into `into` (the folder where
 * the database it replaced was kept aside): they belong with that file, which the regional IT can
 * still open, and must not be taken for an import's leftovers at the next start.
 */
export function setAsideUnreferenced(dataDir: string, db: Db, into: string | (() => string)): FileCount {
  const referenced = referencedFiles(db);
  const moved = { files: 0, bytes: 0 };
  let folder: string | null = null;
  for (const { file, shard, name } of storeFiles(dataDir)) {
    if (!SHA256_NAME.test(name) || referenced.has(name)) continue;
    add(moved, file);
    folder ??= typeof into === 'string' ? into : into();
    const target = path.join(folder, STORE_DIR, shard);
    fs.mkdirSync(target, { recursive: true, mode: 0o700 });
    fs.renameSync(file, path.join(target, name));
  }
  return moved;
}

export function removeLeftoverFiles(dataDir: string, db: Db): LeftoverFiles {
  const referenced = referencedFiles(db);
  const store = { files: 0, bytes: 0 };
  const partial = { files: 0, bytes: 0 };
  const unreferenced: string[] = [];
  for (const { file, name } of storeFiles(dataDir)) {
    if (name.endsWith('.part')) {
      add(partial, file);
      fs.rmSync(file, { force: true });
    } else if (SHA256_NAME.test(name) && !referenced.has(name)) {
      unreferenced.push(file);
    }
  }
  // A database without a single patient beside stored files is not one an import was cut short
  // in (an import needs a patient): it was deleted or replaced. Those files may be all that is
  // left of the records: they are kept, and the log says so.
  const patients = (db.prepare('SELECT count(*) AS n FROM patients').get() as { n: number }).n;
  const kept = { files: 0, bytes: 0 };
  for (const file of unreferenced) {
    if (patients === 0) {
      add(kept, file);
    } else {
      add(store, file);
      fs.rmSync(file, { force: true });
    }
  }
  const uploads = removeFolder(path.join(dataDir, UPLOADS_DIR));
  const drops = removeFolder(path.join(dataDir, IMAGING_DROPS_DIR));
  const pacsInbox = removeFolder(path.join(dataDir, PACS_INBOX_DIR));
  const all = [store, partial, uploads, drops, pacsInbox];
  return {
    store,
    partial,
    uploads,
    drops,
    pacsInbox,
    files: all.reduce((n, c) => n + c.files, 0),
    bytes: all.reduce((n, c) => n + c.bytes, 0),
    kept,
  };
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The log's sentence for the regional IT. */
export function leftoverFilesText(removed: LeftoverFiles): string {
  return (
    `Removed at start ${removed.files} files (${megabytes(removed.bytes)}) left by work a stop cut short: ` +
    `${removed.store.files} stored files no record points to (${megabytes(removed.store.bytes)}), ` +
    `${removed.partial.files} unfinished writes, ` +
    `${removed.uploads.files} files of transfers, ${removed.drops.files} of drops and ${removed.pacsInbox.files} of PACS retrievals. ` +
    'Nothing to do: what was cut short is not in the records; import or send it again.'
  );
}

export function keptFilesText(kept: FileCount): string {
  return (
    `The database holds no patient, but the file store holds ${kept.files} files (${megabytes(kept.bytes)}) no record points to: ` +
    'the database may have been deleted or replaced. They were kept. Restore the database from a backup before recording anything.'
  );
}

/** Removes the leftovers at start-up and says in the log what went (and what was kept, and why). */
export function cleanLeftoverFiles(dataDir: string, db: Db, logger: Logger): LeftoverFiles {
  const removed = removeLeftoverFiles(dataDir, db);
  const { store, partial, uploads, drops, pacsInbox, files, bytes, kept } = removed;
  const text = leftoverFilesText(removed);
  if (files > 0)
    logger.warn('files.orphans_removed', { files, bytes, store, partial, uploads, drops, pacsInbox, text });
  if (kept.files > 0) logger.error('files.orphans_kept', { ...kept, text: keptFilesText(kept) });
  return removed;
}
