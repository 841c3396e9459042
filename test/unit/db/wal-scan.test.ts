// The WAL scan against logs written by SQLite itself: a whole log, a torn last frame (a SIGKILL
// during a write: normal), a frame damaged in the middle (SQLite drops every later transaction
// without a word: the scan says so), a damaged header, and frames of an older log left after a
// restart (never replayed: not damage).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { scanWal } from '../../../src/main/platform/database/wal-scan';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-wal-');
const open: Database.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A database with `rows` rows, one transaction each, left in its WAL (the writer stays open); its files copied aside. */
function walWith(rows: number, prepare?: (db: Database.Database) => void): { dir: string; wal: string } {
  const source = tempDir();
  const db = new Database(path.join(source, 'db.sqlite'));
  open.push(db);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE notes (n INTEGER, text TEXT)');
  prepare?.(db);
  for (let i = 0; i < rows; i++) db.prepare('INSERT INTO notes VALUES (?, ?)').run(i, 'x'.repeat(3000));
  const dir = tempDir();
  for (const f of ['db.sqlite', 'db.sqlite-wal']) fs.copyFileSync(path.join(source, f), path.join(dir, f));
  return { dir, wal: path.join(dir, 'db.sqlite-wal') };
}

const frameAt = (wal: string, index: number) => {
  const pageSize = fs.readFileSync(wal).readUInt32BE(8);
  return 32 + index * (24 + pageSize);
};
const flip = (file: string, at: number) => {
  const bytes = fs.readFileSync(file);
  for (let i = 0; i < 64; i++) bytes[at + i]! ^= 0x5a;
  fs.writeFileSync(file, bytes);
};
const rowsSeenBySqlite = (dir: string) => {
  const db = new Database(path.join(dir, 'db.sqlite'), { readonly: true });
  try {
    // No table at all when SQLite ignored the whole log that created it.
    if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'notes'").get()) return 0;
    return (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('scanWal', () => {
  it('finds a whole log whole', () => {
    const { dir, wal } = walWith(20);
    const scan = scanWal(wal)!;
    expect(scan).toMatchObject({ damagedFrame: null, lostCommits: 0, headerDamaged: false });
    expect(scan.replayed).toBe(scan.frames);
    expect(rowsSeenBySqlite(dir)).toBe(20);
  });

  it('takes a torn last frame for what it is: an unfinished write, not damage', () => {
    const { wal } = walWith(20);
    fs.truncateSync(wal, fs.statSync(wal).size - 1000);
    expect(scanWal(wal)).toMatchObject({ damagedFrame: null, lostCommits: 0 });
  });

  it('takes a transaction still being written for what it is: SQLite rewrote a frame of it in place, nothing committed is lost', () => {
    // A transaction larger than the page cache spills pages to the log before it commits; a page
    // spilled twice is written again over its first frame, whose checksum SQLite fixes only at the
    // commit. Killed before that, the log holds a frame that fails its checksum with frames of the
    // same log after it, and no commit after it.
    const source = tempDir();
    const db = new Database(path.join(source, 'db.sqlite'));
    open.push(db);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE notes (n INTEGER PRIMARY KEY, text TEXT)');
    for (let i = 0; i < 20; i++) db.prepare('INSERT INTO notes VALUES (?, ?)').run(i, 'x'.repeat(3000));
    db.pragma('cache_size = 5');
    db.exec('BEGIN');
    for (let round = 0; round < 4; round++)
      for (let i = 0; i < 20; i++) db.prepare('UPDATE notes SET text = ? WHERE n = ?').run(`${round}`.repeat(3000), i);
    const dir = tempDir();
    for (const f of ['db.sqlite', 'db.sqlite-wal']) fs.copyFileSync(path.join(source, f), path.join(dir, f));
    db.exec('ROLLBACK');
    const scan = scanWal(path.join(dir, 'db.sqlite-wal'))!;
    expect(scan).toMatchObject({ damagedFrame: null, lostCommits: 0, headerDamaged: false });
    expect(rowsSeenBySqlite(dir)).toBe(20);
  });

  it('says a frame damaged in the middle of the log, and how many commits SQLite would silently drop after it', () => {
    const { dir, wal } = walWith(20);
    const frames = scanWal(wal)!.frames;
    const middle = Math.floor(frames / 2);
    flip(wal, frameAt(wal, middle) + 24 + 100);
    const scan = scanWal(wal)!;
    expect(scan.damagedFrame).toBe(middle + 1);
    expect(scan.lostCommits).toBeGreaterThan(5);
    // What SQLite does with it: fewer rows, no error.
    expect(rowsSeenBySqlite(dir)).toBeLessThan(20);
  });

  it('says a damaged header, its checksum or its magic number: SQLite ignores the whole log', () => {
    const { dir, wal } = walWith(5);
    const bytes = fs.readFileSync(wal);
    bytes[13]! ^= 0xff; // the checkpoint sequence: the header's checksum no longer holds
    fs.writeFileSync(wal, bytes);
    expect(scanWal(wal)).toMatchObject({ headerDamaged: true });
    expect(rowsSeenBySqlite(dir)).toBe(0);
    flip(wal, 0);
    expect(scanWal(wal)).toMatchObject({ headerDamaged: true });
  });

  it('leaves alone the frames of an older log after a restart, which SQLite never replays', () => {
    const { wal } = walWith(3, (db) => {
      for (let i = 0; i < 30; i++) db.prepare('INSERT INTO notes VALUES (?, ?)').run(-i, 'y'.repeat(3000));
      db.pragma('wal_checkpoint(RESTART)');
    });
    const scan = scanWal(wal)!;
    const whole = Math.floor((fs.statSync(wal).size - 32) / (24 + fs.readFileSync(wal).readUInt32BE(8)));
    expect(whole).toBeGreaterThan(scan.frames);
    flip(wal, frameAt(wal, whole - 2) + 24 + 100);
    expect(scanWal(wal)).toMatchObject({ damagedFrame: null, lostCommits: 0, headerDamaged: false });
  });

  it('has nothing to say without a log', () => {
    expect(scanWal(path.join(tempDir(), 'none-wal'))).toBeNull();
  });
});
