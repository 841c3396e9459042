// The migration runner keeps data across an upgrade, rolls a failing step back, refuses a newer database, opens in WAL.
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/platform/database/connection';
import {
  migrate,
  NewerDatabaseError,
  schemaVersion,
  type Migration,
} from '../../../src/main/platform/database/migrate';
import { MIGRATIONS } from '../../../src/main/platform/database/migrations';
import { upTo } from '../../helpers/migrations';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('migrations: the runner', () => {
  it('keeps data across an upgrade from an earlier version', () => {
    const file = path.join(tempDir(), 'db.sqlite');
    const old = new Database(file);
    migrate(old, upTo(1));
    old
      .prepare(
        `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex,
      birthplace_code, identity_status, birth_name_key, first_name_key, created_at, updated_at)
      VALUES ('p1', 1, 'A', 'B', 'B', '2000-01-01', 'F', '75111', 'PROV', 'A', 'B', 'now', 'now')`,
      )
      .run();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
  });

  it('rolls a failing migration back whole and leaves the version as it was', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up: (d) => d.exec('CREATE TABLE half (x); SELECT * FROM nowhere;'),
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/nowhere/);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a database written by a newer Relais, without touching it', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 99');
    expect(() => migrate(db, MIGRATIONS)).toThrow(NewerDatabaseError);
    expect(schemaVersion(db)).toBe(99);
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(path.join(tempDir(), 'db.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
