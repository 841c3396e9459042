// 0014: imported imaging studies, series and instances, each instance's file kept by SHA-256
// in the data folder; a study belongs to a patient of the station (and to an act, when imported
// during one), with the demographics the modality wrote kept as they were, for the record.
import type { Migration } from '../migrate';

export const migration0014: Migration = {
  version: 14,
  name: '0014-imaging',
  up(db) {
    db.exec(`
      CREATE TABLE dicom_studies (
        study_uid TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients (id),
        encounter_id TEXT REFERENCES encounters (id),
        dicom_patient_name TEXT,
        dicom_patient_id TEXT,
        dicom_birth_date TEXT,
        dicom_sex TEXT,
        study_date TEXT,
        description TEXT,
        accession_number TEXT,
        mismatch_accepted_by TEXT,
        imported_at TEXT NOT NULL
      );
      CREATE INDEX dicom_studies_patient ON dicom_studies (patient_id);
      CREATE TABLE dicom_series (
        series_uid TEXT PRIMARY KEY,
        study_uid TEXT NOT NULL REFERENCES dicom_studies (study_uid),
        modality TEXT,
        number INTEGER,
        description TEXT
      );
      CREATE INDEX dicom_series_study ON dicom_series (study_uid);
      CREATE TABLE dicom_instances (
        sop_instance_uid TEXT PRIMARY KEY,
        series_uid TEXT NOT NULL REFERENCES dicom_series (series_uid),
        sop_class_uid TEXT NOT NULL,
        instance_number INTEGER,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        transfer_syntax TEXT NOT NULL,
        rows INTEGER,
        columns INTEGER,
        frames INTEGER
      );
      CREATE INDEX dicom_instances_series ON dicom_instances (series_uid, instance_number);
    `);
  },
};
