// Encryption at rest, measured to choose between the two ways issue 8 names: the whole database
// encrypted page by page (SQLite3 Multiple Ciphers: SQLCipher 4's format, or its default
// ChaCha20), or chosen columns encrypted by the station (AES-256-GCM) in a plain database. And the
// sealed files against plain ones. Each group prints its figures against the plain baseline.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, bench, describe } from 'vitest';
import { createFileSealer } from '../src/main/platform/security/sealed-file';

const ROWS = 20_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-rest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const key = randomBytes(32);
const hexKey = `"x'${key.toString('hex')}'"`;

type Scheme = 'plain' | 'sqlcipher' | 'chacha20' | 'columns';
let opened = 0;

/** Gives a connection its cipher and key (the station's own choice is connection.ts: sqlcipher). */
function keyed(db: Database.Database, scheme: Scheme): Database.Database {
  if (scheme === 'sqlcipher' || scheme === 'chacha20') {
    db.pragma(`cipher = '${scheme}'`);
    if (scheme === 'sqlcipher') db.pragma('legacy = 4');
    db.pragma(`key = ${hexKey}`);
  }
  return db;
}

function open(scheme: Scheme): Database.Database {
  const db = keyed(new Database(path.join(dir, `${scheme}-${opened++}.sqlite`)), scheme);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(
    'CREATE TABLE patients (id TEXT PRIMARY KEY, birth_name TEXT, first_name TEXT, birth_date TEXT, note TEXT); CREATE INDEX by_name ON patients (birth_name)',
  );
  return db;
}

// Column encryption as the alternative would do it: each identifying field sealed on its own.
function sealField(text: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
}
function openField(sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString('utf8');
}

const row = (i: number) => ({
  id: `p-${i}`,
  birth_name: `NOM${i % 5000}`,
  first_name: 'JEANNE',
  birth_date: `19${String(i % 100).padStart(2, '0')}-01-01`,
  note: 'Plaie du talon, pansement tous les deux jours'.repeat(4),
});

function fill(db: Database.Database, scheme: Scheme): void {
  const insert = db.prepare('INSERT INTO patients VALUES (@id, @birth_name, @first_name, @birth_date, @note)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const r = row(i);
      insert.run(
        scheme === 'columns'
          ? {
              ...r,
              birth_name: sealField(r.birth_name),
              first_name: sealField(r.first_name),
              birth_date: sealField(r.birth_date),
              note: sealField(r.note),
            }
          : r,
      );
    }
  })();
}

const SCHEMES: Scheme[] = ['plain', 'sqlcipher', 'chacha20', 'columns'];
const readers = new Map(
  SCHEMES.map((scheme) => {
    const db = open(scheme);
    fill(db, scheme);
    return [scheme, db] as const;
  }),
);

describe(`database: insert ${ROWS} patient rows in one transaction`, () => {
  for (const scheme of SCHEMES)
    bench(
      scheme,
      () => {
        const db = open(scheme);
        fill(db, scheme);
        db.close();
      },
      { iterations: 3, warmupIterations: 0 },
    );
});

describe('database: 1,000 reads of one patient by id (the record screen)', () => {
  for (const scheme of SCHEMES)
    bench(scheme, () => {
      const db = readers.get(scheme)!;
      const get = db.prepare('SELECT * FROM patients WHERE id = ?');
      for (let i = 0; i < 1000; i++) {
        const r = get.get(`p-${(i * 7919) % ROWS}`) as Record<string, unknown>;
        if (scheme === 'columns')
          for (const field of ['birth_name', 'first_name', 'birth_date', 'note']) openField(r[field] as Buffer);
      }
    });
});

describe('database: 100 searches by name prefix over the registry (the search box)', () => {
  for (const scheme of SCHEMES)
    bench(
      scheme,
      () => {
        const db = readers.get(scheme)!;
        if (scheme === 'columns') {
          // Sealed names cannot be searched by prefix in SQL: every row is opened and compared.
          const all = db.prepare('SELECT id, birth_name FROM patients').all() as { id: string; birth_name: Buffer }[];
          for (let q = 0; q < 100; q++) all.filter((r) => openField(r.birth_name).startsWith(`NOM${q * 37}`));
          return;
        }
        const search = db.prepare('SELECT id FROM patients WHERE birth_name >= ? AND birth_name < ? LIMIT 50');
        for (let q = 0; q < 100; q++) search.all(`NOM${q * 37}`, `NOM${q * 37}\uffff`);
      },
      { iterations: 3, warmupIterations: 0 },
    );
});

describe('database: open a station database (start-up)', () => {
  for (const scheme of ['plain', 'sqlcipher', 'chacha20'] as const) {
    const file = path.join(dir, `startup-${scheme}.sqlite`);
    const first = keyed(new Database(file), scheme);
    first.exec('CREATE TABLE t (x)');
    first.close();
    bench(scheme, () => {
      const db = keyed(new Database(file), scheme);
      db.prepare('SELECT count(*) FROM sqlite_master').get();
      db.close();
    });
  }
});

describe('files: write then read back a 32 MB auscultation', () => {
  const sealer = createFileSealer(randomBytes(32));
  const bytes = randomBytes(32 * 1024 * 1024);
  bench(
    'plain',
    () => {
      const file = path.join(dir, 'plain.wav');
      fs.writeFileSync(file, bytes);
      fs.readFileSync(file);
      fs.rmSync(file);
    },
    { iterations: 5 },
  );
  bench(
    'sealed (AES-256-GCM records)',
    () => {
      const file = path.join(dir, 'sealed.wav');
      sealer.write(file, bytes);
      sealer.read(file);
      fs.rmSync(file);
    },
    { iterations: 5 },
  );
});
