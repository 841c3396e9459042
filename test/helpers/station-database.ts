// Opens a station's encrypted database from outside the station (to check or alter what it
// wrote), with the key the station made beside its data folder.
import path from 'node:path';
import Database from 'better-sqlite3';
import { unlockDatabase, type Db } from '../../src/main/platform/database/connection';
import { DATABASE_FILE, loadDataKeys } from '../../src/main/platform/security/data-key';
import { createFileSealer, type FileSealer } from '../../src/main/platform/security/sealed-file';

export function stationDatabase(dataDir: string, options: Database.Options = {}): Db {
  const keys = loadDataKeys({ dataDir });
  const db = unlockDatabase(new Database(path.join(dataDir, DATABASE_FILE), options), keys.database);
  // Beside the running station's own connection: wait for its writes rather than fail at once.
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Reads a station's sealed files (attachments/<2>/<sha256>) with the key beside its data folder. */
export function stationFileSealer(dataDir: string): FileSealer {
  return createFileSealer(loadDataKeys({ dataDir }).files);
}
