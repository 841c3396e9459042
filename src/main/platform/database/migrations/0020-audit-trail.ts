// 0020: the audit trail. One row per read or write of a patient's record, call, remote-control
// grant and export: who, what, when, from where and how it ended. Rows are only ever appended:
// each carries the SHA-256 of the one before it (prev_hash) and its own (hash, over prev_hash and
// the row's canonical form, see src/main/audit/audit-chain.ts), so that an edited or deleted row
// breaks the chain. The first row's prev_hash is the genesis value, 64 zeros.
import type { Migration } from '../migrate';

export const migration0020: Migration = {
  version: 20,
  name: '0020-audit-trail',
  up(db) {
    db.exec(`
      CREATE TABLE audit_events (
        -- Given by the station (last + 1), not AUTOINCREMENT, so that a missing number is a gap.
        seq INTEGER PRIMARY KEY CHECK (seq > 0),
        -- The FHIR AuditEvent id at the region: sent again, it overwrites itself.
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        station TEXT NOT NULL,
        who TEXT NOT NULL,
        person TEXT,
        action TEXT NOT NULL CHECK (action IN ('read', 'create', 'update', 'delete', 'execute', 'export', 'call', 'grant')),
        event TEXT NOT NULL,
        entity_type TEXT,
        entity_id TEXT,
        -- JSON array of patient ids: a list read names every patient shown.
        patient_ids TEXT NOT NULL DEFAULT '[]',
        outcome TEXT NOT NULL,
        detail TEXT,
        origin TEXT NOT NULL,
        prev_hash TEXT NOT NULL CHECK (length(prev_hash) = 64),
        hash TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
      );
      -- SECURITY: append-only. These stop the station's own code and a careless hand; an attacker
      -- holding the file can drop them, which is what the hash chain is for.
      CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    `);
  },
};
