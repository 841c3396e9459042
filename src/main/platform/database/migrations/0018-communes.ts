// 0018: where a remote act spared a journey from and to: the patient's commune of residence and
// the expert site's commune (INSEE codes), both optional and empty for records made before.
import type { Migration } from '../migrate';

export const migration0018: Migration = {
  version: 18,
  name: '0018-communes',
  up(db) {
    db.exec(`
      ALTER TABLE patients ADD COLUMN residence_code TEXT;
      ALTER TABLE encounters ADD COLUMN site_commune TEXT;
      CREATE INDEX encounters_started_at ON encounters (started_at);
    `);
  },
};
