// Reads and writes patients in SQLite, each write with its entry in the identity's history.
// Callers own transactions; this file only maps rows.
import type { Patient } from '../../shared/patients/patient';
import { identityChanges } from '../../shared/patients/identity-changes';
import type { HistoryOperation, IdentityHistoryEntry } from '../../shared/patients/insi';
import { searchKey } from '../../shared/names';
import type { Db } from '../platform/database/connection';
import { nameTokens, prefixEnd } from '../platform/database/name-tokens';

export interface PatientQuery {
  nameTokens: string[]; // searchKey()-normalised; each must prefix one of the names
  birthDate?: string;
  insPrefix?: string;
  limit: number;
}

/** Why a version was written, and by whom, for the identity's history. */
export interface IdentityChangeCause {
  operation: HistoryOperation;
  by: string;
}

export interface PatientRepository {
  insert(patient: Patient, cause: IdentityChangeCause): void;
  replace(patient: Patient, previous: Patient, replacedAt: string, cause: IdentityChangeCause): void;
  /** A step that changed nothing (INSi verified the traits), kept in the history at the current version. */
  noteUnchanged(patient: Patient, at: string, cause: IdentityChangeCause): void;
  history(id: string): IdentityHistoryEntry[];
  get(id: string): Patient | null;
  findByIns(matricule: string, oid: string): Patient | null;
  search(query: PatientQuery): Patient[];
  // Everyone who could be the same person as a new identity, for the duplicate check to sift:
  // same birth year, same day and month, or the same family name as birth or used name.
  /**
   * The patients born on one of these dates (datesWithinOneTypo) whose sex may be this one's (the
   * same, or either indeterminate: isPossibleDuplicate's rule), for the duplicate check.
   */
  duplicatePool(birthDates: readonly string[], sex: Patient['sex']): Patient[];
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
  typed_ins_matricule: string | null;
  typed_ins_oid: string | null;
  identity_document_json: string | null;
  ins_retrieval_json: string | null;
  residence_code: string | null;
  created_at: string;
  updated_at: string;
}

type InsOid = NonNullable<Patient['ins']>['oid'];
const insOf = (matricule: string | null, oid: string | null) =>
  matricule && oid ? { matricule, oid: oid as InsOid } : null;

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
    ins: insOf(row.ins_matricule, row.ins_oid),
    insRetrieval: row.ins_retrieval_json ? (JSON.parse(row.ins_retrieval_json) as Patient['insRetrieval']) : null,
    typedIns: insOf(row.typed_ins_matricule, row.typed_ins_oid),
    identityDocument: row.identity_document_json
      ? (JSON.parse(row.identity_document_json) as Patient['identityDocument'])
      : null,
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
    typed_ins_matricule: p.typedIns?.matricule ?? null,
    typed_ins_oid: p.typedIns?.oid ?? null,
    identity_document_json: p.identityDocument ? JSON.stringify(p.identityDocument) : null,
    ins_retrieval_json: p.insRetrieval ? JSON.stringify(p.insRetrieval) : null,
    residence_code: p.residenceCode,
    birth_name_key: searchKey(p.birthName),
    used_name_key: p.usedName ? searchKey(p.usedName) : null,
    // One key per first name, space-separated, so that any of them can be searched.
    first_name_key: [
      ...new Set(
        [p.firstName, p.birthFirstNames, p.usedFirstName ?? ''].join(' ').split(' ').map(searchKey).filter(Boolean),
      ),
    ].join(' '),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
  };
}

// LIKE patterns are built from searchKey() output (A-Z only), so there is nothing to escape.
export function createPatientRepository(db: Db): PatientRepository {
  const insertStmt = db.prepare(`
    INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex, birthplace_code,
      used_name, used_first_name, identity_status, ins_matricule, ins_oid, typed_ins_matricule, typed_ins_oid, identity_document_json,
      ins_retrieval_json, residence_code, birth_name_key, used_name_key, first_name_key, created_at, updated_at)
    VALUES (@id, @version, @birth_name, @first_name, @birth_first_names, @birth_date, @sex, @birthplace_code,
      @used_name, @used_first_name, @identity_status, @ins_matricule, @ins_oid, @typed_ins_matricule, @typed_ins_oid, @identity_document_json,
      @ins_retrieval_json, @residence_code, @birth_name_key, @used_name_key, @first_name_key, @created_at, @updated_at)`);
  const updateStmt = db.prepare(`
    UPDATE patients SET version = @version, birth_name = @birth_name, first_name = @first_name,
      birth_first_names = @birth_first_names, birth_date = @birth_date, sex = @sex, birthplace_code = @birthplace_code,
      used_name = @used_name, used_first_name = @used_first_name, identity_status = @identity_status,
      ins_matricule = @ins_matricule, ins_oid = @ins_oid, typed_ins_matricule = @typed_ins_matricule, typed_ins_oid = @typed_ins_oid,
      identity_document_json = @identity_document_json, ins_retrieval_json = @ins_retrieval_json, residence_code = @residence_code, birth_name_key = @birth_name_key,
      used_name_key = @used_name_key, first_name_key = @first_name_key, updated_at = @updated_at
    WHERE id = @id AND version = @previous_version`);
  const revisionStmt = db.prepare(
    'INSERT INTO patient_revisions (patient_id, version, identity_json, replaced_at) VALUES (?, ?, ?, ?)',
  );
  const historyStmt = db.prepare(
    'INSERT INTO identity_history (patient_id, version, at, by, operation, changes_json) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const historyOf = db.prepare<
    [string],
    { version: number; at: string; by: string; operation: HistoryOperation; changes_json: string }
  >('SELECT version, at, by, operation, changes_json FROM identity_history WHERE patient_id = ? ORDER BY id DESC');
  const getStmt = db.prepare<[string], PatientRow>('SELECT * FROM patients WHERE id = ?');
  const byInsStmt = db.prepare<[string, string], PatientRow>(
    'SELECT * FROM patients WHERE ins_matricule = ? AND ins_oid = ?',
  );
  // An index lookup of each date (patients_birth_date), with no limit: a pool cut at a size
  // would let a duplicate through in a large registry.
  const poolStmt = db.prepare<{ dates: string; sex: string }, PatientRow>(`
    SELECT * FROM patients WHERE birth_date IN (SELECT value FROM json_each(@dates))
      AND (@sex = 'I' OR sex = @sex OR sex = 'I')`);
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM patients');
  const deleteTokensStmt = db.prepare('DELETE FROM patient_name_tokens WHERE patient_id = ?');
  const insertTokenStmt = db.prepare('INSERT OR IGNORE INTO patient_name_tokens (token, patient_id) VALUES (?, ?)');
  const writeTokens = (p: Patient) => {
    deleteTokensStmt.run(p.id);
    for (const token of nameTokens(p)) insertTokenStmt.run(token, p.id);
  };

  return {
    insert(patient, cause) {
      insertStmt.run(toParams(patient));
      writeTokens(patient);
      historyStmt.run(
        patient.id,
        patient.version,
        patient.createdAt,
        cause.by,
        cause.operation,
        JSON.stringify(identityChanges(null, patient)),
      );
    },
    replace(patient, previous, replacedAt, cause) {
      revisionStmt.run(previous.id, previous.version, JSON.stringify(previous), replacedAt);
      const changes = updateStmt.run({ ...toParams(patient), previous_version: previous.version }).changes;
      if (changes !== 1) throw new Error(`Patient ${patient.id} changed underneath (version ${previous.version})`);
      writeTokens(patient);
      historyStmt.run(
        patient.id,
        patient.version,
        replacedAt,
        cause.by,
        cause.operation,
        JSON.stringify(identityChanges(previous, patient)),
      );
    },
    noteUnchanged(patient, at, cause) {
      historyStmt.run(patient.id, patient.version, at, cause.by, cause.operation, '[]');
    },
    history(id) {
      return historyOf.all(id).map(({ changes_json, ...entry }) => ({
        ...entry,
        changes: JSON.parse(changes_json) as IdentityHistoryEntry['changes'],
      }));
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
      // The INS from INSi, or a number typed "to be checked" (a card's): either finds the record.
      if (insPrefix) {
        where.push('(substr(ins_matricule, 1, ?) = ? OR substr(typed_ins_matricule, 1, ?) = ?)');
        params.push(String(insPrefix.length), insPrefix, String(insPrefix.length), insPrefix);
      }
      const sql = `SELECT * FROM patients ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY ${where.length ? 'birth_name_key, first_name_key, birth_date' : 'updated_at DESC'} LIMIT ${Number(limit)}`;
      return db
        .prepare<string[], PatientRow>(sql)
        .all(...params)
        .map(fromRow);
    },
    duplicatePool(birthDates, sex) {
      return poolStmt.all({ dates: JSON.stringify(birthDates), sex }).map(fromRow);
    },
    count() {
      return countStmt.get()?.n ?? 0;
    },
  };
}
