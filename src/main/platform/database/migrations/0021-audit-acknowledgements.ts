// 0021: the region's acknowledgements of the audit trail. When the regional server takes an audit
// row (the AuditEvent it stored, answered with the row's chain hash), the station keeps that
// (seq, hash) here, apart from the row itself: a row later edited, re-hashed or deleted on this
// station no longer matches what the region acknowledged, and audit.verify says so.
import type { Migration } from '../migrate';

export const migration0021: Migration = {
  version: 21,
  name: '0021-audit-acknowledgements',
  up(db) {
    db.exec(`
      CREATE TABLE audit_acknowledgements (
        -- No foreign key to audit_events: an acknowledgement outlives a deleted row, to tell of it.
        seq INTEGER PRIMARY KEY CHECK (seq > 0),
        hash TEXT NOT NULL CHECK (length(hash) = 64),
        acknowledged_at TEXT NOT NULL
      );
      -- SECURITY: append-only, like the trail itself. These stop the station's own code and a careless
      -- hand; an attacker holding the file can drop them and delete the table's rows, which is why the
      -- region also keeps its own copy of the last row it acknowledged (GET /audit/head at the hub).
      CREATE TRIGGER audit_acknowledgements_no_update BEFORE UPDATE ON audit_acknowledgements
        BEGIN SELECT RAISE(ABORT, 'the audit acknowledgements are append-only'); END;
      CREATE TRIGGER audit_acknowledgements_no_delete BEFORE DELETE ON audit_acknowledgements
        BEGIN SELECT RAISE(ABORT, 'the audit acknowledgements are append-only'); END;
    `);
  },
};
