// Reads and writes patients in SQLite. Callers own transactions; this file only maps rows.
import type { Patient } from '../../shared/patient';
import { searchKey } from '../../shared/names';
import type { Db } from './connection';
import { nameTokens, prefixEnd } from './name-tokens';

export interface PatientQuery {
  nameTokens: string[]; // searchKey()-normalised; each must prefix one of the names
  birthDate?: string;
  insPrefix?: string;
  limit: number;
}

export interface PatientRepository {
  insert(patient: Patient): void;
  replace(patient: Patient, previous: Patient, replacedAt: string): void;
  get(id: string): Patient | null;
  findByIns(matricule: string, oid: string): Patient | null;
  search(query: PatientQuery): Patient[];
  // Everyone who could be the same person as a new identity, for the duplicate check to sift:
  // same birth year, same day and month, or the same family name as birth or used name.
  duplicatePool(birthDate: string, nameKey: string): Patient[];
  count(): number;
}

interface PatientRow {
  id: string;
  version: number;
  birth_name: string;
  first_name: string;
  birth_first_names: string;
  birth_date: string;
  sex: Patient['sex'];
  birthplace_code: string;
  used_name: string | null;
  used_first_name: string | null;
  identity_status: Patient['identityStatus'];
  ins_matricule: string | null;
  ins_oid: string | null;
  residence_code: string | null;
  created_at: string;
  updated_at: string;
}

function fromRow(row: PatientRow): Patient {
  return {
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
    ins: row.ins_matricule && row.ins_oid ? { matricule: row.ins_matricule, oid: row.ins_oid as NonNullable<Patient['ins']>['oid'] } : null,
    residenceCode: row.residence_code,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toParams(p: Patient) {
  return {
    id: p.id,
    version: p.version,
    birth_name: p.birthName,
    first_name: p.firstName,
    birth_first_names: p.birthFirstNames,
    birth_date: p.birthDate,
    sex: p.sex,
    birthplace_code: p.birthplaceCode,
    used_name: p.usedName,
    used_first_name: p.usedFirstName,
    identity_status: p.identityStatus,
    ins_matricule: p.ins?.matricule ?? null,
    ins_oid: p.ins?.oid ?? null,
    residence_code: p.residenceCode,
    birth_name_key: searchKey(p.birthName),
    used_name_key: p.usedName ? searchKey(p.usedName) : null,
    // One key per first name, space-separated, so that any of them can be searched.
    first_name_key: [p.birthFirstNames, p.usedFirstName ?? ''].join(' ').split(' ').map(searchKey).filter(Boolean).join(' '),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

// LIKE patterns are built from searchKey() output (A-Z only), so there is nothing to escape.
export function createPatientRepository(db: Db): PatientRepository {
  const insertStmt = db.prepare(`
    INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex, birthplace_code,
      used_name, used_first_name, identity_status, ins_matricule, ins_oid, residence_code, birth_name_key, used_name_key,
      first_name_key, created_at, updated_at)
    VALUES (@id, @version, @birth_name, @first_name, @birth_first_names, @birth_date, @sex, @birthplace_code,
      @used_name, @used_first_name, @identity_status, @ins_matricule, @ins_oid, @residence_code, @birth_name_key, @used_name_key,
      @first_name_key, @created_at, @updated_at)`);
  const updateStmt = db.prepare(`
    UPDATE patients SET version = @version, birth_name = @birth_name, first_name = @first_name,
      birth_first_names = @birth_first_names, birth_date = @birth_date, sex = @sex, birthplace_code = @birthplace_code,
      used_name = @used_name, used_first_name = @used_first_name, identity_status = @identity_status,
      ins_matricule = @ins_matricule, ins_oid = @ins_oid, residence_code = @residence_code, birth_name_key = @birth_name_key,
      used_name_key = @used_name_key, first_name_key = @first_name_key, updated_at = @updated_at
    WHERE id = @id AND version = @previous_version`);
  const revisionStmt = db.prepare(
    'INSERT INTO patient_revisions (patient_id, version, identity_json, replaced_at) VALUES (?, ?, ?, ?)',
  );
  const getStmt = db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE id = ?');
  const byInsStmt = db.prepare<[string, string], PatientRow>('SELECT * FROM patients WHERE ins_matricule = ? AND ins_oid = ?');
  const poolStmt = db.prepare<{ year: string; monthDay: string; key: string }, PatientRow>(`
    SELECT * FROM patients
    WHERE substr(birth_date, 1, 4) = @year OR substr(birth_date, 6) = @monthDay
       OR birth_name_key = @key OR used_name_key = @key
    LIMIT 5000`);
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM patients');
  const deleteTokensStmt = db.prepare('DELETE FROM patient_name_tokens WHERE patient_id = ?');
  const insertTokenStmt = db.prepare('INSERT OR IGNORE INTO patient_name_tokens (token, patient_id) VALUES (?, ?)');
  const writeTokens = (p: Patient) => {
    deleteTokensStmt.run(p.id);
    for (const token of nameTokens(p)) insertTokenStmt.run(token, p.id);
  };

  return {
    insert(patient) {
      insertStmt.run(toParams(patient));
      writeTokens(patient);
    },
    replace(patient, previous, replacedAt) {
      revisionStmt.run(previous.id, previous.version, JSON.stringify(previous), replacedAt);
      const changes = updateStmt.run({ ...toParams(patient), previous_version: previous.version }).changes;
      if (changes !== 1) throw new Error(`Patient ${patient.id} changed underneath (version ${previous.version})`);
      writeTokens(patient);
    },
    get(id) {
      const row = getStmt.get(id);
      return row ? fromRow(row) : null;
    },
    findByIns(matricule, oid) {
      const row = byInsStmt.get(matricule, oid);
      return row ? fromRow(row) : null;
    },
    search({ nameTokens: queryTokens, birthDate, insPrefix, limit }) {
      const where: string[] = [];
      const params: string[] = [];
      // Each word typed must begin one of the patient's name tokens: an index range per word.
      for (const token of queryTokens) {
        where.push('id IN (SELECT patient_id FROM patient_name_tokens WHERE token >= ? AND token < ?)');
        params.push(token, prefixEnd(token));
      }
      if (birthDate) {
        where.push('birth_date = ?');
        params.push(birthDate);
      }
      if (insPrefix) {
        where.push('substr(ins_matricule, 1, ?) = ?');
        params.push(String(insPrefix.length), insPrefix);
      }
      const sql = `SELECT * FROM patients ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY ${where.length ? 'birth_name_key, first_name_key, birth_date' : 'updated_at DESC'} LIMIT ${Number(limit)}`;
      return db.prepare<string[], PatientRow>(sql).all(...params).map(fromRow);
    },
    duplicatePool(birthDate, nameKey) {
      const [year = '', month = '', day = ''] = birthDate.split('-');
      return poolStmt.all({ year, monthDay: `${month}-${day}`, key: nameKey }).map(fromRow);
    },
    count() {
      return countStmt.get()?.n ?? 0;
    },
  };
}
