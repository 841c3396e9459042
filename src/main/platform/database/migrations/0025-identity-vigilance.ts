// 0025: identity vigilance (issue 18). Each identity keeps the INS typed or read from a card apart,
// "to be checked"; the identity document checked (VALI, QUAL); how INSi gave its INS; and an
// append-only history of every change. The statuses stored before could be reached by typing an
// INS, which proves nothing (RNIV volet 1: RECUP and QUAL follow an INSi answer only): every
// RECUP or QUAL identity is lowered here, QUAL to VALI (its document had been checked), RECUP to
// PROV, its INS kept as "to be checked", the reason in its history, and a new version queued for
// the region, which otherwise would keep that INS as the patient's.
import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

interface OldRow {
  id: string;
  version: number;
  identity_status: 'RECUP' | 'QUAL';
  ins_matricule: string;
  ins_oid: string;
  [column: string]: unknown;
}

// The patient as earlier versions kept it in patient_revisions (the Patient of that time).
function earlierPatientJson(row: OldRow): string {
  return JSON.stringify({
    id: row.id,
    version: row.version,
    birthName: row.birth_name,
    firstName: row.first_name,
    birthFirstNames: row.birth_first_names,
    birthDate: row.birth_date,
    sex: row.sex,
    birthplaceCode: row.birthplace_code,
    usedName: row.used_name,
    usedFirstName: row.used_first_name,
    identityStatus: row.identity_status,
    ins: { matricule: row.ins_matricule, oid: row.ins_oid },
    residenceCode: row.residence_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function lowerTypedStatuses(db: Database.Database, at: string): void {
  const rows = db
    .prepare("SELECT * FROM patients WHERE identity_status IN ('RECUP', 'QUAL') AND ins_matricule IS NOT NULL")
    .all() as OldRow[];
  const revision = db.prepare(
    'INSERT INTO patient_revisions (patient_id, version, identity_json, replaced_at) VALUES (?, ?, ?, ?)',
  );
  const lower = db.prepare(`UPDATE patients SET version = ?, identity_status = ?, ins_matricule = NULL, ins_oid = NULL,
    typed_ins_matricule = ?, typed_ins_oid = ?, updated_at = ? WHERE id = ? AND version = ?`);
  const history = db.prepare(`INSERT INTO identity_history (patient_id, version, at, by, operation, changes_json)
    VALUES (?, ?, ?, 'Relais', 'lowered_without_insi', ?)`);
  const outbox = db.prepare(`INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at)
    VALUES ('patient', ?, ?, 'update', ?)`);
  for (const row of rows) {
    const status = row.identity_status === 'QUAL' ? 'VALI' : 'PROV';
    const ins = `${row.ins_matricule} (${row.ins_oid})`;
    const changes = [
      { field: 'identityStatus', from: row.identity_status, to: status },
      { field: 'ins', from: ins, to: null },
      { field: 'typedIns', from: null, to: ins },
    ];
    revision.run(row.id, row.version, earlierPatientJson(row), at);
    lower.run(row.version + 1, status, row.ins_matricule, row.ins_oid, at, row.id, row.version);
    history.run(row.id, row.version + 1, at, JSON.stringify(changes));
    outbox.run(row.id, row.version + 1, at);
  }
}

export const migration0025: Migration = {
  version: 25,
  name: '0025-identity-vigilance',
  up(db) {
    db.exec(`
      ALTER TABLE patients ADD COLUMN typed_ins_matricule TEXT;
      ALTER TABLE patients ADD COLUMN typed_ins_oid TEXT;
      -- {type, parentDocument, checkedBy, checkedOn}: the document checked for VALI and QUAL.
      ALTER TABLE patients ADD COLUMN identity_document_json TEXT;
      -- {operation, at, by}: how INSi gave the INS (null while there is none).
      ALTER TABLE patients ADD COLUMN ins_retrieval_json TEXT;
      CREATE INDEX patients_typed_ins ON patients (typed_ins_matricule) WHERE typed_ins_matricule IS NOT NULL;

      CREATE TABLE identity_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        by TEXT NOT NULL,
        operation TEXT NOT NULL CHECK (operation IN ('created', 'edited', 'insi_search_traits', 'insi_search_card', 'insi_verify',
          'insi_verified', 'region', 'lowered_without_insi')),
        -- [{field, from, to}]
        changes_json TEXT NOT NULL
      );
      CREATE INDEX identity_history_patient ON identity_history (patient_id, id);
      -- Every change is kept: the history is never rewritten.
      CREATE TRIGGER identity_history_no_update BEFORE UPDATE ON identity_history
        BEGIN SELECT RAISE(ABORT, 'identity history is append-only'); END;
      CREATE TRIGGER identity_history_no_delete BEFORE DELETE ON identity_history
        BEGIN SELECT RAISE(ABORT, 'identity history is append-only'); END;
    `);
    lowerTypedStatuses(db, new Date().toISOString());
  },
};
