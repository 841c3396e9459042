// Backups of the station's encrypted database: VACUUM INTO writes them encrypted with the same key
// (nothing of a record in the clear, refused without the key, whole with it); SQLite's online
// backup API, as better-sqlite3 exposes it, cannot make one (the destination has no key and the
// cipher refuses the pair, leaving nothing in the clear); the newest N are kept; only names of the
// backups' own pattern are read, from backups/ only.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/platform/database/connection';
import { createPatientRepository } from '../../../src/main/patients/patient-repository';
import {
  backupPath,
  dailyBackupDue,
  inspectDatabaseFile,
  listBackups,
  takeBackup,
} from '../../../src/main/platform/database/database-backups';
import { useTempDir } from '../../helpers/temp-dir';
import { aPatientRecord } from '../../helpers/identities';

const tempDir = useTempDir('relais-backups-');
const NAME = 'KERGUELEN';
const at = (iso: string) => new Date(iso);
const now = () => new Date('2026-11-23T10:00:00.000Z');

function databaseWithPatient(dir: string, key: Buffer) {
  const db = openDatabase(path.join(dir, 'relais.sqlite'), key);
  createPatientRepository(db).insert(aPatientRecord({ birthName: NAME }), { operation: 'created', by: 'test' });
  return db;
}

describe('database backups', () => {
  it('are encrypted with the database key: nothing in the clear, refused without the key, whole with it', () => {
    const dir = tempDir();
    const key = randomBytes(32);
    const db = databaseWithPatient(dir, key);
    const backup = takeBackup(db, dir, 'manual', at('2026-11-23T10:15:00.123Z'), 7);
    db.close();
    expect(backup).toMatchObject({
      name: 'relais-20261123T101500123Z-manual.sqlite',
      reason: 'manual',
      takenAt: '2026-11-23T10:15:00.123Z',
    });
    const file = backupPath(dir, backup.name);
    expect(fs.readFileSync(file).includes(Buffer.from(NAME))).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(() => new Database(file, { readonly: true }).prepare('SELECT * FROM patients').all()).toThrow(
      /not a database/,
    );
    expect(inspectDatabaseFile(file, randomBytes(32), now)).toMatchObject({ ok: false });
    expect(inspectDatabaseFile(file, key, now)).toMatchObject({
      ok: true,
      patients: 1,
      encounters: 0,
      auditLastSeq: 0,
    });
  });

  it('cannot be made with the online backup API: the cipher refuses a destination without a key, and nothing is left in the clear', async () => {
    const dir = tempDir();
    const db = databaseWithPatient(dir, randomBytes(32));
    const destination = path.join(dir, 'online-backup.sqlite');
    await expect(db.backup(destination)).rejects.toThrow(/incompatible source and target/);
    db.close();
    const left = fs.existsSync(destination) ? fs.readFileSync(destination) : Buffer.alloc(0);
    expect(left.includes(Buffer.from(NAME))).toBe(false);
  });

  it('keeps the newest N, newest first, and a day after the newest the daily one is due', () => {
    const dir = tempDir();
    const db = databaseWithPatient(dir, randomBytes(32));
    for (let day = 1; day <= 5; day++) takeBackup(db, dir, 'daily', at(`2026-11-0${day}T03:00:00.000Z`), 3);
    db.close();
    expect(listBackups(dir).map((b) => b.takenAt)).toEqual([
      '2026-11-05T03:00:00.000Z',
      '2026-11-04T03:00:00.000Z',
      '2026-11-03T03:00:00.000Z',
    ]);
    expect(dailyBackupDue(dir, at('2026-11-05T20:00:00.000Z'))).toBe(false);
    expect(dailyBackupDue(dir, at('2026-11-06T03:00:00.000Z'))).toBe(true);
  });

  it('reads only names of its own pattern, from backups/ only', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'backups'));
    fs.writeFileSync(path.join(dir, 'backups', 'notes.txt'), 'x');
    expect(listBackups(dir)).toEqual([]);
    for (const name of ['../relais.sqlite', 'relais-20261123T101500123Z-daily.sqlite/../../x', '/etc/passwd'])
      expect(() => backupPath(dir, name)).toThrow(/Not a backup name/);
  });
});
