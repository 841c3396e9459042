// A large series imported as the app imports it: the imaging worker (bundled here from its
// sources, as the build bundles it) keeps the files on two threads, each read once, hashed and
// sealed. The first image sealed is announced and shown while the rest is still being imported;
// a bad file in the series is named by the scan and the rest imports; a file gone or changed
// since the scan stops its study with the file's name, and nothing of it is recorded.
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImageFrame, ImagingProgress, ScanReport } from '../../src/shared/imaging/imaging';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { writeSyntheticCt } from '../helpers/synthetic-ct';

const SLICES = 48;
const tempDir = useTempDir('relais-import-workers-');
const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});
let workerFile: string;

beforeAll(() => {
  // Beside node_modules, so that the bundle finds its packages as out/main/imaging-worker.cjs does.
  workerFile = path.resolve(`node_modules/.cache/relais-tests/imaging-worker-${process.pid}.cjs`);
  buildSync({
    entryPoints: ['src/main/imaging/frame-worker.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    outfile: workerFile,
    logLevel: 'silent',
  });
});
afterAll(() => fs.rmSync(workerFile, { force: true }));

async function setup() {
  const dir = tempDir();
  const drive = path.join(dir, 'drive');
  const files = writeSyntheticCt(
    path.join(drive, 'ct'),
    SLICES,
    256,
    'KERGUELEN^ANNA',
    '1.2.826.0.1.3680043.10.1234.88',
  );
  const station = openStation(path.join(dir, 'station'), undefined, { imagingWorker: workerFile });
  opened.push(station);
  const created = await station.value('patients.create', {
    identity: {
      birthName: 'Kerguelen',
      firstName: 'Anna',
      birthDate: '1950-01-01',
      sex: 'F',
      birthplaceCode: '29019',
      identityStatus: 'PROV',
    },
  });
  if (created.status !== 'created') throw new Error('patient');
  return { drive, files, station, patientId: created.patient.id };
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('a large series imported by the workers', () => {
  it('shows its first image while the rest imports, names a bad file and imports the rest', async () => {
    const { drive, files, station, patientId } = await setup();
    fs.writeFileSync(path.join(drive, 'ct', 'notes.txt'), 'Scanner de contrôle, pas une image.');
    fs.writeFileSync(path.join(drive, 'ct', 'zz-cut.dcm'), fs.readFileSync(files[0]!).subarray(0, 40_000));
    const scan: ScanReport = await station.value('imaging.scan', { folder: drive });
    expect(scan.studies).toEqual([expect.objectContaining({ instances: SLICES })]);
    expect(scan.refused).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reason: 'not_dicom', examples: [expect.objectContaining({ file: 'ct/notes.txt' })] }),
        expect.objectContaining({
          reason: 'truncated',
          examples: [expect.objectContaining({ file: 'ct/zz-cut.dcm' })],
        }),
      ]),
    );

    const events: ImagingProgress[] = [];
    let importEnded = false;
    let shownDuring: Promise<{
      frame: Awaited<ReturnType<typeof station.call<'imaging.frame'>>>;
      ended: boolean;
    }> | null = null;
    const stop = station.events.on('imaging.progress', (progress) => {
      events.push(progress);
      // The page asks for the first image as soon as it is announced, as the import screen does.
      if (progress.firstImage && !shownDuring) {
        const ended = importEnded;
        shownDuring = station
          .call('imaging.frame', { sopInstanceUid: progress.firstImage.sopInstanceUid, frame: 0 })
          .then((frame) => ({ frame, ended }));
      }
    });
    const imported = await station.value('imaging.import', {
      scanId: scan.scanId,
      studyUids: [scan.studies[0]!.studyUid],
      patientId,
    });
    importEnded = true;
    stop();
    expect(imported).toMatchObject({ studies: 1, instances: SLICES, alreadyThere: 0 });

    const announced = events.find((e) => e.firstImage)!;
    expect(announced.done).toBeLessThan(announced.total);
    const shown = await shownDuring!;
    expect(shown.ended).toBe(false);
    expect(shown.frame.ok && (shown.frame.value as ImageFrame).rows).toBe(256);
    expect(events.at(-1)).toMatchObject({ phase: 'importing', done: SLICES, total: SLICES });

    // Every slice is in, in the viewer's order, and each stored copy holds the file's bytes.
    const [study] = await station.value('imaging.studies', { patientId });
    const series = await station.value('imaging.series', { seriesUid: study!.series[0]!.seriesUid });
    expect(series.images).toHaveLength(SLICES);
    const frame = await station.value('imaging.frame', { sopInstanceUid: series.images[17]!.sopInstanceUid, frame: 0 });
    expect(frame).toMatchObject({ rows: 256, columns: 256 });
    const stored = fs.readdirSync(path.join(path.dirname(drive), 'station', 'attachments'), { recursive: true });
    for (const file of files.slice(0, 5))
      expect(stored.map(String)).toContainEqual(expect.stringContaining(sha256(file)));
  });

  it('stops a study whose file is gone or changed since the scan, saying which, and records none of it', async () => {
    const { drive, files, station, patientId } = await setup();
    const scan: ScanReport = await station.value('imaging.scan', { folder: drive });
    fs.rmSync(files[30]!);
    const gone = await station.call('imaging.import', {
      scanId: scan.scanId,
      studyUids: [scan.studies[0]!.studyUid],
      patientId,
    });
    expect(gone).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    if (!gone.ok) expect(gone.error.message).toContain(path.basename(files[30]!));
    expect(await station.value('imaging.studies', { patientId })).toEqual([]);

    const again: ScanReport = await station.value('imaging.scan', { folder: drive });
    expect(again.studies[0]!.instances).toBe(SLICES - 1);
    fs.appendFileSync(files[12]!, Buffer.alloc(10));
    const changed = await station.call('imaging.import', {
      scanId: again.scanId,
      studyUids: [again.studies[0]!.studyUid],
      patientId,
    });
    if (changed.ok) throw new Error('a file changed since the scan was imported');
    expect(changed.error.message).toMatch(new RegExp(`${path.basename(files[12]!)} changed since the scan`));
    expect(await station.value('imaging.studies', { patientId })).toEqual([]);
  });
});
