// 0023: records sent again because the regional server no longer holds them (reconciliation,
// src/main/sync/reconciler.ts). Their outbox rows carry their place in the dependency order
// (0 patients, 1 téléexpertise requests, 2 acts, 3 what points at an act, 4 audit rows) and go
// before every other row, in that order: a restored region gets a patient before its act, an act
// before its measurements and files, and a station's audit rows from the first one it lacks.
import type { Migration } from '../migrate';

export const migration0023: Migration = {
  version: 23,
  name: '0023-outbox-resend',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN resend INTEGER CHECK (resend BETWEEN 0 AND 9);
      CREATE INDEX outbox_resend ON outbox (resend) WHERE resend IS NOT NULL;
    `);
  },
};
