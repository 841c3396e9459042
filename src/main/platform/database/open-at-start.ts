// The station's database opened with its checks, before anything writes to it. A read-only
// connection looks first: the WAL (a frame damaged in the middle of the log), SQLite's quick_check,
// and the audit trail against its anchor file (a deleted database, or an older copy put in its
// place). A database that passes is opened for work (backed up first when migrations are pending,
// and once a day); one that does not is held: it stays read-only, and a person decides
// (station-supervisor.ts). The region's own copy of the last audit row is asked just after start
// (database-guard.ts), before the sync starts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../logger';
import { databaseKind, DatabaseKeyError, openDatabase, unlockDatabase, type Db } from './connection';
import {
  backupPath,
  copyAside,
  dailyBackupDue,
  DEFAULT_BACKUPS_KEPT,
  listBackups,
  takeBackup,
} from './database-backups';
import { checkDatabase } from './database-health';
import { schemaVersion } from './migrate';
import { MIGRATIONS } from './migrations';
import { scanWal } from './wal-scan';
import { DATABASE_FILE, KEY_WEAKNESS_TEXT, loadDataKeys, type KeySealer } from '../security/data-key';
import { createFileSealer } from '../security/sealed-file';
import { createAttachmentStore } from '../files/attachment-store';
import type { StationStorage } from '../storage';
import { createDatabaseGuard, readHold, type DatabaseGuard, type DatabaseHold } from './database-guard';
import { DATABASE_PROBLEMS } from './database-problems';
import { cleanLeftoverFiles } from '../files/leftover-files';

export const ANCHOR_FILE = 'audit-anchor.json';

export interface DatabaseSettings {
  now: () => Date;
  logger: Logger;
  /** How many backups are kept (RELAIS_BACKUPS_KEPT); 7 by default. */
  backupsKept?: number | undefined;
}

export interface CheckedStorage extends StationStorage {
  guard: DatabaseGuard;
}

/** The anchor file's row (seq and hash), or null when there is none or it is unreadable. */
export function readAuditAnchor(dataDir: string): { seq: number; hash: string } | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, ANCHOR_FILE), 'utf8')) as {
      seq?: unknown;
      hash?: unknown;
    };
    const { seq, hash } = parsed;
    if (typeof seq === 'number' && Number.isInteger(seq) && typeof hash === 'string') return { seq, hash };
  } catch {
    // Missing or unreadable: the audit check says so when asked (audit.verify).
  }
  return null;
}

/** The last audit row (0: none) and the hash of row `seq`. */
function auditTail(db: Db, seq: number | null): { lastSeq: number; hashAt: string | null } {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'").get())
    return { lastSeq: 0, hashAt: null };
  const last = (db.prepare('SELECT max(seq) AS seq FROM audit_events').get() as { seq: number | null }).seq ?? 0;
  const byHash = db.prepare<[number], { hash: string }>('SELECT hash FROM audit_events WHERE seq = ?');
  const at = seq === null ? undefined : byHash.get(seq);
  return { lastSeq: last, hashAt: at?.hash ?? null };
}

function opensWith(file: string, key: Buffer): boolean {
  try {
    unlockDatabase(new Database(file, { readonly: true, fileMustExist: true }), key).close();
    return true;
  } catch {
    return false;
  }
}

/** Where a damaged database's audit trail ends, when that part can still be read (0 otherwise). */
function readableTail(db: Db): number {
  try {
    return auditTail(db, null).lastSeq;
  } catch {
    return 0;
  }
}

type Found = { hold: Omit<DatabaseHold, 'since'> | null; lastSeq: number };

/** What the read-only look finds: a reason to hold the database, and where its audit trail ends. */
function inspect(file: string, key: Buffer, dataDir: string, settings: DatabaseSettings, heldBefore: boolean): Found {
  const anchor = readAuditAnchor(dataDir);
  if (databaseKind(file) === 'none') {
    const missing =
      anchor && anchor.seq > 0
        ? { state: 'missing' as const, damaged: [], problem: DATABASE_PROBLEMS.missing(file, anchor.seq) }
        : null;
    return { hold: missing, lastSeq: 0 };
  }
  const wal = scanWal(`${file}-wal`);
  const walDamaged = wal !== null && (wal.damagedFrame !== null || wal.headerDamaged);
  // Copied once, when first found: a held database's read-only connection leaves its WAL as it is.
  const keptIn = walDamaged && !heldBefore ? path.dirname(copyAside(file, dataDir, 'wal', settings.now())) : null;
  let db: Db;
  try {
    db = unlockDatabase(new Database(file, { readonly: true, fileMustExist: true }), key);
  } catch (error) {
    // The key is right when a backup opens with it: then the database's first page is damaged.
    const opens = listBackups(dataDir).find((b) => opensWith(backupPath(dataDir, b.name), key));
    if (!(error instanceof DatabaseKeyError) || !opens) throw error;
    return {
      hold: { state: 'damaged', damaged: ['sqlite_master'], problem: DATABASE_PROBLEMS.firstPage(opens.name) },
      lastSeq: 0,
    };
  }
  try {
    if (wal && walDamaged) {
      const where = wal.headerDamaged ? 'its header' : `frame ${wal.damagedFrame} of ${wal.frames}`;
      return {
        hold: { state: 'damaged', damaged: [], problem: DATABASE_PROBLEMS.wal(where, wal.lostCommits, keptIn) },
        lastSeq: readableTail(db),
      };
    }
    const quick = checkDatabase(db, 'quick_check', settings.now);
    if (!quick.ok) {
      const problem = DATABASE_PROBLEMS.check('quick_check', quick.problems[0], quick.damaged);
      return { hold: { state: 'damaged', damaged: quick.damaged, problem }, lastSeq: readableTail(db) };
    }
    const tail = auditTail(db, anchor?.seq ?? null);
    if (anchor && anchor.seq > tail.lastSeq) {
      const state = tail.lastSeq === 0 ? 'missing' : 'older';
      return {
        hold: { state, damaged: [], problem: DATABASE_PROBLEMS.olderThanAnchor(tail.lastSeq, anchor.seq) },
        lastSeq: tail.lastSeq,
      };
    }
    if (anchor && anchor.seq > 0 && tail.hashAt !== anchor.hash) {
      return {
        hold: { state: 'older', damaged: [], problem: DATABASE_PROBLEMS.notAnchored(anchor.seq) },
        lastSeq: tail.lastSeq,
      };
    }
    return { hold: null, lastSeq: tail.lastSeq };
  } finally {
    db.close();
  }
}

/** A held database: read-only, or an empty one in memory when there is no file (or its schema is not this version's). */
function openHeld(file: string, key: Buffer): { db: Db; note: string | null } {
  if (databaseKind(file) === 'none') return { db: openDatabase(':memory:'), note: null };
  if (!opensWith(file, key)) return { db: openDatabase(':memory:'), note: null };
  const db = unlockDatabase(new Database(file, { readonly: true, fileMustExist: true }), key);
  if (schemaVersion(db) === MIGRATIONS.length) {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('temp_store = MEMORY');
    return { db, note: null };
  }
  const version = schemaVersion(db);
  db.close();
  // Migrating would write to it: its records are not shown until a decision (a backup check says what it holds).
  return { db: openDatabase(':memory:'), note: DATABASE_PROBLEMS.earlierSchema(version, MIGRATIONS.length) };
}

export interface KeyOptions {
  keyFile?: string | null;
  sealer?: KeySealer | null;
  allowNoKeyring?: boolean;
}

export function openCheckedStorage(dataDir: string, keyOptions: KeyOptions, given: DatabaseSettings): CheckedStorage {
  const settings = { ...given, backupsKept: given.backupsKept ?? DEFAULT_BACKUPS_KEPT };
  const { keyFile = null, sealer: keySealer = null, allowNoKeyring = false } = keyOptions;
  const keys = loadDataKeys({ dataDir, keyFile, sealer: keySealer, allowNoKeyring });
  const sealer = createFileSealer(keys.files);
  const store = createAttachmentStore(path.join(dataDir, 'attachments'), sealer);
  const file = path.join(dataDir, DATABASE_FILE);
  // An earlier version's database in the clear: its files are sealed, then it is encrypted in
  // place (station-storage.ts says why in this order), before any check reads it.
  const legacy = databaseKind(file) === 'plain' ? store.sealLegacyFiles() : { sealed: 0, mismatched: [] };
  if (databaseKind(file) === 'plain') openDatabase(file, keys.database).close();
  const existed = databaseKind(file) === 'encrypted';
  const persisted = readHold(dataDir);
  const found = inspect(file, keys.database, dataDir, settings, persisted !== null);
  // A hold a person has not settled yet outlives restarts, even when a new look finds nothing.
  const hold =
    found.hold ??
    (persisted ? { state: persisted.state, damaged: persisted.damaged, problem: persisted.problem } : null);
  if (hold) {
    const { db, note } = openHeld(file, keys.database);
    const since = persisted?.since ?? settings.now().toISOString();
    const guard = createDatabaseGuard({
      dataDir,
      db,
      settings,
      startSeq: found.lastSeq,
      hold: { ...hold, problem: `${hold.problem}${note ?? ''}`, since },
    });
    return { keys, db, sealer, store, legacy, guard };
  }
  const backup = (db: Db, reason: 'daily' | 'migration') => {
    try {
      const taken = takeBackup(db, dataDir, reason, settings.now(), settings.backupsKept);
      settings.logger.info('database.backup_taken', { name: taken.name, bytes: taken.bytes });
    } catch (error) {
      // The database itself is sound (and each migration runs in a transaction): said, not fatal.
      const why = String((error as Error)?.message ?? error);
      settings.logger.error('database.backup_failed', { reason, error: why });
    }
  };
  const db = openDatabase(file, keys.database, {
    beforeMigrate: (opened, version) => version > 0 && backup(opened, 'migration'),
  });
  if (existed && dailyBackupDue(dataDir, settings.now())) backup(db, 'daily');
  const guard = createDatabaseGuard({ dataDir, db, settings, startSeq: found.lastSeq, hold: null });
  return { keys, db, sealer, store, legacy, guard };
}

/**
 * The station's storage, opened and checked as each start needs it: what weakens the data key and
 * what the sealing of earlier files found are said in the log; then what a stop cut short (an import
 * before its transaction, a transfer, a drop) goes, said too, before any service writes. A held
 * database may not point to files that are still needed: nothing is removed beside it.
 */
export function openStationStorageAtStart(
  dataDir: string,
  keyOptions: KeyOptions,
  settings: DatabaseSettings,
): CheckedStorage {
  const { logger } = settings;
  const storage = openCheckedStorage(dataDir, keyOptions, settings);
  const { keys, legacy, guard, db } = storage;
  for (const weakness of keys.weaknesses)
    logger.warn('data_key.weaker', { weakness: KEY_WEAKNESS_TEXT[weakness], keyPath: keys.keyPath });
  if (legacy.sealed > 0) logger.info('files.sealed_legacy', { sealed: legacy.sealed });
  for (const file of legacy.mismatched) logger.error('files.legacy_damaged', { file });
  if (guard.held())
    logger.warn('files.cleanup_skipped', {
      text: 'The database is held: no file is removed at start until a person decides.',
    });
  else cleanLeftoverFiles(dataDir, db, logger);
  return storage;
}
