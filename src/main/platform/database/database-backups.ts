// Rotating backups of the station's database in its data folder (backups/), and the file moves of a
// restore: the replaced file kept aside (damaged/), a checked backup put in its place.
//
// A backup is taken with VACUUM INTO, SQLite's consistent online copy (a read transaction: the
// station goes on writing meanwhile). SQLite3 Multiple Ciphers writes the copy encrypted with the
// connection's cipher and key. SQLite's online backup API (better-sqlite3's db.backup()) cannot be
// used: it opens the destination without a key and the cipher refuses the pair ("backup is not
// supported with incompatible source and target databases"), so nothing in the clear could come of
// it either; test/unit/db/database-backups.test.ts shows both.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { BackupNameSchema, type Backup } from '../../../shared/station/database';
import { unlockDatabase, type Db } from './connection';
import { checkDatabase } from './database-health';
import { schemaVersion } from './migrate';

export const BACKUPS_FOLDER = 'backups';
export const SET_ASIDE_FOLDER = 'damaged';
/** How many backups are kept when the site says nothing (RELAIS_BACKUPS_KEPT). */
export const DEFAULT_BACKUPS_KEPT = 7;
export const DAY_MS = 24 * 60 * 60 * 1000;

const stamp = (at: Date) => at.toISOString().replace(/[-:.]/g, '');
const fromStamp = (s: string) =>
  `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;

function privateFolder(dir: string): string {
  // SECURITY: copies of the records, encrypted, readable by the station's account only.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The backups kept in the data folder, newest first; files of any other name are ignored. */
export function listBackups(dataDir: string): Backup[] {
  const dir = path.join(dataDir, BACKUPS_FOLDER);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BackupNameSchema.safeParse(name).success)
    .sort()
    .reverse()
    .map((name) => {
      const [, time, reason] = /^relais-(\d{8}T\d{9}Z)-(\w+)\.sqlite$/.exec(name)!;
      return {
        name,
        takenAt: fromStamp(time!),
        reason: reason as Backup['reason'],
        bytes: fs.statSync(path.join(dir, name)).size,
      };
    });
}

/** SECURITY: a backup is named by the schema's pattern and read from backups/ only: no path reaches outside. */
export function backupPath(dataDir: string, name: string): string {
  const parsed = BackupNameSchema.safeParse(name);
  if (!parsed.success) throw new Error(`Not a backup name: ${JSON.stringify(name).slice(0, 80)}`);
  return path.join(dataDir, BACKUPS_FOLDER, parsed.data);
}

/** Takes a backup now (encrypted like the database) and keeps the `keep` newest. */
export function takeBackup(db: Db, dataDir: string, reason: Backup['reason'], now: Date, keep: number): Backup {
  const dir = privateFolder(path.join(dataDir, BACKUPS_FOLDER));
  const name = `relais-${stamp(now)}-${reason}.sqlite`;
  const partial = path.join(dir, `${name}.part`);
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, path.join(dir, name));
  } finally {
    fs.rmSync(partial, { force: true });
  }
  for (const old of listBackups(dataDir).slice(Math.max(1, keep))) fs.rmSync(path.join(dir, old.name), { force: true });
  return listBackups(dataDir).find((b) => b.name === name)!;
}

/** Whether the day's backup is due: none yet, or the newest is a day old. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir)[0];
  return !newest || now.getTime() - Date.parse(newest.takenAt) >= DAY_MS;
}

export interface BackupContent {
  ok: boolean;
  problems: string[];
  schemaVersion: number;
  patients: number;
  encounters: number;
  auditLastSeq: number;
}

const count = (db: Db, table: string): number => {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0;
};

/** What a file that cannot be read whole holds, as far as anyone can say: nothing. */
const unreadable = (problems: string[]): BackupContent => ({
  ok: false,
  problems,
  schemaVersion: 0,
  patients: 0,
  encounters: 0,
  auditLastSeq: 0,
});

/** Opens a database file read-only with the station's key and checks it whole; never throws for a bad file. */
export function inspectDatabaseFile(file: string, key: Buffer, now: () => Date): BackupContent {
  let db: Db;
  try {
    db = unlockDatabase(new Database(file, { readonly: true, fileMustExist: true }), key);
  } catch (error) {
    return unreadable([(error as Error).message]);
  }
  try {
    const report = checkDatabase(db, 'integrity_check', now);
    if (!report.ok) return unreadable(report.problems);
    const audit =
      count(db, 'audit_events') > 0
        ? (db.prepare('SELECT max(seq) AS seq FROM audit_events').get() as { seq: number }).seq
        : 0;
    return {
      ok: true,
      problems: [],
      schemaVersion: schemaVersion(db),
      patients: count(db, 'patients'),
      encounters: count(db, 'encounters'),
      auditLastSeq: audit,
    };
  } catch (error) {
    return unreadable([(error as Error).message]);
  } finally {
    db.close();
  }
}

/** The database's files (main, WAL, shared memory) that exist. */
function databaseFiles(file: string): string[] {
  return ['', '-wal', '-shm'].map((suffix) => `${file}${suffix}`).filter((f) => fs.existsSync(f));
}

/** A folder of its own under damaged/ for one set of files kept aside. */
export function setAsideFolder(dataDir: string, label: string, now: Date): string {
  return privateFolder(path.join(privateFolder(path.join(dataDir, SET_ASIDE_FOLDER)), `${stamp(now)}-${label}`));
}

/** Copies the database's files as they are, before anything opens them (a damaged WAL is lost at the first checkpoint). */
export function copyAside(file: string, dataDir: string, label: string, now: Date): string {
  const folder = setAsideFolder(dataDir, label, now);
  for (const f of databaseFiles(file)) fs.copyFileSync(f, path.join(folder, path.basename(f)));
  return path.join(folder, path.basename(file));
}

/** Moves the database's files aside (the station is closed): returns the main file's new path, null when there was none. */
export function moveAside(file: string, dataDir: string, label: string, now: Date): string | null {
  const files = databaseFiles(file);
  if (files.length === 0) return null;
  const folder = setAsideFolder(dataDir, label, now);
  for (const f of files) fs.renameSync(f, path.join(folder, path.basename(f)));
  return path.join(folder, path.basename(file));
}

/** Puts a backup in place of the database file (which must have been moved aside): copied whole, then renamed. */
export function placeBackup(dataDir: string, name: string, file: string): void {
  const partial = `${file}.restoring`;
  fs.copyFileSync(backupPath(dataDir, name), partial);
  fs.chmodSync(partial, 0o600);
  fs.renameSync(partial, file);
}
