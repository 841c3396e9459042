// Reads and keeps the sealed PDF of each signed report (table report_pdfs). A report's first PDF
// stays: adding another for it is ignored, and the table refuses any change. Callers own transactions.
import type { ReportPdfInfo } from '../../shared/acts/report-pdf';
import type { Db } from '../platform/database/connection';

export interface StoredReportPdf extends ReportPdfInfo {
  data: Buffer;
}

export interface ReportPdfRepository {
  /** Keeps the report's PDF; false when the report had one already (that one stays). */
  add(pdf: StoredReportPdf): boolean;
  get(reportId: string): StoredReportPdf | null;
  /** The PDFs of an act's reports, without their bytes, in signing order. */
  forEncounter(encounterId: string): ReportPdfInfo[];
}

interface Row {
  report_id: string;
  file_name: string;
  size: number;
  sha256: string;
  rendered_at: string;
  data?: Buffer;
}
const infoFromRow = (r: Row): ReportPdfInfo => ({
  reportId: r.report_id,
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  renderedAt: r.rendered_at,
});

export function createReportPdfRepository(db: Db): ReportPdfRepository {
  const insertStmt = db.prepare(
    'INSERT OR IGNORE INTO report_pdfs (report_id, file_name, size, sha256, data, rendered_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const getStmt = db.prepare<[string], Row & { data: Buffer }>('SELECT * FROM report_pdfs WHERE report_id = ?');
  const forEncounterStmt = db.prepare<
    [string],
    Row
  >(`SELECT p.report_id, p.file_name, p.size, p.sha256, p.rendered_at FROM report_pdfs p
    JOIN encounter_reports r ON r.id = p.report_id WHERE r.encounter_id = ? ORDER BY r.signed_at, r.rowid`);
  return {
    add: (p) => insertStmt.run(p.reportId, p.fileName, p.size, p.sha256, p.data, p.renderedAt).changes === 1,
    get: (reportId) => {
      const row = getStmt.get(reportId);
      return row ? { ...infoFromRow(row), data: row.data } : null;
    },
    forEncounter: (encounterId) => forEncounterStmt.all(encounterId).map(infoFromRow),
  };
}
