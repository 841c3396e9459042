// Imports cut short (issue 17, point 5), each at a chosen point: a station process (the real
// station, test/crash/imaging-child.ts) killed with SIGKILL while it seals a study's files, while
// files are dropped on the page, and while a study comes from the PACS; then started again. A
// study is whole or absent, never half there unannounced; the start removes the files nobody
// needs and says how many and how much; the next import brings the study whole with its outbox
// row. And a study an earlier version left half imported is marked incomplete at the upgrade,
// shown so by the scan, and completed by the import. The random kills are in imaging-crash.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDicomWebClient } from '../../src/main/imaging/dicomweb-client';
import { DATABASE_FILE } from '../../src/main/platform/security/data-key';
import { writeEarlierVersionRecords } from '../helpers/earlier-version-imaging';
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
    expect(removed(again), again.output()).toMatchObject({
      files: left.total.files,
      bytes: left.total.bytes,
      store: { files: 20, bytes: left.store.bytes },
    });
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
    await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).store(
      pacsFiles.map((f) => new Uint8Array(fs.readFileSync(f))),
    );
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
    const dropSaid = {
      files: afterDrop.total.files,
      bytes: afterDrop.total.bytes,
      drops: { files: 6, bytes: afterDrop.drops.bytes },
    };
    expect(removed(retrieving), retrieving.output()).toMatchObject(dropSaid);
    retrieving.go();
    expect(await retrieving.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const afterRetrieval = leftovers(dataDir);
    expect(afterRetrieval.pacsInbox.files).toBe(5);
    expect(studyStates(dataDir, { [pacsStudy]: 16 })).toEqual({ [pacsStudy]: 'absent' });

    const again = start(pacs);
    await again.line('started');
    expect(removed(again), again.output()).toMatchObject({
      files: afterRetrieval.total.files,
      pacsInbox: { files: 5, bytes: afterRetrieval.pacsInbox.bytes },
    });
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
    expect(studyStates(dataDir, { [study]: 81, [`${ROOT}.5.1`]: 6 })).toEqual({
      [study]: 'incomplete',
      [`${ROOT}.5.1`]: 'whole',
    });
    const shown = await station.value('imaging.studies', { patientId });
    expect(shown.map((s) => [s.studyUid, s.incomplete])).toEqual(
      expect.arrayContaining([
        [study, true],
        [`${ROOT}.5.1`, false],
      ]),
    );

    const scan = await station.value('imaging.scan', { folder: drive });
    expect(scan.studies).toEqual([
      expect.objectContaining({ studyUid: study, instances: 81, alreadyImported: false, incomplete: true }),
    ]);
    const completed = await station.value('imaging.import', { scanId: scan.scanId, studyUids: [study], patientId });
    expect(completed).toEqual({ studies: 1, series: 1, instances: 36, alreadyThere: 45 });
    expect(studyStates(dataDir, { [study]: 81 })).toEqual({ [study]: 'whole' });
    expect((await station.value('imaging.studies', { patientId })).find((s) => s.studyUid === study)).toMatchObject({
      incomplete: false,
    });
    const rescan = await station.value('imaging.scan', { folder: drive });
    expect(rescan.studies[0]).toMatchObject({ alreadyImported: true, incomplete: false });
  });
});

/** A station that imported a 3-image study, stopped; then its database files removed (with `alsoRemoved`). */
async function importedThenDatabaseRemoved(rootSuffix: string, alsoRemoved: string[]): Promise<string> {
  const drive = tempDir();
  writeSyntheticCt(drive, 3, 32, NAME, `${ROOT}.${rootSuffix}`);
  const dataDir = tempDir();
  const first = openStation(dataDir);
  const identity = {
    birthName: 'Kermarrec',
    firstName: 'Anna',
    birthDate: '1951-03-14',
    sex: 'F',
    birthplaceCode: '29019',
    identityStatus: 'PROV',
  } as const;
  const created = await first.value('patients.create', { identity });
  if (created.status !== 'created') throw new Error('patient');
  const scan = await first.value('imaging.scan', { folder: drive });
  await first.value('imaging.import', {
    scanId: scan.scanId,
    studyUids: [scan.studies[0]!.studyUid],
    patientId: created.patient.id,
  });
  await first.close();
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, ...alsoRemoved])
    fs.rmSync(path.join(dataDir, name), { force: true });
  return dataDir;
}

type LogLine = { level: string; event: string; fields: Record<string, unknown> };

/** The station started again on `dataDir`, and what it logged. */
function startLogged(dataDir: string) {
  const log: LogLine[] = [];
  const record =
    (level: string) =>
    (event: string, fields: Record<string, unknown> = {}) =>
      log.push({ level, event, fields });
  const station = openStation(dataDir, undefined, {
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
  });
  cleanups.push(() => station.close());
  return { station, log };
}

describe('the start-up clean-up', () => {
  it('keeps the stored files beside a database with no patient (deleted or replaced), and says so as an error', async () => {
    // The database goes (a hand in the data folder, a disk error) with its audit anchor file, so
    // that nothing else tells the start it was there; the key and the files stay.
    const dataDir = await importedThenDatabaseRemoved('6', ['audit-anchor.json']);
    const { log } = startLogged(dataDir);
    expect(log.filter((l) => l.event.startsWith('files.orphans'))).toEqual([
      {
        level: 'error',
        event: 'files.orphans_kept',
        fields: expect.objectContaining({
          files: 3,
          text: expect.stringContaining('Restore the database from a backup'),
        }),
      },
    ]);
    expect(leftovers(dataDir).store.files).toBe(3);
  });

  it('removes nothing beside a database held as missing (its anchor file knows rows), and says why', async () => {
    const dataDir = await importedThenDatabaseRemoved('7', []);
    const { station, log } = startLogged(dataDir);
    expect((await station.value('station.status', {})).database.state).toBe('missing');
    expect(log.filter((l) => l.event.startsWith('files.'))).toEqual([
      {
        level: 'warn',
        event: 'files.cleanup_skipped',
        fields: { text: expect.stringContaining('until a person decides') },
      },
    ]);
    // Nothing removed: the three sealed images are still in the store (no database to ask which).
    const stored = fs
      .readdirSync(path.join(dataDir, 'attachments'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile());
    expect(stored).toHaveLength(3);
  });
});
