// 0016: the tele-stroke sheet of an act (timeline, NIHSS, checklist, decision) as it stands, and
// the journal of every change to it with who and when, append-only: a thrombolysis decision is
// traced to the person and minute it was made, and earlier answers are never lost.
import type { Migration } from '../migrate';

export const migration0016: Migration = {
  version: 16,
  name: '0016-stroke-sheets',
  up(db) {
    db.exec(`
      CREATE TABLE stroke_sheets (
        encounter_id TEXT PRIMARY KEY REFERENCES encounters (id),
        version INTEGER NOT NULL,
        sheet TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE stroke_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        encounter_id TEXT NOT NULL REFERENCES encounters (id),
        version INTEGER NOT NULL,
        change TEXT NOT NULL,
        by TEXT NOT NULL,
        at TEXT NOT NULL,
        UNIQUE (encounter_id, version)
      );
      CREATE TRIGGER stroke_changes_append_only_update BEFORE UPDATE ON stroke_changes BEGIN SELECT RAISE(ABORT, 'stroke changes are append-only'); END;
      CREATE TRIGGER stroke_changes_append_only_delete BEFORE DELETE ON stroke_changes BEGIN SELECT RAISE(ABORT, 'stroke changes are append-only'); END;
    `);
  },
};
