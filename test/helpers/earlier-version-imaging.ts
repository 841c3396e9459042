// Writes a station's data folder as the version before issue 17 (schema 21) left it after an
// import: a patient (findable by name), and imaging studies of chosen files, each file sealed
// into the store with its instance row, committed one by one; only the studies whose import
// reached its end got their outbox row. Used to check how the station takes such a folder over.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unlockDatabase } from '../../src/main/platform/database/connection';
import { migrate } from '../../src/main/platform/database/migrate';
import { MIGRATIONS } from '../../src/main/platform/database/migrations';
import { readDicom } from '../../src/main/imaging/dicom-file';
import { DATABASE_FILE, loadDataKeys } from '../../src/main/platform/security/data-key';
import { createFileSealer } from '../../src/main/platform/security/sealed-file';
import { createAttachmentStore } from '../../src/main/platform/files/attachment-store';

/** The patient the imaging crash tests import for (KERMARREC^ANNA in the DICOM files). */
export const EARLIER_PATIENT_ID = '7d1c2a64-52a7-4f1e-9a57-8c6f3b1e0d21';

/**
 * Writes, as the version before this fix did (schema 21), a patient and imaging studies made of
 * `files`, each file sealed into the store with its instance row; `announced` studies got their
 * outbox row. Returns the patient's id.
 */
export function writeEarlierVersionRecords(
  dataDir: string,
  studies: { files: string[]; announced: boolean }[],
): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keys = loadDataKeys({ dataDir });
  const db = unlockDatabase(new Database(path.join(dataDir, DATABASE_FILE)), keys.database);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 21));
  const store = createAttachmentStore(path.join(dataDir, 'attachments'), createFileSealer(keys.files));
  const patientId = EARLIER_PATIENT_ID;
  const at = '2026-11-23T10:00:00.000Z';
  db.prepare(
    `INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex, birthplace_code,
    identity_status, birth_name_key, first_name_key, created_at, updated_at)
    VALUES (?, 1, 'KERMARREC', 'ANNA', 'ANNA', '1951-03-14', 'F', '29019', 'PROV', 'KERMARREC', 'ANNA', ?, ?)`,
  ).run(patientId, at, at);
  for (const token of ['KERMARREC', 'ANNA'])
    db.prepare('INSERT INTO patient_name_tokens (token, patient_id) VALUES (?, ?)').run(token, patientId);
  for (const { files, announced } of studies) {
    let studyUid = '';
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      const read = readDicom(new Uint8Array(bytes));
      if (!read.ok) throw new Error(read.detail);
      const i = read.instance;
      studyUid = i.studyInstanceUid;
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      store.put(sha256, bytes);
      db.prepare(
        `INSERT OR IGNORE INTO dicom_studies (study_uid, patient_id, dicom_patient_name, study_date, description, imported_at)
        VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(i.studyInstanceUid, patientId, i.patient.name, i.study.date, i.study.description, at);
      db.prepare(
        'INSERT OR IGNORE INTO dicom_series (series_uid, study_uid, modality, number) VALUES (?, ?, ?, ?)',
      ).run(i.seriesInstanceUid, i.studyInstanceUid, i.modality, i.series.number);
      db.prepare(
        `INSERT INTO dicom_instances (sop_instance_uid, series_uid, sop_class_uid, instance_number, sha256, size, transfer_syntax,
        rows, columns, frames, slice_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        i.sopInstanceUid,
        i.seriesInstanceUid,
        i.sopClassUid,
        i.instanceNumber,
        sha256,
        bytes.length,
        i.transferSyntax.uid,
        i.image?.rows ?? null,
        i.image?.columns ?? null,
        i.image?.frames ?? null,
        i.image?.slicePosition ?? null,
      );
    }
    if (announced) {
      db.prepare(
        "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES ('imaging_study', ?, ?, 'create', ?)",
      ).run(studyUid, files.length, at);
    }
  }
  db.close();
  return patientId;
}
