// The pixels the viewer shows, whatever the transfer syntax: Debian's pydicom test files (values
// checked against pydicom 2.3.1's pixel_array for the same files), the same image in every
// syntax it ships, and the native CT recompressed by dcmtk (Debian) into each lossless syntax,
// which must decode to exactly the same values. Lossy JPEG is compared within a tolerance.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrame, type PixelFrame } from '../../../src/main/imaging/pixel-frame';
import { readDicom } from '../../../src/main/imaging/dicom-file';

const FILES = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const file = (name: string) => new Uint8Array(fs.readFileSync(path.join(FILES, name)));

async function frame(bytes: Uint8Array, index = 0): Promise<PixelFrame> {
  const result = await readFrame(bytes, index);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.frame;
}

function values(f: PixelFrame): ArrayLike<number> {
  const buffer = f.data.buffer.slice(f.data.byteOffset, f.data.byteOffset + f.data.byteLength);
  switch (f.sampleType) {
    case 'int16':
      return new Int16Array(buffer);
    case 'uint16':
      return new Uint16Array(buffer);
    case 'int32':
      return new Int32Array(buffer);
    case 'uint32':
      return new Uint32Array(buffer);
    case 'int8':
      return new Int8Array(buffer);
    default:
      return new Uint8Array(buffer);
  }
}

const stats = (v: ArrayLike<number>) => {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < v.length; i++) {
    min = Math.min(min, v[i]!);
    max = Math.max(max, v[i]!);
    sum += v[i]!;
  }
  return { min, max, mean: sum / v.length };
};

describe('greyscale frames, as pydicom reads them', () => {
  it('CT: signed stored values, rescaled to Hounsfield units, with the pixel spacing', async () => {
    const ct = await frame(file('CT_small.dcm'));
    expect(ct).toMatchObject({
      rows: 128,
      columns: 128,
      colour: 'grey',
      sampleType: 'int16',
      inverted: false,
      rescale: { slope: 1, intercept: -1024, unit: 'HU' },
      pixelSpacing: [0.661468, 0.661468],
      frames: 1,
    });
    const v = values(ct);
    expect([v[0], v[1000]]).toEqual([175, 1193]);
    expect(stats(v)).toEqual({ min: 128, max: 2191, mean: expect.closeTo(904.9261474609375, 9) });
  });

  it('MR: the modality’s window kept', async () => {
    const mr = await frame(file('MR_small.dcm'));
    expect(mr).toMatchObject({
      rows: 64,
      columns: 64,
      sampleType: 'int16',
      window: { center: 600, width: 1600 },
      pixelSpacing: [0.3125, 0.3125],
      rescale: { unit: null },
    });
    expect(stats(values(mr))).toEqual({ min: 127, max: 2145, mean: expect.closeTo(518.88134765625, 9) });
  });

  it('a multi-frame dose grid of 32-bit values, frame by frame', async () => {
    const dose = file('rtdose.dcm');
    const first = await frame(dose, 0);
    expect(first).toMatchObject({ rows: 10, columns: 10, frames: 15, sampleType: 'uint32' });
    expect(values(first)[0]).toBe(1249000);
    const last = await frame(dose, 14);
    expect(values(last).length).toBe(100);
    expect(await readFrame(dose, 15)).toMatchObject({ ok: false, reason: 'no_such_frame' });
  });

  it('the same MR image in every syntax pydicom ships decodes to the same values', async () => {
    const reference = Array.from(values(await frame(file('MR_small.dcm'))));
    for (const twin of [
      'MR_small_bigendian.dcm',
      'MR_small_expb.dcm',
      'MR_small_implicit.dcm',
      'MR_small_padded.dcm',
      'MR_small_RLE.dcm',
      'MR_small_jp2klossless.dcm',
      'MR_small_jpeg_ls_lossless.dcm',
    ]) {
      expect(Array.from(values(await frame(file(twin)))), twin).toEqual(reference);
    }
  });
});

describe('colour frames, as RGB bytes', () => {
  const rgbAt = (f: PixelFrame, row: number, column: number) =>
    Array.from(f.data.subarray((row * f.columns + column) * 3, (row * f.columns + column) * 3 + 3));

  it('RLE colour, 8 and 16 bits, and its second frame', async () => {
    const rle = await frame(file('SC_rgb_rle.dcm'));
    expect(rle).toMatchObject({ colour: 'rgb', rows: 100, columns: 100 });
    expect([rgbAt(rle, 0, 0), rgbAt(rle, 10, 10)]).toEqual([
      [255, 0, 0],
      [255, 128, 128],
    ]);
    const wide = await frame(file('SC_rgb_rle_16bit.dcm'));
    expect([rgbAt(wide, 0, 0), rgbAt(wide, 10, 10)]).toEqual([
      [255, 0, 0],
      [255, 128, 128],
    ]);
    const second = await frame(file('SC_rgb_rle_2frame.dcm'), 1);
    expect(rgbAt(second, 0, 0)).toEqual([0, 255, 255]); // the second frame is the first inverted
  });

  it('native YBR_FULL_422 turned into RGB', async () => {
    const ybr = await frame(file('SC_ybr_full_422_uncompressed.dcm'));
    const [r, g, b] = rgbAt(ybr, 10, 10);
    expect(r).toBeGreaterThan(250);
    expect(Math.abs(g! - 128)).toBeLessThanOrEqual(3);
    expect(Math.abs(b! - 128)).toBeLessThanOrEqual(6);
  });

  it('JPEG baseline colour within a few levels of the uncompressed image', async () => {
    const plain = await frame(file('SC_rgb_small_odd.dcm'));
    const jpeg = await frame(file('SC_rgb_small_odd_jpeg.dcm'));
    expect([jpeg.rows, jpeg.columns]).toEqual([plain.rows, plain.columns]);
    let worst = 0;
    for (let i = 0; i < plain.data.length; i++) worst = Math.max(worst, Math.abs(plain.data[i]! - jpeg.data[i]!));
    expect(worst).toBeLessThanOrEqual(40);
  });
});

describe('the CT recompressed by dcmtk into each lossless syntax', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-dcmtk-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const encoders: [string, string, string[]][] = [
    ['JPEG Lossless, first-order prediction', 'dcmcjpeg', ['+e1']],
    ['JPEG Lossless', 'dcmcjpeg', ['+el']],
    ['JPEG-LS Lossless', 'dcmcjpls', ['+el']],
    ['RLE Lossless', 'dcmcrle', []],
  ];
  for (const [syntax, tool, options] of encoders) {
    it(`${syntax} (${tool} ${options.join(' ')}) decodes to the very same values`, async () => {
      const out = path.join(dir, `${syntax.replace(/\W+/g, '-')}.dcm`);
      execFileSync(tool, [...options, path.join(FILES, 'CT_small.dcm'), out]);
      const encoded = new Uint8Array(fs.readFileSync(out));
      expect(readDicom(encoded)).toMatchObject({ ok: true, instance: { transferSyntax: { name: syntax } } });
      expect(Array.from(values(await frame(encoded)))).toEqual(Array.from(values(await frame(file('CT_small.dcm')))));
    });
  }
});

describe('frames that cannot be shown say why', () => {
  it('a report has no image, a truncated file no pixels, garbage no dataset', async () => {
    expect(await readFrame(file('reportsi.dcm'), 0)).toMatchObject({ ok: false, reason: 'not_an_image' });
    const ct = file('CT_small.dcm');
    expect(await readFrame(ct.subarray(0, ct.length - 1000), 0)).toMatchObject({ ok: false, reason: 'truncated' });
    expect(await readFrame(new Uint8Array(300).fill(7), 0)).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await readFrame(file('liver_1frame.dcm'), 0)).toMatchObject({
      ok: false,
      reason: 'unsupported_pixels',
      detail: expect.stringContaining('1 bit'),
    });
  });

  it('a compressed stream cut or scrambled is refused, and the decoder still works after', async () => {
    const j2k = file('MR_small_jp2klossless.dcm');
    const scrambled = j2k.slice();
    for (let i = j2k.length - 2000; i < j2k.length - 100; i += 7) scrambled[i] = scrambled[i]! ^ 0x5a;
    const result = await readFrame(scrambled, 0);
    if (!result.ok) expect(result.reason).toBe('corrupt_pixels');
    expect((await readFrame(j2k, 0)).ok).toBe(true);
    const rle = file('MR_small_RLE.dcm');
    expect(await readFrame(rle.subarray(0, rle.length - 500), 0)).toMatchObject({ ok: false });
  });
});
