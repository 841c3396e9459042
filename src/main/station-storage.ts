// The station's storage on its data folder, encrypted at rest: the data key, the SQLite database
// opened with it, and the sealed file store. The station opens it this way, and so do the tools
// and tests that read a station's records from outside.
import path from 'node:path';
import { openDatabase, type Db } from './db/connection';
import { DATABASE_FILE, loadDataKeys, type DataKeys, type KeySealer } from './security/data-key';
import { createFileSealer, type FileSealer } from './security/sealed-file';
import { createAttachmentStore, type AttachmentStore } from './services/attachment-store';

export interface StationStorage {
  keys: DataKeys;
  db: Db;
  sealer: FileSealer;
  store: AttachmentStore;
}

export function openStationStorage(dataDir: string, options: { keyFile?: string | null; sealer?: KeySealer | null } = {}): StationStorage {
  const keys = loadDataKeys({ dataDir, keyFile: options.keyFile ?? null, sealer: options.sealer ?? null });
  const db = openDatabase(path.join(dataDir, DATABASE_FILE), keys.database);
  const sealer = createFileSealer(keys.files);
  return { keys, db, sealer, store: createAttachmentStore(path.join(dataDir, 'attachments'), sealer) };
}
