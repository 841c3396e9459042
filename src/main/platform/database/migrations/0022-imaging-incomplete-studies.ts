// 0022: an imaging study can be marked incomplete: not all of its instances are on the station.
// Imports are now whole or nothing (one transaction per study, with its outbox row), but an
// earlier version committed each file on its own and told the region only at the end, so a stop
// midway left a study partly there and never announced. Such a study is recognised by that:
// neither an outbox row, a push nor an open conflict carries its current number of instances
// (its version for the sync). Marked, it is shown as incomplete and finished by the next import.
import type { Migration } from '../migrate';

export const migration0022: Migration = {
  version: 22,
  name: '0022-imaging-incomplete-studies',
  up(db) {
    db.exec(`
      ALTER TABLE dicom_studies ADD COLUMN incomplete INTEGER NOT NULL DEFAULT 0 CHECK (incomplete IN (0, 1));
      WITH counted AS (
        SELECT st.study_uid,
          (SELECT count(*) FROM dicom_instances i JOIN dicom_series s ON s.series_uid = i.series_uid WHERE s.study_uid = st.study_uid) AS n
        FROM dicom_studies st
      )
      UPDATE dicom_studies SET incomplete = 1 WHERE study_uid IN (
        SELECT c.study_uid FROM counted c
        WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'imaging_study' AND o.entity_id = c.study_uid AND o.entity_version = c.n)
          AND NOT EXISTS (SELECT 1 FROM sync_resources r
            WHERE r.entity = 'imaging_study' AND r.entity_id = c.study_uid AND r.pushed_version = c.n)
          AND NOT EXISTS (SELECT 1 FROM sync_conflicts k
            WHERE k.entity = 'imaging_study' AND k.entity_id = c.study_uid AND k.resolved_at IS NULL)
      );
    `);
  },
};
