// 0032: the PDF of each prescription the act's expert signed (issue 21, point 5), kept once with
// its SHA-256 like a signed report's (0017): what the nurse or the pharmacist prints for the
// patient, at arrival or months later, is byte for byte the same document, whatever the renderer
// becomes. Rendered when the prescription is kept on the act; one whose PDF could not be made then
// is rendered the first time it is asked for. Never updated nor deleted, like the prescription.
import type { Migration } from '../migrate';

export const migration0032: Migration = {
  version: 32,
  name: '0032-prescription-pdfs',
  up(db) {
    db.exec(`
      CREATE TABLE prescription_pdfs (
        prescription_id TEXT PRIMARY KEY REFERENCES act_prescriptions (id),
        file_name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        data BLOB NOT NULL CHECK (length(data) = size),
        rendered_at TEXT NOT NULL
      );
      CREATE TRIGGER prescription_pdfs_sealed_update BEFORE UPDATE ON prescription_pdfs BEGIN SELECT RAISE(ABORT, 'a signed prescription''s PDF is never changed'); END;
      CREATE TRIGGER prescription_pdfs_sealed_delete BEFORE DELETE ON prescription_pdfs BEGIN SELECT RAISE(ABORT, 'a signed prescription''s PDF is never changed'); END;
    `);
  },
};
