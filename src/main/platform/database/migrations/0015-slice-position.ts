// 0015: each image's position along its series' axis (millimetres, from Image Position and
// Orientation, else Slice Location), so that a CT stack scrolls in space order even when the
// modality numbered its instances otherwise. Null for images imported before, and for those
// that carry no position: they are ordered by instance number.
import type { Migration } from '../migrate';

export const migration0015: Migration = {
  version: 15,
  name: '0015-slice-position',
  up(db) {
    db.exec('ALTER TABLE dicom_instances ADD COLUMN slice_position REAL');
  },
};
