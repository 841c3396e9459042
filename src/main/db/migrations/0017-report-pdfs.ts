// 0017: the PDF of each signed report, kept once with its SHA-256: the document printed for the
// patient is byte for byte the one the region files, and a later change of the PDF renderer
// never changes a signed document. Never updated nor deleted, like the report it renders.
import type { Migration } from '../migrate';

export const migration0017: Migration = {
  version: 17,
  name: '0017-report-pdfs',
  up(db) {
    db.exec(`
      CREATE TABLE report_pdfs (
        report_id TEXT PRIMARY KEY REFERENCES encounter_reports (id),
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        data BLOB NOT NULL CHECK (length(data) = size),
        rendered_at TEXT NOT NULL
      );
      CREATE TRIGGER report_pdfs_sealed_update BEFORE UPDATE ON report_pdfs BEGIN SELECT RAISE(ABORT, 'a signed report''s PDF is never changed'); END;
      CREATE TRIGGER report_pdfs_sealed_delete BEFORE DELETE ON report_pdfs BEGIN SELECT RAISE(ABORT, 'a signed report''s PDF is never changed'); END;
    `);
  },
};
