// 0026: a photo the expert of a call asked for (issue 21, point 3) says who asked: her name as the
// hub named her, copied from the call journal by the station (never a name the page sends).
// NULL for every file taken at the station by its own user, and for every file kept before.
import type { Migration } from '../migrate';

export const migration0026: Migration = {
  version: 26,
  name: '0026-attachment-asked-by',
  up(db) {
    db.exec(
      `ALTER TABLE attachments ADD COLUMN asked_by TEXT CHECK (asked_by IS NULL OR length(asked_by) BETWEEN 1 AND 200);`,
    );
  },
};
