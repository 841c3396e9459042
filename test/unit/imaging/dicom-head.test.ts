// A scan reads each image's header only (its head, up to native pixel data), and the whole file
// only when the head does not tell. What the head says must be what the whole file says: for
// every file of the pydicom corpus, 1,000 damaged ones and a synthetic CT, cut at several head
// lengths, the head's answer is either "read it whole" or exactly readDicom's on the whole file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../devices/random';
import { readDicom, readDicomHead } from '../../../src/main/imaging/dicom-file';
import { mutate } from '../../helpers/dicom-mutations';
import { writeSyntheticCt } from '../../helpers/synthetic-ct';
import { useTempDir } from '../../helpers/temp-dir';

const ROOT = '/usr/lib/python3/dist-packages/pydicom/data';
const HEADS = [64, 300, 1024, 4096, 65_536];
const tempDir = useTempDir('relais-dicom-head-');

const walk = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? (e.name === '__pycache__' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)],
    );

/** For each head length: null, or the whole file's answer. Returns how many heads told all. */
function sameAsWhole(bytes: Uint8Array, what: string): number {
  const whole = readDicom(bytes);
  let told = 0;
  for (const length of HEADS) {
    const fromHead = readDicomHead(bytes.subarray(0, length), bytes.length);
    if (fromHead === null) continue;
    expect(fromHead, `${what}, head of ${length} bytes`).toEqual(whole);
    told++;
  }
  return told;
}

describe('a DICOM file read from its head', () => {
  it('says what the whole file says, or asks for the whole file (pydicom corpus)', () => {
    const files = walk(ROOT).filter((f) => !f.endsWith('.py'));
    let told = 0;
    for (const file of files) told += sameAsWhole(new Uint8Array(fs.readFileSync(file)), path.relative(ROOT, file));
    console.log(`pydicom corpus: ${files.length} files, ${told} heads told all`);
    expect(told).toBeGreaterThan(50);
  });

  it('says what the whole file says, or asks for the whole file (1,000 damaged files)', () => {
    const random = mulberry32(20261124);
    const seeds = ['CT_small.dcm', 'MR_small.dcm', 'MR_small_bigendian.dcm', 'rtdose.dcm', 'image_dfl.dcm'].map(
      (name) => new Uint8Array(fs.readFileSync(path.join(ROOT, 'test_files', name))),
    );
    let told = 0;
    for (let i = 0; i < 1000; i++) {
      const { bytes, how } = mutate(seeds[i % seeds.length]!, random);
      told += sameAsWhole(bytes, `damaged file ${i} (${how})`);
    }
    expect(told).toBeGreaterThan(100);
  });

  it('reads a CT slice from its header alone, and a slice cut short whole', () => {
    const [file] = writeSyntheticCt(tempDir(), 1, 64);
    const bytes = new Uint8Array(fs.readFileSync(file!));
    const head = bytes.subarray(0, 1024);
    expect(readDicomHead(head, bytes.length)).toEqual(readDicom(bytes));
    expect(readDicomHead(head, bytes.length)).toMatchObject({ ok: true, instance: { image: { rows: 64, frames: 1 } } });
    // The same head, the file shorter than its pixels: read whole, and refused as cut short.
    const cut = bytes.subarray(0, bytes.length - 100);
    expect(readDicomHead(head, cut.length)).toBeNull();
    expect(readDicom(cut)).toMatchObject({ ok: false, reason: 'truncated' });
  });
});
