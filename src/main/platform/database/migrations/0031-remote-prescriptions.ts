// 0031: on the expert's station, the prescriptions she signs for the acts of other stations (issue
// 21, point 5): each version as signed (its SHA-256 computed here, at signing) and whether the
// requesting station has it: delivered over the call, through the hub, or refused there with its
// reason. A signed version is never changed; a correction is a new row naming the one it replaces.
// Encrypted with the database.
import type { Migration } from '../migrate';

export const migration0031: Migration = {
  version: 31,
  name: '0031-remote-prescriptions',
  up(db) {
    db.exec(`
      CREATE TABLE remote_prescriptions (
        id TEXT PRIMARY KEY,
        peer_id TEXT NOT NULL,
        act_id TEXT NOT NULL,
        -- The SignedPrescription as signed (src/shared/acts/prescription.ts).
        signed_json TEXT NOT NULL CHECK (json_valid(signed_json)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        signed_at TEXT NOT NULL,
        replaces TEXT REFERENCES remote_prescriptions (id),
        delivered_at TEXT,
        delivered_via TEXT CHECK (delivered_via IN ('call', 'hub')),
        refused_reason TEXT,
        FOREIGN KEY (peer_id, act_id) REFERENCES remote_acts (peer_id, act_id)
      );
      CREATE INDEX remote_prescriptions_act ON remote_prescriptions (peer_id, act_id, signed_at);
    `);
  },
};
