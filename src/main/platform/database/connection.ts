// Opens the station's SQLite database with the settings every connection must have, encrypted
// with the station's database key (SQLite3 Multiple Ciphers, SQLCipher 4 format).
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export class DatabaseKeyError extends Error {
  override name = 'DatabaseKeyError';
}

/** The database file is not what its first bytes say: refused, saying which case it is. */
export class DatabaseFileError extends Error {
  override name = 'DatabaseFileError';
}

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** What a database file holds, from its first 16 bytes: none yet, records in the clear (an earlier version), or encrypted ones. */
export function databaseKind(file: string): 'none' | 'plain' | 'encrypted' {
  const header = Buffer.alloc(16);
  let read: number;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      read = fs.readSync(fd, header, 0, 16, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return 'none';
  }
  if (read < 16) return 'none';
  return header.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
}

const isNotADatabase = (error: unknown) =>
  error instanceof Database.SqliteError && /^SQLITE_(NOTADB|CORRUPT)/.test(error.code);

/** SQLite's "file is not a database", said as what it means here and what to do. */
function plainHeaderButNotPlain(file: string, error: Error): DatabaseFileError {
  return new DatabaseFileError(
    `The station's database ${file} begins like a database in the clear (as earlier versions of Relais kept it) but is not one SQLite can read (${error.message}): ` +
      'an encrypted database whose first bytes were overwritten, or a damaged file. Nothing was changed. Keep this file as it is and restore the database from a backup, ' +
      "or call the hospital's IT. / La base de la station commence comme une base en clair mais n’en est pas une lisible : gardez ce fichier tel quel et restaurez la base " +
      'depuis une sauvegarde, ou appelez le service informatique.',
  );
}

function encryptedWithoutKey(file: string): DatabaseFileError {
  return new DatabaseFileError(
    `The database ${file} is encrypted (or is no SQLite database at all), and no key was given: open it with the station's data key ` +
      '(openStationStorage, or SQLCipher 4 tools with that key: README, "Encryption at rest"). / Cette base est chiffrée : ouvrez-la avec la clé des données de la station.',
  );
}

// SECURITY: SQLCipher 4's page format (AES-256-CBC, HMAC-SHA512 per page), so that the hospital's
// IT can open a copy with the standard SQLCipher tools and the key when a station must be
// recovered. The key is a raw 256-bit key: no passphrase derivation to slow each opening.
function applyKey(db: Db, key: Buffer, pragma: 'key' | 'rekey'): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

/**
 * Encrypts, in place, a database an earlier version kept in the clear. Rekeying rewrites every
 * page (free pages too, so deleted records go with them) in one rollback-journal transaction:
 * a crash midway leaves the plain database, which the next start encrypts again.
 */
function encryptPlainDatabase(file: string, key: Buffer): void {
  const db = new Database(file);
  try {
    // Rekeying needs a rollback journal; switching out of WAL first folds the WAL into the file.
    db.pragma('journal_mode = DELETE');
    applyKey(db, key, 'rekey');
  } finally {
    db.close();
  }
}

/** Gives a connection its key, and checks that the key opens the database (closing it if not). */
export function unlockDatabase(db: Db, key: Buffer): Db {
  applyKey(db, key, 'key');
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw new DatabaseKeyError(
      `The station's database ${db.name} cannot be opened with its data key (${(error as Error).message}): the key file or keychain entry belongs to another station, or the database is damaged. ` +
        'Restore the matching key, or the database from a backup. / La base ne s’ouvre pas avec la clé de la station : restaurez la bonne clé ou la base.',
    );
  }
  return db;
}

/**
 * Opens (creating it if need be) the database; `key` is null only for throwaway test databases.
 * `beforeMigrate` runs when migrations are pending (the station backs the database up then).
 */
export function openDatabase(
  file: string,
  key: Buffer | null = null,
  options: { beforeMigrate?: (db: Db, version: number) => void } = {},
): Db {
  const kind = file === ':memory:' ? 'none' : databaseKind(file);
  try {
    if (key && kind === 'plain') encryptPlainDatabase(file, key);
  } catch (error) {
    throw isNotADatabase(error) ? plainHeaderButNotPlain(file, error as Error) : error;
  }
  const db = new Database(file);
  if (key) unlockDatabase(db, key);
  else if (kind === 'encrypted') {
    db.close();
    throw encryptedWithoutKey(file);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // A second connection (the sync worker, a diagnostics tool) waits instead of failing at once.
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // SECURITY: sorts and temporary indexes stay in memory; SQLite's temporary files are not encrypted.
  db.pragma('temp_store = MEMORY');
  // 32 MiB of decrypted pages kept (SQLite's default is 2 MiB): a registry of 100,000 patients
  // spreads a duplicate check's rows over pages that each cost a decryption when read again.
  db.pragma('cache_size = -32768');
  const version = schemaVersion(db);
  if (options.beforeMigrate && version < MIGRATIONS.length) options.beforeMigrate(db, version);
  migrate(db, MIGRATIONS);
  return db;
}
