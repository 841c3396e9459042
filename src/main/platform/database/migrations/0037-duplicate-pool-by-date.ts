// 0037: the duplicate check reads the patients born on the exact dates a typo could have made
// (datesWithinOneTypo, through patients_birth_date), no longer every patient born the same year or
// on the same day and month. The two indexes 0003 made for that pool serve no query now, and every
// patient written paid for them.
import type { Migration } from '../migrate';

export const migration0037: Migration = {
  version: 37,
  name: '0037-duplicate-pool-by-date',
  up(db) {
    db.exec(`
      DROP INDEX IF EXISTS patients_birth_year;
      DROP INDEX IF EXISTS patients_birth_month_day;
    `);
  },
};
