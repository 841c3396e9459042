// 0029: on the expert's station, the reports she writes for the acts of other stations (issue 21,
// point 4): the draft of each act as she left it, and each version she signed, with its SHA-256
// (computed here, at signing) and whether the requesting station has it: delivered over the call,
// through the hub, or refused there with its reason. A signed version is never changed; a
// correction is a new row naming the one it replaces. Encrypted with the database. Each remote act
// also keeps when its first context came: her worklist says how long each act has waited.
import type { Migration } from '../migrate';

export const migration0029: Migration = {
  version: 29,
  name: '0029-remote-reports',
  up(db) {
    db.exec(`
      CREATE TABLE remote_report_drafts (
        peer_id TEXT NOT NULL,
        act_id TEXT NOT NULL,
        template TEXT NOT NULL,
        sections_json TEXT NOT NULL CHECK (json_valid(sections_json)),
        -- The version the draft corrects, with its reason; null for a first report.
        replaces TEXT,
        correction_reason TEXT,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (peer_id, act_id),
        FOREIGN KEY (peer_id, act_id) REFERENCES remote_acts (peer_id, act_id)
      );
      CREATE TABLE remote_reports (
        id TEXT PRIMARY KEY,
        peer_id TEXT NOT NULL,
        act_id TEXT NOT NULL,
        -- The SignedExpertReport as signed (src/shared/acts/expert-report.ts).
        signed_json TEXT NOT NULL CHECK (json_valid(signed_json)),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        signed_at TEXT NOT NULL,
        replaces TEXT REFERENCES remote_reports (id),
        delivered_at TEXT,
        delivered_via TEXT CHECK (delivered_via IN ('call', 'hub')),
        -- The requesting station refused it: its reason, in its words.
        refused_reason TEXT,
        FOREIGN KEY (peer_id, act_id) REFERENCES remote_acts (peer_id, act_id)
      );
      CREATE INDEX remote_reports_act ON remote_reports (peer_id, act_id, signed_at);
      CREATE INDEX remote_reports_undelivered ON remote_reports (delivered_at) WHERE delivered_at IS NULL;
      ALTER TABLE remote_acts ADD COLUMN first_received_at TEXT;
      UPDATE remote_acts SET first_received_at = received_at;
    `);
  },
};
