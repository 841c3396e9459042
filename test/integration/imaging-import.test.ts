// A drive of images (Debian's pydicom DICOMDIR test set, read where it is installed, never
// written): the scan groups it by study and series and says what it could not read; the import
// refuses images whose patient differs from the record's until a named person has checked
// them, keeps each file once by SHA-256, and never gives one study to two patients.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/shared/imaging/imaging';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const DRIVE = '/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests';
const PETER_STUDIES = [
  '1.3.6.1.4.1.5962.1.1.0.0.0.1194734704.16302.0.1',
  '1.3.6.1.4.1.5962.1.1.0.0.0.1196533885.18148.0.1',
] as const;
const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const identity = (birthName: string, firstName: string, sex: 'M' | 'F') => ({
  birthName,
  firstName,
  birthDate: '1960-05-04',
  sex,
  birthplaceCode: '29019',
  identityStatus: 'PROV' as const,
});

async function setup() {
  const dir = tempDir();
  const station = openStation(dir);
  opened.push(station);
  const peter = await station.value('patients.create', { identity: identity('Doe', 'Peter', 'M') });
  const other = await station.value('patients.create', { identity: identity('Le Gall', 'Anne', 'F') });
  if (peter.status !== 'created' || other.status !== 'created') throw new Error('patients');
  return { dir, station, peter: peter.patient, other: other.patient };
}

describe('imaging import', () => {
  it('scans a drive: studies and series grouped, what is not an image said by reason', async () => {
    const { station } = await setup();
    const report: ScanReport = await station.value('imaging.scan', { folder: DRIVE });
    console.log(
      `imaging scan of ${DRIVE}: ${report.files} files, ${report.studies.length} studies, refused: ${report.refused.map((r) => `${r.count} ${r.reason}`).join(', ')}`,
    );
    expect(report.studies).toHaveLength(7);
    const peterCt = report.studies.find((s) => s.studyUid === PETER_STUDIES[1])!;
    expect(peterCt).toMatchObject({
      patient: { name: 'Doe^Peter', id: '98890234', sex: 'M' },
      instances: 11,
      alreadyImported: false,
    });
    expect(peterCt.series).toHaveLength(3);
    expect(report.refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'dicomdir', count: 7 }),
        expect.objectContaining({ reason: 'not_dicom' }),
      ]),
    );
    expect(report.studies.reduce((n, s) => n + s.instances, 0) + report.refused.reduce((n, r) => n + r.count, 0)).toBe(
      report.files,
    );

    expect(await station.call('imaging.scan', { folder: '/media/no-such-cdrom' })).toMatchObject({
      ok: false,
      error: {
        fields: [{ path: 'folder', code: 'imaging.folder_missing', params: { folder: '/media/no-such-cdrom' } }],
      },
    });
    expect(await station.call('imaging.scan', { folder: 'relative/path' })).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'imaging.folder_relative' }] },
    });
  });

  it('attaches a study to its patient, refuses another patient’s until checked, and keeps each file once', async () => {
    const { dir, station, peter, other } = await setup();
    const report = await station.value('imaging.scan', { folder: DRIVE });

    // Peter's studies to Peter: the traits match (name, sex), nothing to confirm.
    const imported = await station.value('imaging.import', {
      scanId: report.scanId,
      studyUids: [...PETER_STUDIES],
      patientId: peter.id,
    });
    expect(imported).toEqual({ studies: 2, series: 5, instances: 18, alreadyThere: 0 });
    const studies = await station.value('imaging.studies', { patientId: peter.id });
    expect(
      studies.map((s) => [s.studyUid, s.series.reduce((n, x) => n + x.instances, 0), s.mismatchAcceptedBy]),
    ).toEqual(
      expect.arrayContaining([
        [PETER_STUDIES[0], 7, null],
        [PETER_STUDIES[1], 11, null],
      ]),
    );
    // Each file is in the store under its SHA-256, byte for byte.
    const stored = fs
      .readdirSync(path.join(dir, 'attachments'))
      .flatMap((d) => fs.readdirSync(path.join(dir, 'attachments', d)));
    expect(stored.length).toBe(18);

    // Archibald's study to Anne: refused, with what differs; then confirmed, for that study, by a named person.
    const archibald = report.studies.find((s) => s.patient.name === 'Doe^Archibald')!;
    const refused = await station.call('imaging.import', {
      scanId: report.scanId,
      studyUids: [archibald.studyUid],
      patientId: other.id,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        fields: [
          {
            code: 'imaging.patient_mismatch',
            params: { differences: 'family_name,first_name', name: 'Doe^Archibald' },
          },
        ],
      },
    });
    expect(await station.value('imaging.studies', { patientId: other.id })).toEqual([]);
    await station.value('imaging.import', {
      scanId: report.scanId,
      studyUids: [archibald.studyUid],
      patientId: other.id,
      confirmations: [{ studyUid: archibald.studyUid, checkedBy: 'Dr Kerleau' }],
    });
    expect((await station.value('imaging.studies', { patientId: other.id }))[0]).toMatchObject({
      studyUid: archibald.studyUid,
      mismatchAcceptedBy: 'Dr Kerleau',
    });

    // The same study again: nothing twice. To another patient: refused, whoever accepts.
    const again = await station.value('imaging.scan', { folder: DRIVE });
    expect(again.studies.find((s) => s.studyUid === PETER_STUDIES[0])?.alreadyImported).toBe(true);
    expect(
      await station.value('imaging.import', {
        scanId: again.scanId,
        studyUids: [PETER_STUDIES[0]],
        patientId: peter.id,
      }),
    ).toEqual({ studies: 1, series: 2, instances: 0, alreadyThere: 7 });
    expect(
      await station.call('imaging.import', {
        scanId: again.scanId,
        studyUids: [PETER_STUDIES[0]],
        patientId: other.id,
        confirmations: [{ studyUid: PETER_STUDIES[0], checkedBy: 'Dr Kerleau' }],
      }),
    ).toMatchObject({
      ok: false,
      error: {
        fields: expect.arrayContaining([expect.objectContaining({ code: 'imaging.study_of_another_patient' })]),
      },
    });
  });
});

describe('imaging viewer data', () => {
  it('gives an imported series in space order, each frame decoded, and says when a file is gone', async () => {
    const { dir, station, peter } = await setup();
    const report = await station.value('imaging.scan', { folder: DRIVE });
    await station.value('imaging.import', {
      scanId: report.scanId,
      studyUids: [PETER_STUDIES[1]],
      patientId: peter.id,
    });
    const [study] = await station.value('imaging.studies', { patientId: peter.id });
    const biggest = study!.series.reduce((a, b) => (b.instances > a.instances ? b : a));
    const series = await station.value('imaging.series', { seriesUid: biggest.seriesUid });
    expect(series).toMatchObject({ studyUid: PETER_STUDIES[1], patientId: peter.id });
    expect(series.images.length).toBe(biggest.instances);
    const positions = series.images.map((i) => i.position);
    expect(positions.every((p) => p !== null)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a! - b!));

    for (const image of series.images) {
      const frame = await station.value('imaging.frame', { sopInstanceUid: image.sopInstanceUid, frame: 0 });
      expect([frame.rows, frame.columns]).toEqual([image.rows, image.columns]);
      expect(Buffer.from(frame.data, 'base64').length).toBe(
        frame.rows *
          frame.columns *
          (frame.colour === 'rgb' ? 3 : frame.sampleType.endsWith('8') ? 1 : frame.sampleType.endsWith('16') ? 2 : 4),
      );
    }

    expect(await station.call('imaging.frame', { sopInstanceUid: '1.2.3.4', frame: 0 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await station.call('imaging.frame', { sopInstanceUid: series.images[0]!.sopInstanceUid, frame: 5 }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'imaging.frame_no_such_frame' }] } });
    // The store losing a file (a disk error, a hand in the data folder) is said, not a crash.
    for (const d of fs.readdirSync(path.join(dir, 'attachments')))
      fs.rmSync(path.join(dir, 'attachments', d), { recursive: true });
    expect(
      await station.call('imaging.frame', { sopInstanceUid: series.images[0]!.sopInstanceUid, frame: 0 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('import the study again') },
    });
  });
});

describe('files dropped on the page', () => {
  it('are read like a drive once their bytes are in, chunk by chunk, under names of our own', async () => {
    const { station } = await setup();
    const files = walkFiles(DRIVE).slice(0, 30);
    const { dropId } = await station.value('imaging.dropBegin', {});
    for (const [i, file] of files.entries()) {
      const bytes = fs.readFileSync(file);
      for (let offset = 0; offset < bytes.length; offset += 60_000) {
        await station.value('imaging.dropChunk', {
          dropId,
          file: i,
          offset,
          data: bytes.subarray(offset, offset + 60_000).toString('base64'),
        });
      }
    }
    const report = await station.value('imaging.dropScan', { dropId });
    expect(report.files).toBe(30);
    expect(report.studies.length + report.refused.length).toBeGreaterThan(0);
    expect(report.studies.reduce((n, s) => n + s.instances, 0) + report.refused.reduce((n, r) => n + r.count, 0)).toBe(
      30,
    );

    // A chunk out of order, an unknown drop, an empty drop: each said.
    expect(await station.call('imaging.dropChunk', { dropId, file: 0, offset: 5, data: 'AAAA' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('out of order') },
    });
    expect(
      await station.call('imaging.dropChunk', {
        dropId: '00000000-0000-4000-8000-000000000009',
        file: 0,
        offset: 0,
        data: 'AAAA',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const empty = await station.value('imaging.dropBegin', {});
    expect(await station.call('imaging.dropScan', { dropId: empty.dropId })).toMatchObject({
      ok: false,
      error: { message: 'No file was dropped.' },
    });
  });
});

function walkFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walkFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}
