// 0032: one PDF per prescription kept on an act, with its size and SHA-256, never changed nor
// deleted, read and kept through the same code as a signed report's (kept-pdf.ts): a document's
// first PDF stays.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createKeptPdfTable, keptPdf } from '../../../src/main/acts/kept-pdf';
import { migrate } from '../../../src/main/platform/database/migrate';
import { upTo } from '../../helpers/migrations';

const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('0032 prescription_pdfs', () => {
  it('keeps one PDF per prescription, its size and SHA-256 checked, never changed nor deleted', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(32));
    expect(columns(db, 'prescription_pdfs')).toEqual([
      'prescription_id',
      'file_name',
      'size',
      'sha256',
      'data',
      'rendered_at',
    ]);
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare(
      "INSERT INTO prescription_pdfs (prescription_id, file_name, size, sha256, data, rendered_at) VALUES (?, 'o.pdf', ?, ?, ?, 'now')",
    );
    const sha256 = 'a'.repeat(64);
    insert.run('p1', 4, sha256, Buffer.from('%PDF'));
    expect(() => insert.run('p1', 4, sha256, Buffer.from('%PDF'))).toThrow(/UNIQUE/);
    expect(() => insert.run('p2', 5, sha256, Buffer.from('%PDF'))).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE prescription_pdfs SET file_name = 'autre.pdf'").run()).toThrow(/never changed/);
    expect(() => db.prepare('DELETE FROM prescription_pdfs').run()).toThrow(/never changed/);
  });

  it.each(['report_pdfs', 'prescription_pdfs'] as const)('%s: the first PDF kept stays', (table) => {
    const db = new Database(':memory:');
    migrate(db, upTo(32));
    db.pragma('foreign_keys = OFF');
    const pdfs = createKeptPdfTable(db, table);
    const first = keptPdf(Buffer.from('%PDF-1 first'), 'a.pdf', new Date('2026-12-07T10:00:00Z'));
    expect(pdfs.add('doc-1', first)).toBe(true);
    expect(pdfs.add('doc-1', keptPdf(Buffer.from('%PDF-1 second'), 'b.pdf', new Date()))).toBe(false);
    expect(pdfs.get('doc-1')).toEqual(first);
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pdfs.get('doc-2')).toBeNull();
  });
});
