// 0026: the reports an act received from its expert, signed on her station (issue 21, point 4):
// from whom (her hub identity), by which way (over the call or through the hub), the report's
// SHA-256 as she signed it (printed on the PDF), her sections and the reason of a correction.
// One row per report id: a report delivered twice (over the call, then through the hub) is one.
import type { Migration } from '../migrate';

export const migration0026: Migration = {
  version: 26,
  name: '0026-report-receipts',
  up(db) {
    db.exec(`
      CREATE TABLE report_receipts (
        report_id TEXT PRIMARY KEY REFERENCES encounter_reports(id),
        encounter_id TEXT NOT NULL REFERENCES encounters(id),
        sender TEXT NOT NULL,
        via TEXT NOT NULL CHECK (via IN ('call', 'hub')),
        call_id TEXT,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        sections TEXT NOT NULL CHECK (json_valid(sections)),
        correction_reason TEXT,
        received_at TEXT NOT NULL
      );
    `);
  },
};
