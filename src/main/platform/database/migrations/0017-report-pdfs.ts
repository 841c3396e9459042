// 0017: the PDF of each signed report, kept once with its SHA-256: the document printed for the
// patient is byte for byte the one the region files, and a later change of the PDF renderer
// never changes a signed document. Never updated nor deleted, like the report it renders.
// Reports signed before have no PDF yet: each is queued to sync again, so that the sync makes its
// PDF once (the copy printed from then on too) and the region gets it, a corrected one superseded.
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
      INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at)
        SELECT 'report', r.id, CASE WHEN EXISTS (SELECT 1 FROM encounter_reports c WHERE c.replaces = r.id) THEN 2 ELSE 1 END, 'update', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM encounter_reports r ORDER BY r.signed_at, r.rowid;
    `);
  },
};
