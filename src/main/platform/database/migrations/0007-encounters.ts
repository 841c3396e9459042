// 0007: the clinical record of each act: the encounter (French act type, requester, expert,
// site, reason, status), the patient's consents and the vital signs measured. An encounter held
// during a call points to it, so that the call's chat, sounds and photos belong to the act.
import type { Migration } from '../migrate';

export const migration0007: Migration = {
  version: 7,
  name: '0007-encounters',
  up(db) {
    db.exec(`
      CREATE TABLE encounters (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version > 0),
        patient_id TEXT NOT NULL REFERENCES patients (id),
        act TEXT NOT NULL CHECK (act IN ('teleconsultation', 'teleexpertise', 'telesurveillance', 'teleassistance')),
        assisted INTEGER NOT NULL CHECK (assisted IN (0, 1)),
        requester TEXT NOT NULL,
        expert TEXT,
        site TEXT NOT NULL,
        specialty TEXT,
        reason TEXT NOT NULL,
        call_id TEXT REFERENCES calls (id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'in_progress', 'awaiting_report', 'closed')),
        started_at TEXT,
        ended_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX encounters_patient ON encounters (patient_id, created_at);
      CREATE INDEX encounters_call ON encounters (call_id);

      CREATE TABLE encounter_consents (
        id TEXT PRIMARY KEY,
        encounter_id TEXT NOT NULL REFERENCES encounters (id),
        scope TEXT NOT NULL CHECK (scope IN ('act', 'recording', 'image_sharing')),
        decision TEXT NOT NULL CHECK (decision IN ('given', 'refused')),
        collected_by TEXT NOT NULL,
        collected_at TEXT NOT NULL
      );
      CREATE INDEX encounter_consents_encounter ON encounter_consents (encounter_id, collected_at);

      CREATE TABLE encounter_observations (
        id TEXT PRIMARY KEY,
        encounter_id TEXT NOT NULL REFERENCES encounters (id),
        code TEXT NOT NULL,
        vital TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('device', 'manual')),
        device TEXT,
        taken_by TEXT NOT NULL
      );
      CREATE INDEX encounter_observations_encounter ON encounter_observations (encounter_id, taken_at);
    `);
  },
};
