// The station's storage on its data folder, encrypted at rest: the data key, the SQLite database
// opened with it, and the sealed file store. The station opens it this way, and so do the tools
// and tests that read a station's records from outside.
import path from 'node:path';
import { databaseKind, openDatabase, type Db } from './database/connection';
import { DATABASE_FILE, loadDataKeys, type DataKeys, type KeySealer } from './security/data-key';
import { createFileSealer, type FileSealer } from './security/sealed-file';
import { createAttachmentStore, type AttachmentStore } from './files/attachment-store';

export interface StationStorage {
  keys: DataKeys;
  db: Db;
  sealer: FileSealer;
  store: AttachmentStore;
  /** Files an earlier version kept in the clear, sealed at this opening (none once the database is encrypted). */
  legacy: { sealed: number; mismatched: string[] };
}

export function openStationStorage(
  dataDir: string,
  options: { keyFile?: string | null; sealer?: KeySealer | null; allowNoKeyring?: boolean } = {},
): StationStorage {
  const keys = loadDataKeys({
    dataDir,
    keyFile: options.keyFile ?? null,
    sealer: options.sealer ?? null,
    allowNoKeyring: options.allowNoKeyring ?? false,
  });
  const sealer = createFileSealer(keys.files);
  const store = createAttachmentStore(path.join(dataDir, 'attachments'), sealer);
  const databaseFile = path.join(dataDir, DATABASE_FILE);
  // Files in the clear exist only beside a database in the clear (an earlier version): they are
  // sealed first, then the database is encrypted, so a stop midway leaves the database plain and
  // the next opening finishes the job. Once encrypted, no start walks the files again.
  const legacy = databaseKind(databaseFile) === 'plain' ? store.sealLegacyFiles() : { sealed: 0, mismatched: [] };
  const db = openDatabase(databaseFile, keys.database);
  return { keys, db, sealer, store, legacy };
}
