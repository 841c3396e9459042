// Reads and writes imported imaging studies, series and instances. Callers own transactions.
import type { Db } from '../platform/database/connection';

export interface StudyRow {
  study_uid: string;
  patient_id: string;
  encounter_id: string | null;
  dicom_patient_name: string | null;
  dicom_patient_id: string | null;
  dicom_birth_date: string | null;
  dicom_sex: string | null;
  study_date: string | null;
  description: string | null;
  accession_number: string | null;
  mismatch_accepted_by: string | null;
  imported_at: string;
  /** 1: not all its instances are here (an earlier version's import cut short); the next import completes it. */
  incomplete: 0 | 1;
}

export interface InstanceRow {
  sop_instance_uid: string;
  series_uid: string;
  sop_class_uid: string;
  instance_number: number | null;
  sha256: string;
  size: number;
  transfer_syntax: string;
  rows: number | null;
  columns: number | null;
  frames: number | null;
  slice_position: number | null;
}

export interface StudySummary extends StudyRow {
  /** `images`: the instances that hold pixels (reports, documents and other objects do not). */
  series: {
    series_uid: string;
    modality: string | null;
    number: number | null;
    description: string | null;
    instances: number;
    images: number;
  }[];
}

/** A study with its series and their instances, as the sync sends it. */
export interface StudyForSync extends StudyRow {
  series: {
    series_uid: string;
    modality: string | null;
    number: number | null;
    description: string | null;
    instances: Pick<InstanceRow, 'sop_instance_uid' | 'sop_class_uid' | 'instance_number'>[];
  }[];
}

export function createImagingRepository(db: Db) {
  const studyStmt = db.prepare<[string], StudyRow>('SELECT * FROM dicom_studies WHERE study_uid = ?');
  const insertStudyStmt =
    db.prepare(`INSERT OR IGNORE INTO dicom_studies (study_uid, patient_id, encounter_id, dicom_patient_name, dicom_patient_id, dicom_birth_date, dicom_sex, study_date, description, accession_number, mismatch_accepted_by, imported_at)
    VALUES (@study_uid, @patient_id, @encounter_id, @dicom_patient_name, @dicom_patient_id, @dicom_birth_date, @dicom_sex, @study_date, @description, @accession_number, @mismatch_accepted_by, @imported_at)`);
  const insertSeriesStmt = db.prepare(
    'INSERT OR IGNORE INTO dicom_series (series_uid, study_uid, modality, number, description) VALUES (?, ?, ?, ?, ?)',
  );
  const insertInstanceStmt =
    db.prepare(`INSERT OR IGNORE INTO dicom_instances (sop_instance_uid, series_uid, sop_class_uid, instance_number, sha256, size, transfer_syntax, rows, columns, frames, slice_position)
    VALUES (@sop_instance_uid, @series_uid, @sop_class_uid, @instance_number, @sha256, @size, @transfer_syntax, @rows, @columns, @frames, @slice_position)`);
  const studiesOfStmt = db.prepare<[string], StudyRow>(
    'SELECT * FROM dicom_studies WHERE patient_id = ? ORDER BY study_date DESC, imported_at DESC',
  );
  const seriesOfStmt = db.prepare<[string], StudySummary['series'][number]>(
    'SELECT s.series_uid, s.modality, s.number, s.description, count(i.sop_instance_uid) AS instances, count(i.rows) AS images FROM dicom_series s LEFT JOIN dicom_instances i ON i.series_uid = s.series_uid WHERE s.study_uid = ? GROUP BY s.series_uid ORDER BY s.number, s.series_uid',
  );
  const seriesStmt = db.prepare<
    [string],
    { series_uid: string; study_uid: string; patient_id: string; modality: string | null; description: string | null }
  >(
    'SELECT s.series_uid, s.study_uid, st.patient_id, s.modality, s.description FROM dicom_series s JOIN dicom_studies st ON st.study_uid = s.study_uid WHERE s.series_uid = ?',
  );
  // Space order first; images without a position after, by instance number.
  const seriesImagesStmt = db.prepare<[string], InstanceRow>(
    'SELECT * FROM dicom_instances WHERE series_uid = ? ORDER BY slice_position IS NULL, slice_position, instance_number, sop_instance_uid',
  );
  const instanceStmt = db.prepare<[string], InstanceRow>('SELECT * FROM dicom_instances WHERE sop_instance_uid = ?');
  const seriesRowsStmt = db.prepare<[string], Omit<StudyForSync['series'][number], 'instances'>>(
    'SELECT series_uid, modality, number, description FROM dicom_series WHERE study_uid = ? ORDER BY number, series_uid',
  );
  const syncInstancesStmt = db.prepare<[string], StudyForSync['series'][number]['instances'][number]>(
    'SELECT sop_instance_uid, sop_class_uid, instance_number FROM dicom_instances WHERE series_uid = ? ORDER BY instance_number, sop_instance_uid',
  );
  const instanceCountStmt = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM dicom_instances i JOIN dicom_series s ON s.series_uid = i.series_uid WHERE s.study_uid = ?',
  );
  const instanceExistsStmt = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM dicom_instances WHERE sop_instance_uid = ?',
  );
  const instanceUidsStmt = db.prepare<[string], { sop_instance_uid: string }>(
    'SELECT i.sop_instance_uid FROM dicom_instances i JOIN dicom_series s ON s.series_uid = i.series_uid WHERE s.study_uid = ?',
  );
  const markWholeStmt = db.prepare('UPDATE dicom_studies SET incomplete = 0 WHERE study_uid = ?');
  return {
    study: (uid: string) => studyStmt.get(uid) ?? null,
    /** A study not kept yet (whole: it is inserted with all its instances); nothing when it is. */
    insertStudy: (row: Omit<StudyRow, 'incomplete'>) => void insertStudyStmt.run(row),
    /** The study now holds every instance its import found. */
    markWhole: (uid: string) => void markWholeStmt.run(uid),
    insertSeries: (
      seriesUid: string,
      studyUid: string,
      modality: string | null,
      number: number | null,
      description: string | null,
    ) => void insertSeriesStmt.run(seriesUid, studyUid, modality, number, description),
    /** False when this instance was already kept (the same image imported twice). */
    insertInstance: (row: InstanceRow) => insertInstanceStmt.run(row).changes > 0,
    series: (uid: string) => seriesStmt.get(uid) ?? null,
    seriesImages: (uid: string) => seriesImagesStmt.all(uid),
    instance: (uid: string) => instanceStmt.get(uid) ?? null,
    studyForSync(uid: string): StudyForSync | null {
      const study = studyStmt.get(uid);
      return study
        ? {
            ...study,
            series: seriesRowsStmt.all(uid).map((s) => ({ ...s, instances: syncInstancesStmt.all(s.series_uid) })),
          }
        : null;
    },
    /** Instances kept of a study: its version for the sync (a study only grows). */
    instanceCount: (uid: string) => instanceCountStmt.get(uid)?.n ?? 0,
    hasInstance: (uid: string) => (instanceExistsStmt.get(uid)?.n ?? 0) > 0,
    /** The SOP Instance UIDs kept of a study. */
    instanceUidsOf: (studyUid: string) => new Set(instanceUidsStmt.all(studyUid).map((r) => r.sop_instance_uid)),
    studiesOf: (patientId: string): StudySummary[] =>
      studiesOfStmt.all(patientId).map((s) => ({ ...s, series: seriesOfStmt.all(s.study_uid) })),
  };
}
export type ImagingRepository = ReturnType<typeof createImagingRepository>;
