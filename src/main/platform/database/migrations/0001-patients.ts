// 0001: the patient registry, with normalised search keys and one INS per person.
import type { Migration } from '../migrate';

export const migration0001: Migration = {
  version: 1,
  name: '0001-patients',
  up(db) {
    db.exec(`
      CREATE TABLE patients (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL CHECK (version > 0),
        birth_name TEXT NOT NULL,
        first_name TEXT NOT NULL,
        birth_first_names TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('M', 'F', 'I')),
        birthplace_code TEXT NOT NULL,
        used_name TEXT,
        used_first_name TEXT,
        identity_status TEXT NOT NULL CHECK (identity_status IN ('PROV', 'VALI', 'RECUP', 'QUAL')),
        ins_matricule TEXT,
        ins_oid TEXT,
        -- searchKey() of the birth name, used name and first names: capitals, letters only
        birth_name_key TEXT NOT NULL,
        used_name_key TEXT,
        first_name_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((ins_matricule IS NULL) = (ins_oid IS NULL))
      );
      CREATE UNIQUE INDEX patients_ins ON patients (ins_matricule, ins_oid) WHERE ins_matricule IS NOT NULL;
      CREATE INDEX patients_birth_name_key ON patients (birth_name_key);
      CREATE INDEX patients_used_name_key ON patients (used_name_key);
      CREATE INDEX patients_birth_date ON patients (birth_date);
      CREATE INDEX patients_updated_at ON patients (updated_at);

      -- Every earlier version of an identity, so that a change of traits can be traced.
      CREATE TABLE patient_revisions (
        patient_id TEXT NOT NULL REFERENCES patients (id),
        version INTEGER NOT NULL,
        identity_json TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        PRIMARY KEY (patient_id, version)
      );
    `);
  },
};
