// 0003: indexes for the duplicate check, whose pool asks for the same birth year or the same
// day and month: without them each new patient scans the whole registry.
import type { Migration } from '../migrate';

export const migration0003: Migration = {
  version: 3,
  name: '0003-duplicate-check-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX patients_birth_year ON patients (substr(birth_date, 1, 4));
      CREATE INDEX patients_birth_month_day ON patients (substr(birth_date, 6));
    `);
  },
};
