// 0013: files belong to a call (captured during it) or to an act directly (a dermatoscope photo,
// a PDF document), and may be documents. SQLite cannot change a CHECK in place: the table is
// rebuilt as "attachments" with every row copied, and the outbox and sync rows that named
// call attachments now name attachments.
import type { Migration } from '../migrate';

export const migration0013: Migration = {
  version: 13,
  name: '0013-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        call_id TEXT REFERENCES calls (id),
        encounter_id TEXT REFERENCES encounters (id),
        kind TEXT NOT NULL CHECK (kind IN ('auscultation', 'snapshot', 'document')),
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        title TEXT,
        body_site TEXT,
        device TEXT NOT NULL,
        author TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        CHECK ((call_id IS NULL) <> (encounter_id IS NULL)),
        CHECK ((kind = 'auscultation') = (body_site IS NOT NULL))
      );
      INSERT INTO attachments (id, call_id, encounter_id, kind, mime, size, sha256, title, body_site, device, author, taken_at)
        SELECT id, call_id, NULL, kind, mime, size, sha256, NULL, body_site, device, author, taken_at FROM call_attachments;
      DROP TABLE call_attachments;
      CREATE INDEX attachments_call ON attachments (call_id);
      CREATE INDEX attachments_encounter ON attachments (encounter_id);
      UPDATE outbox SET entity = 'attachment' WHERE entity = 'call_attachment';
      UPDATE sync_resources SET entity = 'attachment' WHERE entity = 'call_attachment';
      UPDATE sync_conflicts SET entity = 'attachment' WHERE entity = 'call_attachment';
    `);
  },
};
