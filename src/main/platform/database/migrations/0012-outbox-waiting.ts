// 0012: outbox rows that wait for something a person must do first (a call's files and chat wait
// for the call to be linked to an act) are marked so, and are not counted as "waiting for sync":
// they are shown apart. The call journal itself never goes to the region (its content does,
// through the act): the 'call' rows written until now had no reader and are removed.
import type { Migration } from '../migrate';

export const migration0012: Migration = {
  version: 12,
  name: '0012-outbox-waiting',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN waiting_for TEXT CHECK (waiting_for IN ('act'));
      DELETE FROM outbox WHERE entity = 'call';
    `);
  },
};
