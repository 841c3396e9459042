// Reads and keeps the sealed PDF of each signed report (table report_pdfs, kept-pdf.ts). A
// report's first PDF stays: adding another for it is ignored, and the table refuses any change.
// Callers own transactions.
import type { ReportPdfInfo } from '../../shared/acts/report-pdf';
import type { Db } from '../platform/database/connection';
import { createKeptPdfTable } from './kept-pdf';

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
}
const infoFromRow = (r: Row): ReportPdfInfo => ({
  reportId: r.report_id,
  fileName: r.file_name,
  size: r.size,
  sha256: r.sha256,
  renderedAt: r.rendered_at,
});

export function createReportPdfRepository(db: Db): ReportPdfRepository {
  const pdfs = createKeptPdfTable(db, 'report_pdfs');
  const forEncounterStmt = db.prepare<
    [string],
    Row
  >(`SELECT p.report_id, p.file_name, p.size, p.sha256, p.rendered_at FROM report_pdfs p
    JOIN encounter_reports r ON r.id = p.report_id WHERE r.encounter_id = ? ORDER BY r.signed_at, r.rowid`);
  return {
    add: ({ reportId, ...pdf }) => pdfs.add(reportId, pdf),
    get: (reportId) => {
      const kept = pdfs.get(reportId);
      return kept ? { reportId, ...kept } : null;
    },
    forEncounter: (encounterId) => forEncounterStmt.all(encounterId).map(infoFromRow),
  };
}
