// The PDF of a document the act holds (a signed report, the expert's prescription), kept once with
// its SHA-256: what is printed for the patient, then and later, is byte for byte what was kept, and
// a later change of a renderer never changes a signed document. Each kind of document has its own
// table of the same shape (report_pdfs, prescription_pdfs), whose rows are never changed nor
// deleted (their triggers); a document's first PDF stays. Callers own transactions.
import { createHash } from 'node:crypto';
import type { Patient } from '../../shared/patients/patient';
import type { Db } from '../platform/database/connection';

export interface KeptPdf {
  fileName: string;
  size: number;
  sha256: string;
  data: Buffer;
  renderedAt: string;
}

/** Each table of kept PDFs and the column naming its document. */
const TABLES = { report_pdfs: 'report_id', prescription_pdfs: 'prescription_id' } as const;
export type KeptPdfTableName = keyof typeof TABLES;

export interface KeptPdfTable {
  /** Keeps the document's PDF; false when it had one already (that one stays). */
  add(documentId: string, pdf: KeptPdf): boolean;
  get(documentId: string): KeptPdf | null;
}

interface Row {
  file_name: string;
  size: number;
  sha256: string;
  rendered_at: string;
  data: Buffer;
}

export function createKeptPdfTable(db: Db, table: KeptPdfTableName): KeptPdfTable {
  const id = TABLES[table];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO ${table} (${id}, file_name, size, sha256, data, rendered_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[string], Row>(
    `SELECT file_name, size, sha256, rendered_at, data FROM ${table} WHERE ${id} = ?`,
  );
  return {
    add: (documentId, p) => insert.run(documentId, p.fileName, p.size, p.sha256, p.data, p.renderedAt).changes === 1,
    get: (documentId) => {
      const row = select.get(documentId);
      return row
        ? { fileName: row.file_name, size: row.size, sha256: row.sha256, data: row.data, renderedAt: row.rendered_at }
        : null;
    },
  };
}

/** Rendered bytes as kept: their size and SHA-256, and when they were made. */
export const keptPdf = (data: Buffer, fileName: string, renderedAt: Date): KeptPdf => ({
  fileName,
  size: data.length,
  sha256: createHash('sha256').update(data).digest('hex'),
  data,
  renderedAt: renderedAt.toISOString(),
});

/** "compte-rendu-LE-BIHAN-YVONNE-2026-12-07.pdf": the document, whose it is and its day, in plain ASCII. */
export function documentFileName(document: 'compte-rendu' | 'ordonnance', patient: Patient, day: string): string {
  const name = `${patient.birthName}-${patient.firstName}`.normalize('NFD').replace(/[^A-Za-z0-9-]+/g, '-');
  return `${document}-${name}-${day}.pdf`;
}

/**
 * The document's kept PDF. A document without one yet (signed before PDFs were kept, or whose PDF
 * could not be made when it arrived) is rendered and kept now, once, and that copy is the one
 * from then on, printed and sent alike.
 */
export async function keptOnce<Kept extends KeptPdf>(
  pdfs: { get(documentId: string): Kept | null; add(documentId: string, pdf: KeptPdf): boolean },
  documentId: string,
  render: () => Promise<KeptPdf>,
): Promise<Kept> {
  const kept = pdfs.get(documentId);
  if (kept) return kept;
  // Two first requests at once both render; the first kept wins and both answer with it.
  pdfs.add(documentId, await render());
  return pdfs.get(documentId)!;
}
