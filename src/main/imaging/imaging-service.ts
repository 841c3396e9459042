// Brings imaging studies onto the station: a scan of a folder or drive shows what is there,
// grouped by study and series with the patient as the modality wrote it, and what the station
// already holds of each (whole, or incomplete); the import attaches the chosen studies to a
// patient (and an act), each file copied once by SHA-256 into the data folder. Each study goes in
// whole or not at all: its files are sealed first, then its rows and its outbox row in one
// transaction, so a stop midway leaves only files no row points to (removed at the next start).
// A study whose patient differs from the record's is attached only with a confirmation for that
// study, naming who compared them (imaging-identity.ts), and each such override is audited:
// identity errors in imaging are how a wrong patient gets treated.
import { randomUUID } from 'node:crypto';
import type { ImageFrame, ImagingProgress, ScanReport, ScannedStudy, SeriesImages } from '../../shared/imaging/imaging';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';
import type { EncounterRepository } from '../acts';
import type { ImagingRepository } from './imaging-repository';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { PatientRepository } from '../patients';
import { scanFolder, ScanFolderError, type ScannedFile } from './dicom-scan';
import { plainFiles, type FileSource } from './file-source';
import { keepFile, type KeepFile, type KeptFile } from './keep-file';
import type { AttachmentStore } from '../platform/files/attachment-store';
import { SealedFileError } from '../platform/security/sealed-file';
import { readFrame, type FrameResult } from './pixel-frame';
import { checkStudyIdentities, type IdentityOverride, type StudyConfirmation } from './imaging-identity';

export interface ImagingServiceDeps {
  db: Db;
  imaging: ImagingRepository;
  /** Each imported study goes to the region as an ImagingStudy. */
  outbox: OutboxRepository;
  patients: PatientRepository;
  encounters: EncounterRepository;
  /** The sealed store files are kept in by their SHA-256. */
  store: AttachmentStore;
  now: () => Date;
  onProgress: (progress: ImagingProgress) => void;
  /** Keeps a file in the store (by worker threads in the app); inline by default. */
  keepFile?: KeepFile;
  /** How many files `keepFile` is given at once (its workers); 1 by default. */
  keepers?: number;
  onPatientImaging: (patientId: string) => void;
  /** Decodes a frame (off the main thread in the app; inline by default). */
  readFrame?: (bytes: Uint8Array, index: number) => Promise<FrameResult>;
  /** Throws disk_full when `bytes` more would eat into the space kept for the records (disk-space.ts). */
  roomFor: (bytes: number, what: string) => void;
  /** A study filed although its traits differ from the record's, once it is in: for the audit trail. */
  onIdentityOverride?: (override: IdentityOverride) => void;
}

/** Whose record an imported study goes into, and who checked it when its patient's traits differ. */
interface StudyTarget {
  patientId: string;
  encounterId: string | null;
  checkedBy: string | null;
  at: string;
}

/**
 * Runs `work` on every item, at most `width` at once, in order; waits for every started one
 * before throwing the first failure (no file is still being written once the import has said).
 * Yields to the event loop between items, so an import kept inline does not hold the station.
 */
async function inTurns<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (!failure && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, width) }, lane));
  if (failure) throw (failure as { error: unknown }).error;
}

const SCAN_TTL_MS = 3600_000;
/** From this many new files on, the import workers keep them (keep-pool.ts). */
const WORKERS_FROM_FILES = 16;
const MAX_SCANS = 5;

/** A study's files in the order the viewer shows them: by series, then along the stack. */
function inViewerOrder(files: ScannedFile[]): ScannedFile[] {
  const position = (f: ScannedFile) => f.instance.image?.slicePosition ?? Infinity;
  return [...files].sort(
    (a, b) =>
      a.instance.seriesInstanceUid.localeCompare(b.instance.seriesInstanceUid) ||
      position(a) - position(b) ||
      (a.instance.instanceNumber ?? 0) - (b.instance.instanceNumber ?? 0),
  );
}

export function createImagingService(deps: ImagingServiceDeps) {
  const scans = new Map<string, { folder: string; found: ScannedFile[]; source: FileSource; at: number }>();
  const keepInline: KeepFile = async (file, source) => keepFile(file, source, deps.store);
  /**
   * Images sealed by an import still running, by SOP Instance UID: their rows are written with
   * their study's, at its end, yet the first of them is shown while the rest is imported.
   */
  const sealedPending = new Map<string, string>();

  function summarise(found: ScannedFile[]): ScannedStudy[] {
    const studies = new Map<string, ScannedStudy>();
    const instancesFound = new Map<string, string[]>();
    for (const { instance: i } of found) {
      let study = studies.get(i.studyInstanceUid);
      if (!study) {
        study = {
          studyUid: i.studyInstanceUid,
          patient: i.patient,
          date: i.study.date,
          description: i.study.description,
          modalities: [],
          series: [],
          instances: 0,
          alreadyImported: false,
          incomplete: false,
        };
        studies.set(i.studyInstanceUid, study);
        instancesFound.set(i.studyInstanceUid, []);
      }
      instancesFound.get(i.studyInstanceUid)!.push(i.sopInstanceUid);
      study.instances++;
      if (i.modality && !study.modalities.includes(i.modality)) study.modalities.push(i.modality);
      let series = study.series.find((s) => s.seriesUid === i.seriesInstanceUid);
      if (!series) {
        series = {
          seriesUid: i.seriesInstanceUid,
          modality: i.modality,
          number: i.series.number,
          description: i.series.description,
          instances: 0,
          images: 0,
        };
        study.series.push(series);
      }
      series.instances++;
      if (i.image) series.images++;
    }
    // Whole here when marked whole and holding every instance found; else, if here, incomplete.
    for (const study of studies.values()) {
      const held = deps.imaging.study(study.studyUid);
      if (!held) continue;
      const kept = deps.imaging.instanceUidsOf(study.studyUid);
      study.alreadyImported =
        held.incomplete === 0 && instancesFound.get(study.studyUid)!.every((uid) => kept.has(uid));
      study.incomplete = !study.alreadyImported;
    }
    return [...studies.values()];
  }

  /**
   * One study into the record: its new files sealed into the store first, then its rows and its
   * outbox row in one transaction. Killed before the commit, nothing of it is in the record and
   * its files are removed at the next start; after, it is whole and the region will be told.
   */
  async function importStudy(
    study: ScannedStudy,
    files: ScannedFile[],
    source: FileSource,
    target: StudyTarget,
    progress: (file: ScannedFile) => void,
  ) {
    const kept: (ScannedFile & KeptFile)[] = [];
    const taken = new Set<string>();
    let alreadyThere = 0;
    const toKeep: ScannedFile[] = [];
    for (const file of files) {
      const uid = file.instance.sopInstanceUid;
      // The same image twice on a drive, or already kept: once.
      if (taken.has(uid) || deps.imaging.hasInstance(uid)) {
        alreadyThere++;
        progress(file);
      } else toKeep.push(file);
      taken.add(uid);
    }
    // In the viewer's order, `keepers` at once (the workers'); each said as soon as it is sealed,
    // so the first image can be shown while the rest is imported.
    // A few files are kept inline: starting the workers would cost more than it saves.
    const byWorkers = deps.keepFile && toKeep.length >= WORKERS_FROM_FILES;
    const keep = byWorkers ? deps.keepFile! : keepInline;
    try {
      await inTurns(toKeep, byWorkers ? (deps.keepers ?? 1) * 2 : 1, async (file) => {
        const one = await keep(file, source);
        kept.push({ ...file, ...one });
        sealedPending.set(file.instance.sopInstanceUid, one.sha256);
        progress(file);
      });
    } finally {
      for (const file of toKeep) sealedPending.delete(file.instance.sopInstanceUid);
    }
    const first = files[0]!.instance;
    let instances = 0;
    deps.db.transaction(() => {
      const before = deps.imaging.study(study.studyUid);
      deps.imaging.insertStudy({
        study_uid: study.studyUid,
        patient_id: target.patientId,
        encounter_id: target.encounterId,
        dicom_patient_name: first.patient.name,
        dicom_patient_id: first.patient.id,
        dicom_birth_date: first.patient.birthDate,
        dicom_sex: first.patient.sex,
        study_date: first.study.date,
        description: first.study.description,
        accession_number: first.study.accessionNumber,
        mismatch_accepted_by: target.checkedBy,
        imported_at: target.at,
      });
      for (const { instance: i, sha256, size } of kept) {
        deps.imaging.insertSeries(
          i.seriesInstanceUid,
          i.studyInstanceUid,
          i.modality,
          i.series.number,
          i.series.description,
        );
        const inserted = deps.imaging.insertInstance({
          sop_instance_uid: i.sopInstanceUid,
          series_uid: i.seriesInstanceUid,
          sop_class_uid: i.sopClassUid,
          instance_number: i.instanceNumber,
          sha256,
          size,
          transfer_syntax: i.transferSyntax.uid,
          rows: i.image?.rows ?? null,
          columns: i.image?.columns ?? null,
          frames: i.image?.frames ?? null,
          slice_position: i.image?.slicePosition ?? null,
        });
        if (inserted) instances++;
      }
      // Every instance this import found is here now: a study left incomplete is whole again.
      if (before?.incomplete) deps.imaging.markWhole(study.studyUid);
      // The study's current state goes to the region, once per study and import.
      const version = deps.imaging.instanceCount(study.studyUid);
      deps.outbox.enqueue('imaging_study', study.studyUid, version, before ? 'update' : 'create', target.at);
    })();
    return { instances, alreadyThere };
  }

  return {
    /** Reads a drive or folder; `source` unseals the station's own folders (drops, PACS retrievals). */
    async scan(folder: string, source: FileSource = plainFiles): Promise<ScanReport> {
      const scanId = randomUUID();
      let result;
      try {
        result = await scanFolder(
          folder,
          (done, total) => deps.onProgress({ scanId, phase: 'scanning', done, total }),
          source,
        );
      } catch (error) {
        if (error instanceof ScanFolderError)
          throw fieldFailure('folder', `imaging.${error.reason}`, { folder: error.folder });
        throw error;
      }
      for (const [id, s] of scans) if (deps.now().getTime() - s.at > SCAN_TTL_MS) scans.delete(id);
      while (scans.size >= MAX_SCANS) scans.delete(scans.keys().next().value!);
      scans.set(scanId, { folder, found: result.found, source, at: deps.now().getTime() });
      return {
        scanId,
        folder,
        files: result.files,
        studies: summarise(result.found),
        refused: [...result.refused].map(([reason, r]) => ({ reason, count: r.count, examples: r.examples })),
      };
    },

    async import(input: {
      scanId: string;
      studyUids: string[];
      patientId: string;
      encounterId: string | null;
      confirmations: StudyConfirmation[];
    }) {
      const scan = scans.get(input.scanId);
      if (!scan)
        throw new AppFailure(
          'not_found',
          'This scan is no longer held (over an hour old, or the station restarted): scan the drive again.',
        );
      const patient = deps.patients.get(input.patientId);
      if (!patient) throw new AppFailure('not_found', 'This patient is not recorded on this station.');
      if (input.encounterId) {
        const act = deps.encounters.get(input.encounterId);
        if (!act || act.patientId !== patient.id)
          throw new AppFailure('not_found', 'This act is not one of this patient’s on this station.');
        if (act.status === 'closed') throw fieldFailure('encounterId', 'encounter.closed');
      }
      const studies = summarise(scan.found).filter((s) => input.studyUids.includes(s.studyUid));
      const unknown = input.studyUids.filter((uid) => !studies.some((s) => s.studyUid === uid));
      if (unknown.length) throw new AppFailure('not_found', `Not in this scan: ${unknown.join(', ')}.`);
      // Every study checked before anything is copied: all or nothing.
      const { problems, overrides } = checkStudyIdentities(
        studies,
        patient,
        input.confirmations,
        (uid) => deps.imaging.study(uid)?.patient_id ?? null,
      );
      if (problems.length)
        throw new AppFailure(
          'validation_failed',
          'These images may not be this patient’s: compare each study whose identity differs, and confirm it, study by study.',
          problems,
        );

      const files = scan.found.filter((f) => input.studyUids.includes(f.instance.studyInstanceUid));
      // New images stop before the records' own space runs out: checked before anything is copied.
      const newFiles = files.filter((f) => !deps.imaging.hasInstance(f.instance.sopInstanceUid));
      deps.roomFor(
        newFiles.reduce((total, f) => total + f.size, 0),
        'These images',
      );
      let done = 0;
      let firstImage: ImagingProgress['firstImage'];
      const progress = (file: ScannedFile) => {
        done++;
        // The first image sealed is shown at once, while the rest is imported.
        const first = !firstImage && file.instance.image && sealedPending.has(file.instance.sopInstanceUid);
        if (first)
          firstImage = { sopInstanceUid: file.instance.sopInstanceUid, seriesUid: file.instance.seriesInstanceUid };
        if (first || done % 10 === 0 || done === files.length)
          deps.onProgress({ scanId: input.scanId, phase: 'importing', done, total: files.length, firstImage });
      };
      const at = deps.now().toISOString();
      let instances = 0;
      let alreadyThere = 0;
      for (const study of studies) {
        const override = overrides.get(study.studyUid);
        const target = {
          patientId: patient.id,
          encounterId: input.encounterId,
          checkedBy: override?.checkedBy ?? null,
          at,
        };
        const ofStudy = files.filter((f) => f.instance.studyInstanceUid === study.studyUid);
        const result = await importStudy(study, inViewerOrder(ofStudy), scan.source, target, progress);
        instances += result.instances;
        alreadyThere += result.alreadyThere;
        // Recorded once the study is in: the trail says what was filed, not what was attempted.
        if (override) deps.onIdentityOverride?.(override);
      }
      deps.onPatientImaging(patient.id);
      return {
        studies: studies.length,
        series: studies.reduce((k, s) => k + s.series.length, 0),
        instances,
        alreadyThere,
      };
    },

    /** A series' images, in the order the viewer scrolls them. */
    series(seriesUid: string): SeriesImages {
      const series = deps.imaging.series(seriesUid);
      if (!series) throw new AppFailure('not_found', 'This series is not on this station.');
      const patient = deps.patients.get(series.patient_id);
      const study = deps.imaging.study(series.study_uid);
      if (!patient || !study)
        throw new AppFailure('not_found', 'This series’ patient or study is not on this station.');
      return {
        seriesUid: series.series_uid,
        studyUid: series.study_uid,
        patientId: series.patient_id,
        patient: {
          birthName: patient.birthName,
          usedName: patient.usedName,
          firstName: patient.firstName,
          birthDate: patient.birthDate,
          sex: patient.sex,
        },
        study: {
          date: study.study_date,
          dicomPatientName: study.dicom_patient_name,
          mismatchAcceptedBy: study.mismatch_accepted_by,
        },
        modality: series.modality,
        description: series.description,
        images: deps.imaging
          .seriesImages(seriesUid)
          .filter((i) => i.rows !== null)
          .map((i) => ({
            sopInstanceUid: i.sop_instance_uid,
            instanceNumber: i.instance_number,
            position: i.slice_position,
            frames: i.frames ?? 1,
            rows: i.rows,
            columns: i.columns,
          })),
      };
    },

    /** One frame decoded for the viewer (of an image kept, or sealed by an import still running); a frame that cannot be shown is refused with its reason. */
    async frame(sopInstanceUid: string, index: number): Promise<ImageFrame> {
      const sha256 = deps.imaging.instance(sopInstanceUid)?.sha256 ?? sealedPending.get(sopInstanceUid);
      if (!sha256) throw new AppFailure('not_found', 'This image is not on this station.');
      let bytes: Buffer;
      try {
        bytes = deps.store.read(sha256);
      } catch (error) {
        if (error instanceof SealedFileError)
          throw new AppFailure('validation_failed', `${error.message} Import the study again.`);
        throw new AppFailure(
          'not_found',
          'The file of this image is missing from the station’s data folder: import the study again.',
        );
      }
      const result = await (deps.readFrame ?? readFrame)(
        new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        index,
      );
      if (!result.ok)
        throw new AppFailure('validation_failed', result.detail, [
          { path: 'sopInstanceUid', code: `imaging.frame_${result.reason}`, params: { detail: result.detail } },
        ]);
      const { data, ...frame } = result.frame;
      return { ...frame, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64') };
    },

    studiesOf(patientId: string) {
      return deps.imaging.studiesOf(patientId).map((s) => ({
        studyUid: s.study_uid,
        encounterId: s.encounter_id,
        date: s.study_date,
        description: s.description,
        dicomPatient: {
          name: s.dicom_patient_name,
          id: s.dicom_patient_id,
          birthDate: s.dicom_birth_date,
          sex: s.dicom_sex,
        },
        mismatchAcceptedBy: s.mismatch_accepted_by,
        importedAt: s.imported_at,
        incomplete: s.incomplete === 1,
        series: s.series.map((x) => ({
          seriesUid: x.series_uid,
          modality: x.modality,
          number: x.number,
          description: x.description,
          instances: x.instances,
          images: x.images,
        })),
      }));
    },
  };
}
