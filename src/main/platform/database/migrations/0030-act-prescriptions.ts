// 0030: the prescriptions an act received from its expert, signed on her station (issue 21, point
// 5): the signed prescription whole (as she signed it: its lines, the patient's traits she saw, her
// identity), from whom (her hub identity), by which way (over the call or through the hub), its
// SHA-256, and the version it corrects. One row per prescription id: one delivered twice is one.
import type { Migration } from '../migrate';

export const migration0030: Migration = {
  version: 30,
  name: '0030-act-prescriptions',
  up(db) {
    db.exec(`
      CREATE TABLE act_prescriptions (
        id TEXT PRIMARY KEY,
        encounter_id TEXT NOT NULL REFERENCES encounters(id),
        sender TEXT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('call', 'hub')),
        call_id TEXT,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        signed_json TEXT NOT NULL CHECK (json_valid(signed_json)),
        replaces TEXT REFERENCES act_prescriptions(id),
        received_at TEXT NOT NULL
      );
      CREATE INDEX act_prescriptions_by_act ON act_prescriptions (encounter_id, received_at);
    `);
  },
};
