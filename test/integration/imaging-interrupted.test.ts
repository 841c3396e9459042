// Imports cut short (issue 17, point 5), each at a chosen point: a station process (the real
// station, test/crash/imaging-child.ts) killed with SIGKILL while it seals a study's files, while
// files are dropped on the page, and while a study comes from the PACS; then started again. A
// study is whole or absent, never half there unannounced; the start removes the files nobody
// needs and says how many and how much; the next import brings the study whole with its outbox
// row. And a study an earlier version left half imported is marked incomplete at the upgrade,
// shown so by the scan, and completed by the import. The random kills are in imaging-crash.test.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { unlockDatabase } from '../../src/main/db/connection';
import { migrate } from '../../src/main/db/migrate';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { readDicom } from '../../src/main/imaging/dicom-file';
import { createDicomWebClient } from '../../src/main/imaging/dicomweb-client';
import { DATABASE_FILE, loadDataKeys } from '../../src/main/security/data-key';
import { createFileSealer } from '../../src/main/security/sealed-file';
import { createAttachmentStore } from '../../src/main/services/attachment-store';
import { startImagingChild, type ImagingChild, type ImagingChildEnv } from '../helpers/imaging-child-process';
import { leftovers, studyStates } from '../helpers/imaging-state';
import { startOrthanc } from '../helpers/orthanc';
import { openStation } from '../helpers/station';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const children: ImagingChild[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await child.kill();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ROOT = '1.2.826.0.1.3680043.10.1234.517';
const NAME = 'KERMARREC^ANNA';

function start(env: ImagingChildEnv): ImagingChild {
  const child = startImagingChild(env);
  children.push(child);
  return child;
}

/** Runs a child that kills itself at `killAt`; resolves once it is dead. */
async function killedAt(env: ImagingChildEnv, killAt: string): Promise<void> {
  const child = start({ ...env, KILL_AT: killAt });
  await child.line('started');
  child.go();
  expect(await child.exited, child.output()).toEqual({ code: null, signal: 'SIGKILL' });
}

/** The start-up cleaning's log line (files and bytes removed). */
const removed = (child: ImagingChild) => child.log.find((l) => l.event === 'files.orphans_removed');

describe('an import killed midway', () => {
  it('leaves a study absent, not half there: the start removes its sealed files and says so, the next import brings it whole', async () => {
    const drive = tempDir();
    writeSyntheticCt(drive, 40, 64, NAME, `${ROOT}.1`);
    const study = `${ROOT}.1.1`;
    const dataDir = tempDir();

    // Killed just after the 20th of its 40 files was sealed into the store.
    await killedAt({ DATA_DIR: dataDir, DRIVE: drive }, 'store:20');
    expect(studyStates(dataDir, { [study]: 40 })).toEqual({ [study]: 'absent' });
    const left = leftovers(dataDir);
    expect(left.store.files).toBe(20);

    const again = start({ DATA_DIR: dataDir, DRIVE: drive });
    await again.line('started');
    expect(removed(again), again.output()).toMatchObject({ files: left.total.files, bytes: left.total.bytes, store: { files: 20, bytes: left.store.bytes } });
    expect(leftovers(dataDir).names).toEqual([]);
    again.go();
    expect(await again.line('scan drive')).toBe(`scan drive ${JSON.stringify({ [study]: 'new' })}`);
    await again.line('done');
    expect((await again.exited).code, again.output()).toBe(0);
    expect(studyStates(dataDir, { [study]: 40 })).toEqual({ [study]: 'whole' });
  }, 30_000);

  it('during a drop or a PACS retrieval: their files are removed at the next start and said, and the retrieval then brings the study whole', async () => {
    const orthanc = await startOrthanc();
    cleanups.push(() => orthanc.stop());
    const dropped = tempDir();
    writeSyntheticCt(dropped, 12, 64, NAME, `${ROOT}.2`);
    const pacsFiles = writeSyntheticCt(tempDir(), 16, 64, NAME, `${ROOT}.3`);
    await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).store(pacsFiles.map((f) => new Uint8Array(fs.readFileSync(f))));
    const pacsStudy = `${ROOT}.3.1`;
    const dataDir = tempDir();
    const pacs = { DATA_DIR: dataDir, PACS_URL: orthanc.dicomWebUrl, PACS_STUDY: pacsStudy };

    // Killed after 6 of the 12 files were dropped.
    await killedAt({ DATA_DIR: dataDir, DROP: dropped }, 'drop:6');
    const afterDrop = leftovers(dataDir);
    expect(afterDrop.drops.files).toBe(6);

    // Started again (the drop's files removed and said), then killed after 5 of the 16 files came from the PACS.
    const retrieving = start({ ...pacs, KILL_AT: 'inbox:5' });
    await retrieving.line('started');
    const dropSaid = { files: afterDrop.total.files, bytes: afterDrop.total.bytes, drops: { files: 6, bytes: afterDrop.drops.bytes } };
    expect(removed(retrieving), retrieving.output()).toMatchObject(dropSaid);
    retrieving.go();
    expect(await retrieving.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const afterRetrieval = leftovers(dataDir);
    expect(afterRetrieval.pacsInbox.files).toBe(5);
    expect(studyStates(dataDir, { [pacsStudy]: 16 })).toEqual({ [pacsStudy]: 'absent' });

    const again = start(pacs);
    await again.line('started');
    expect(removed(again), again.output()).toMatchObject({ files: afterRetrieval.total.files, pacsInbox: { files: 5, bytes: afterRetrieval.pacsInbox.bytes } });
    expect(leftovers(dataDir).names).toEqual([]);
    again.go();
    expect(await again.line('scan pacs')).toBe(`scan pacs ${JSON.stringify({ [pacsStudy]: 'new' })}`);
    await again.line('done');
    expect(studyStates(dataDir, { [pacsStudy]: 16 })).toEqual({ [pacsStudy]: 'whole' });
  }, 60_000);
});

describe('a study an earlier version left half imported', () => {
  it('is marked incomplete at the upgrade, shown so by the scan and on the patient’s page, and completed by the next import', async () => {
    const drive = tempDir();
    const files = writeSyntheticCt(drive, 81, 32, NAME, `${ROOT}.4`);
    const whole = writeSyntheticCt(tempDir(), 6, 32, NAME, `${ROOT}.5`);
    const study = `${ROOT}.4.1`;
    const dataDir = tempDir();
    // What the earlier import left when it was killed: 45 instances, their files, no outbox row;
    // beside it a study it imported whole, announced (its outbox row waits for the region).
    const patientId = writeEarlierVersionRecords(dataDir, [
      { files: files.slice(0, 45), announced: false },
      { files: whole, announced: true },
    ]);

    const station = openStation(dataDir);
    cleanups.push(() => station.close());
    expect(studyStates(dataDir, { [study]: 81, [`${ROOT}.5.1`]: 6 })).toEqual({ [study]: 'incomplete', [`${ROOT}.5.1`]: 'whole' });
    const shown = await station.value('imaging.studies', { patientId });
    expect(shown.map((s) => [s.studyUid, s.incomplete])).toEqual(expect.arrayContaining([[study, true], [`${ROOT}.5.1`, false]]));

    const scan = await station.value('imaging.scan', { folder: drive });
    expect(scan.studies).toEqual([expect.objectContaining({ studyUid: study, instances: 81, alreadyImported: false, incomplete: true })]);
    const completed = await station.value('imaging.import', { scanId: scan.scanId, studyUids: [study], patientId });
    expect(completed).toEqual({ studies: 1, series: 1, instances: 36, alreadyThere: 45 });
    expect(studyStates(dataDir, { [study]: 81 })).toEqual({ [study]: 'whole' });
    expect((await station.value('imaging.studies', { patientId })).find((s) => s.studyUid === study)).toMatchObject({ incomplete: false });
    const rescan = await station.value('imaging.scan', { folder: drive });
    expect(rescan.studies[0]).toMatchObject({ alreadyImported: true, incomplete: false });
  });
});

/**
 * Writes, as the version before this fix did (schema 21), a patient and imaging studies made of
 * `files`, each file sealed into the store with its instance row; `announced` studies got their
 * outbox row. Returns the patient's id.
 */
function writeEarlierVersionRecords(dataDir: string, studies: { files: string[]; announced: boolean }[]): string {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const keys = loadDataKeys({ dataDir });
  const db = unlockDatabase(new Database(path.join(dataDir, DATABASE_FILE)), keys.database);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS.slice(0, 21));
  const store = createAttachmentStore(path.join(dataDir, 'attachments'), createFileSealer(keys.files));
  const patientId = '7d1c2a64-52a7-4f1e-9a57-8c6f3b1e0d21';
  const at = '2026-11-23T10:00:00.000Z';
  db.prepare(`INSERT INTO patients (id, version, birth_name, first_name, birth_first_names, birth_date, sex, birthplace_code,
    identity_status, birth_name_key, first_name_key, created_at, updated_at)
    VALUES (?, 1, 'KERMARREC', 'ANNA', 'ANNA', '1951-03-14', 'F', '29019', 'PROV', 'KERMARREC', 'ANNA', ?, ?)`).run(patientId, at, at);
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
      db.prepare(`INSERT OR IGNORE INTO dicom_studies (study_uid, patient_id, dicom_patient_name, study_date, description, imported_at)
        VALUES (?, ?, ?, ?, ?, ?)`).run(i.studyInstanceUid, patientId, i.patient.name, i.study.date, i.study.description, at);
      db.prepare('INSERT OR IGNORE INTO dicom_series (series_uid, study_uid, modality, number) VALUES (?, ?, ?, ?)')
        .run(i.seriesInstanceUid, i.studyInstanceUid, i.modality, i.series.number);
      db.prepare(`INSERT INTO dicom_instances (sop_instance_uid, series_uid, sop_class_uid, instance_number, sha256, size, transfer_syntax,
        rows, columns, frames, slice_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(i.sopInstanceUid, i.seriesInstanceUid, i.sopClassUid, i.instanceNumber, sha256, bytes.length, i.transferSyntax.uid,
          i.image?.rows ?? null, i.image?.columns ?? null, i.image?.frames ?? null, i.image?.slicePosition ?? null);
    }
    if (announced) {
      db.prepare("INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES ('imaging_study', ?, ?, 'create', ?)")
        .run(studyUid, files.length, at);
    }
  }
  db.close();
  return patientId;
}
