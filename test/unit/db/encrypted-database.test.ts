// The station's database encrypted at rest: nothing of a record in the database file, its WAL or
// its shared memory; no opening without the key, with a clear error for a wrong one; and a
// database an earlier version kept in the clear encrypted in place on the first start, records
// kept and deleted ones gone with the plain pages.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseKeyError, openDatabase } from '../../../src/main/platform/database/connection';
import { MIGRATIONS } from '../../../src/main/platform/database/migrations';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-db-key-');
const NAME = 'KERGUELEN';

function filesHolding(dir: string, text: string): string[] {
  return fs.readdirSync(dir).filter((f) => fs.readFileSync(path.join(dir, f)).includes(Buffer.from(text)));
}

describe('the encrypted database', () => {
  it('keeps records, WAL included, unreadable on disk while the station has them open', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'relais.sqlite'), randomBytes(32));
    db.exec('CREATE TABLE notes (text TEXT)');
    for (let i = 0; i < 200; i++) db.prepare('INSERT INTO notes VALUES (?)').run(`${NAME} Anne-Marie, note ${i}`);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fs.readdirSync(dir).sort()).toEqual(['relais.sqlite', 'relais.sqlite-shm', 'relais.sqlite-wal']);
    expect(filesHolding(dir, NAME)).toEqual([]);
    db.close();
    expect(filesHolding(dir, NAME)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'relais.sqlite')).subarray(0, 15).toString('latin1')).not.toBe(
      'SQLite format 3',
    );
  });

  it('opens with its key only; a wrong key is refused with what to do', () => {
    const dir = tempDir();
    const file = path.join(dir, 'relais.sqlite');
    const key = randomBytes(32);
    openDatabase(file, key).close();
    expect(openDatabase(file, key).pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(() => openDatabase(file, randomBytes(32))).toThrow(DatabaseKeyError);
    expect(() => openDatabase(file, randomBytes(32))).toThrow(
      /cannot be opened with its data key .*Restore the matching key/,
    );
    const keyless = new Database(file);
    expect(() => keyless.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/);
    keyless.close();
  });

  it('encrypts in place a database kept in the clear by an earlier version, records kept, deleted ones gone', () => {
    const dir = tempDir();
    const file = path.join(dir, 'relais.sqlite');
    const plain = openDatabase(file);
    plain.exec('CREATE TABLE notes (text TEXT)');
    plain.prepare('INSERT INTO notes VALUES (?)').run(`${NAME} kept`);
    plain.prepare('INSERT INTO notes VALUES (?)').run('EFFACÉ deleted');
    plain.prepare("DELETE FROM notes WHERE text LIKE 'EFFAC%'").run();
    plain.close();
    expect(filesHolding(dir, NAME)).toEqual(['relais.sqlite']);
    expect(filesHolding(dir, 'EFFAC')).toEqual(['relais.sqlite']);

    const key = randomBytes(32);
    const db = openDatabase(file, key);
    expect(db.prepare('SELECT text FROM notes').all()).toEqual([{ text: `${NAME} kept` }]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    expect(filesHolding(dir, NAME)).toEqual([]);
    expect(filesHolding(dir, 'EFFAC')).toEqual([]);
    expect(() => openDatabase(file, randomBytes(32))).toThrow(DatabaseKeyError);
  });
});
