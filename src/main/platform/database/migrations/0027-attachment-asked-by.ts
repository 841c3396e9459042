// 0027: a photo the expert of a call asked for (issue 21, point 3) says who asked: her name as the
// hub named her, copied from the call journal by the station (never a name the page sends).
// NULL for every file taken at the station by its own user, and for every file kept before.
import type { Migration } from '../migrate';

export const migration0027: Migration = {
  version: 27,
  name: '0027-attachment-asked-by',
  up(db) {
    db.exec(
      `ALTER TABLE attachments ADD COLUMN asked_by TEXT CHECK (asked_by IS NULL OR length(asked_by) BETWEEN 1 AND 200);`,
    );
  },
};
