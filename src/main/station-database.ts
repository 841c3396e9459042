// The station's database opened with its checks, before anything writes to it. A read-only
// connection looks first: the WAL (a frame damaged in the middle of the log), SQLite's quick_check,
// and the audit trail against its anchor file (a deleted database, or an older copy put in its
// place). A database that passes is opened for work (backed up first when migrations are pending,
// and once a day); one that does not is held: it stays read-only, and a person decides
// (station-supervisor.ts). The region's own copy of the last audit row is asked just after start
// (database-guard.ts), before the sync starts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Logger } from './logger';
import { databaseKind, DatabaseKeyError, openDatabase, unlockDatabase, type Db } from './db/connection';
import { backupPath, copyAside, dailyBackupDue, DEFAULT_BACKUPS_KEPT, listBackups, takeBackup } from './db/database-backups';
import { checkDatabase } from './db/database-health';
import { schemaVersion } from './db/migrate';
import { MIGRATIONS } from './db/migrations';
import { scanWal } from './db/wal-scan';
import { DATABASE_FILE, loadDataKeys, type KeySealer } from './security/data-key';
import { createFileSealer } from './security/sealed-file';
import { createAttachmentStore } from './services/attachment-store';
import type { StationStorage } from './station-storage';
import { createDatabaseGuard, readHold, type DatabaseGuard, type DatabaseHold } from './database-guard';

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
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, ANCHOR_FILE), 'utf8')) as { seq?: unknown; hash?: unknown };
    if (typeof parsed.seq === 'number' && Number.isInteger(parsed.seq) && typeof parsed.hash === 'string') return { seq: parsed.seq, hash: parsed.hash };
  } catch {
    // Missing or unreadable: the audit check says so when asked (audit.verify).
  }
  return null;
}

/** The last audit row (0: none) and the hash of row `seq`. */
function auditTail(db: Db, seq: number | null): { lastSeq: number; hashAt: string | null } {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'").get()) return { lastSeq: 0, hashAt: null };
  const last = (db.prepare('SELECT max(seq) AS seq FROM audit_events').get() as { seq: number | null }).seq ?? 0;
  const at = seq === null ? undefined : (db.prepare('SELECT hash FROM audit_events WHERE seq = ?').get(seq) as { hash: string } | undefined);
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

/** What the read-only look finds: a reason to hold the database, and where its audit trail ends. */
function inspect(file: string, key: Buffer, dataDir: string, settings: DatabaseSettings, heldBefore: boolean): { hold: Omit<DatabaseHold, 'since'> | null; lastSeq: number } {
  const anchor = readAuditAnchor(dataDir);
  if (databaseKind(file) === 'none') {
    if (anchor && anchor.seq > 0) {
      return { hold: { state: 'missing', damaged: [], problem: `There is no database at ${file}, though the audit anchor file knows row ${anchor.seq}: the database was deleted or moved. Nothing is written until a person decides: restore a backup, or start empty on purpose.` }, lastSeq: 0 };
    }
    return { hold: null, lastSeq: 0 };
  }
  const wal = scanWal(`${file}-wal`);
  let evidence: string | null = null;
  // Copied once, when first found: a held database's read-only connection leaves its WAL as it is.
  if (wal && (wal.damagedFrame !== null || wal.headerDamaged)) evidence = heldBefore ? 'kept at first start' : copyAside(file, dataDir, 'wal', settings.now());
  let db: Db;
  try {
    db = unlockDatabase(new Database(file, { readonly: true, fileMustExist: true }), key);
  } catch (error) {
    // The key is right when a backup opens with it: then the database's first page is damaged.
    const opens = listBackups(dataDir).find((b) => opensWith(backupPath(dataDir, b.name), key));
    if (!(error instanceof DatabaseKeyError) || !opens) throw error;
    const problem = `The database does not open with the station's data key, while backup ${opens.name} does: the key is right and the database's first page is damaged. `
      + 'Nothing of it can be shown. A technician restores a backup (the region gives back what the backup lacks).';
    return { hold: { state: 'damaged', damaged: ['sqlite_master'], problem }, lastSeq: 0 };
  }
  try {
    if (wal && evidence) {
      const where = wal.headerDamaged ? 'its header' : `frame ${wal.damagedFrame} of ${wal.frames}`;
      const kept = heldBefore ? '' : ` A copy of the files as found is kept in ${path.dirname(evidence)}.`;
      const problem = `The database's write-ahead log (WAL) is damaged at ${where}: SQLite would silently drop the ${wal.lostCommits} transactions written after it.${kept} `
        + 'The station only reads until a technician restores a backup or starts empty (the region gives back what it holds).';
      return { hold: { state: 'damaged', damaged: [], problem }, lastSeq: readableTail(db) };
    }
    const quick = checkDatabase(db, 'quick_check', settings.now);
    if (!quick.ok) {
      const named = quick.damaged.length > 0 ? ` Damaged: ${quick.damaged.join(', ')}.` : '';
      const problem = `SQLite's quick_check found the database damaged (${quick.problems[0] ?? 'no detail'}).${named} The station only reads until a technician restores a backup.`;
      return { hold: { state: 'damaged', damaged: quick.damaged, problem }, lastSeq: readableTail(db) };
    }
    const tail = auditTail(db, anchor?.seq ?? null);
    if (anchor && anchor.seq > tail.lastSeq) {
      const state = tail.lastSeq === 0 ? 'missing' : 'older';
      const problem = `This database's audit trail ends at row ${tail.lastSeq}, but the audit anchor file knows row ${anchor.seq}: it is an older copy put in place of the one this station last wrote, or the last transactions were lost. `
        + 'Nothing is written until a person decides: restore a backup, or go on with this database on purpose.';
      return { hold: { state, damaged: [], problem }, lastSeq: tail.lastSeq };
    }
    if (anchor && anchor.seq > 0 && tail.hashAt !== anchor.hash) {
      const problem = `Audit row ${anchor.seq} of this database is not the one the audit anchor file remembers: it is not the database this station last wrote (an older copy that went on, or another station's). `
        + 'Nothing is written until a person decides.';
      return { hold: { state: 'older', damaged: [], problem }, lastSeq: tail.lastSeq };
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
  return { db: openDatabase(':memory:'), note: ` Its records (schema ${version}, this version's is ${MIGRATIONS.length}) are not shown until then.` };
}

export function openCheckedStorage(dataDir: string, keyOptions: { keyFile?: string | null; sealer?: KeySealer | null; allowNoKeyring?: boolean }, given: DatabaseSettings): CheckedStorage {
  const settings = { ...given, backupsKept: given.backupsKept ?? DEFAULT_BACKUPS_KEPT };
  const keys = loadDataKeys({ dataDir, keyFile: keyOptions.keyFile ?? null, sealer: keyOptions.sealer ?? null, allowNoKeyring: keyOptions.allowNoKeyring ?? false });
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
  // A hold a person has not settled yet outlives restarts, even when a new look finds nothing (a damaged WAL is gone once read).
  const hold = found.hold ?? (persisted ? { state: persisted.state, damaged: persisted.damaged, problem: persisted.problem } : null);
  if (hold) {
    const { db, note } = openHeld(file, keys.database);
    const guard = createDatabaseGuard({ dataDir, db, settings, startSeq: found.lastSeq, hold: { ...hold, problem: `${hold.problem}${note ?? ''}`, since: persisted?.since ?? settings.now().toISOString() } });
    return { keys, db, sealer, store, legacy, guard };
  }
  const backup = (db: Db, reason: 'daily' | 'migration') => {
    try {
      const taken = takeBackup(db, dataDir, reason, settings.now(), settings.backupsKept);
      settings.logger.info('database.backup_taken', { name: taken.name, bytes: taken.bytes });
    } catch (error) {
      // The database itself is sound (and each migration runs in a transaction): said, not fatal.
      settings.logger.error('database.backup_failed', { reason, error: String((error as Error)?.message ?? error) });
    }
  };
  const db = openDatabase(file, keys.database, { beforeMigrate: (opened, version) => version > 0 && backup(opened, 'migration') });
  if (existed && dailyBackupDue(dataDir, settings.now())) backup(db, 'daily');
  const guard = createDatabaseGuard({ dataDir, db, settings, startSeq: found.lastSeq, hold: null });
  return { keys, db, sealer, store, legacy, guard };
}
