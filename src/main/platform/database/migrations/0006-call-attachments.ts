// 0006: files captured during a call (auscultation WAVs tagged with the body site, snapshots),
// stored by SHA-256 in the data folder; this row says what, from which device, by whom, when.
import type { Migration } from '../migrate';

export const migration0006: Migration = {
  version: 6,
  name: '0006-call-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE call_attachments (
        id TEXT PRIMARY KEY,
        call_id TEXT NOT NULL REFERENCES calls (id),
        kind TEXT NOT NULL CHECK (kind IN ('auscultation', 'snapshot')),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        body_site TEXT,
        device TEXT NOT NULL,
        author TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        CHECK ((kind = 'auscultation') = (body_site IS NOT NULL))
      );
      CREATE INDEX call_attachments_call ON call_attachments (call_id);
    `);
  },
};
