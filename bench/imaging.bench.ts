// npm run bench -- imaging: a 300-slice CT series (512 x 512, 16-bit, synthetic) imported by the
// station (every file read and checked, grouped, copied by SHA-256, indexed in SQLite), printed
// beside dicom-parser's bare parse of the same files in the same run (ratio). The viewer's time to
// first image and window/level render time are not measured yet: the viewer is not built.
import dicomParser from 'dicom-parser';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { silentLogger } from '../src/main/logger';
import { readDicom } from '../src/main/imaging/dicom-file';
import { createStation } from '../src/main/station';
import { writeSyntheticCt } from '../test/helpers/synthetic-ct';

const SLICES = Number(process.env.RELAIS_BENCH_SLICES ?? 300);

async function value<T>(station: ReturnType<typeof createStation>, channel: Parameters<ReturnType<typeof createStation>['dispatch']>[0], input: unknown): Promise<T> {
  const result = await station.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-imaging-'));
  try {
    const files = writeSyntheticCt(path.join(dir, 'cdrom'), SLICES);
    const megabytes = files.reduce((n, f) => n + fs.statSync(f).size, 0) / 1e6;
    // Warm the page cache and the code paths once, so that both measures read from memory.
    for (const f of files.slice(0, 5)) readDicom(new Uint8Array(fs.readFileSync(f)));

    let start = performance.now();
    for (const f of files) dicomParser.parseDicom(new Uint8Array(fs.readFileSync(f)));
    const bareMs = performance.now() - start;

    start = performance.now();
    for (const f of files) readDicom(new Uint8Array(fs.readFileSync(f)));
    const readMs = performance.now() - start;

    const station = createStation({ dataDir: path.join(dir, 'station'), mode: 'browser', logger: silentLogger });
    const created = await value<{ status: string; patient: { id: string } }>(station, 'patients.create', {
      identity: { birthName: 'Bench', firstName: 'Cerebral', birthDate: '1950-01-01', sex: 'M', birthplaceCode: '29019', identityStatus: 'PROV', ins: null },
      notDuplicateOf: [],
    });
    start = performance.now();
    const scan = await value<{ scanId: string; studies: { studyUid: string; instances: number }[] }>(station, 'imaging.scan', { folder: path.join(dir, 'cdrom') });
    const scanMs = performance.now() - start;
    start = performance.now();
    const imported = await value<{ instances: number }>(station, 'imaging.import', { scanId: scan.scanId, studyUids: [scan.studies[0]!.studyUid], patientId: created.patient.id, acceptMismatchBy: 'bench' });
    const importMs = performance.now() - start;
    await station.close();

    console.log(
      [
        `\nImaging import: ${SLICES} CT slices 512 x 512 x 16 bits (${megabytes.toFixed(0)} MB), synthetic`,
        `  dicom-parser bare parse (read + parse)          ${bareMs.toFixed(0)} ms (${(bareMs / SLICES).toFixed(2)} ms/slice)`,
        `  station read and checks (readDicom)             ${readMs.toFixed(0)} ms; ratio ${(readMs / bareMs).toFixed(2)} of the bare parse`,
        `  station scan (read, check, group)               ${scanMs.toFixed(0)} ms; ratio ${(scanMs / bareMs).toFixed(2)}`,
        `  station import (copy by SHA-256, index)         ${importMs.toFixed(0)} ms for ${imported.instances} instances`,
        `  scan + import                                   ${(scanMs + importMs).toFixed(0)} ms; ratio ${((scanMs + importMs) / bareMs).toFixed(2)}`,
        '  first image displayed, window/level per frame   not measured: the viewer is not built yet',
      ].join('\n'),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('imaging', () => {
  bench('a 300-slice CT series imported', run, { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 });
});
