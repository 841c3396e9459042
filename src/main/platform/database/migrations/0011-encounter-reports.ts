// 0011: the act's report (compte rendu), signed by its author and never edited: a correction is
// a new report naming the one it replaces.
import type { Migration } from '../migrate';

export const migration0011: Migration = {
  version: 11,
  name: '0011-encounter-reports',
  up(db) {
    db.exec(`
      CREATE TABLE encounter_reports (
        id TEXT PRIMARY KEY,
        encounter_id TEXT NOT NULL REFERENCES encounters (id),
        text TEXT NOT NULL,
        author TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        replaces TEXT REFERENCES encounter_reports (id)
      );
      CREATE INDEX encounter_reports_by_encounter ON encounter_reports (encounter_id, signed_at);
    `);
  },
};
