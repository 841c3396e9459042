// JPEG 2000 pixels whose codestream's signedness (its SIZ marker) disagrees with the header's
// Pixel Representation (0028,0103): the codestream is decoded as it says, then its samples mean
// what the header says they mean. DICOM PS3.5 (2024d) 8.2.4 requires the Pixel Representation to
// describe the pixel data; pydicom 2.3.1 (pixel_data_handlers/pillow_handler.py, "Convert unsigned
// J2K data to 2's complement") reads such files the same way. Files made here: OpenJPEG encodes
// the samples losslessly with the signedness chosen apart from the header's.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrame, type PixelFrame } from '../../../src/main/imaging/pixel-frame';
import { encodeJ2k, j2kCtFile } from '../../helpers/j2k-file';

const SIZE = 64;

async function shown(bytes: Uint8Array): Promise<PixelFrame> {
  const result = await readFrame(bytes, 0);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.frame;
}

const samplesOf = (frame: PixelFrame) =>
  frame.sampleType === 'int16' ? new Int16Array(frame.data.slice().buffer) : new Uint16Array(frame.data.slice().buffer);

/** A CT slice in Hounsfield units: padding outside the field of view, air, brain, a bone ring. */
function ctSlice(): Int16Array {
  const values = new Int16Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const r = Math.hypot(x - SIZE / 2, y - SIZE / 2) / (SIZE / 2);
      values[y * SIZE + x] = r > 1 ? -2000 : r > 0.8 ? -1000 : r > 0.7 ? 1000 : 40;
    }
  }
  return values;
}

describe('JPEG 2000: the header’s Pixel Representation decides the sign (DICOM PS3.5 8.2.4)', () => {
  it('a signed CT whose codestream says unsigned keeps its air and padding negative', async () => {
    const hu = ctSlice();
    const file = j2kCtFile(await encodeJ2k(hu, SIZE, SIZE, false), SIZE, 1, '1.2.826.0.1.3680043.10.1234.140');
    const frame = await shown(file);
    expect(frame.sampleType).toBe('int16');
    const values = samplesOf(frame);
    expect([values[0], values[SIZE * 32 + 4], values[SIZE * 32 + 32]]).toEqual([-2000, -1000, 40]);
    expect(Array.from(values)).toEqual(Array.from(hu));
  });

  it('an unsigned image whose codestream says signed keeps its values above 32767', async () => {
    const bright = new Uint16Array(SIZE * SIZE).map((_, i) => (i % 2 ? 60000 : 1200));
    const file = j2kCtFile(await encodeJ2k(bright, SIZE, SIZE, true), SIZE, 0, '1.2.826.0.1.3680043.10.1234.141');
    const frame = await shown(file);
    expect(frame.sampleType).toBe('uint16');
    expect(Array.from(samplesOf(frame))).toEqual(Array.from(bright));
  });

  it('pydicom’s own mismatch file (J2K_pixelrep_mismatch.dcm) reads as pydicom 2.3.1 reads it', async () => {
    const file = new Uint8Array(
      fs.readFileSync('/usr/lib/python3/dist-packages/pydicom/data/test_files/J2K_pixelrep_mismatch.dcm'),
    );
    const values = samplesOf(await shown(file));
    let [min, max] = [Infinity, -Infinity];
    for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
    // pydicom: ds.pixel_array.min(), .max(), [0, 0] and [256, 256] of this 512 x 512 CT.
    expect([min, max, values[0], values[256 * 512 + 256]]).toEqual([-2000, 1896, -2000, 27]);
  });

  it('a codestream and header that agree are read as before', async () => {
    const hu = ctSlice();
    const file = j2kCtFile(await encodeJ2k(hu, SIZE, SIZE, true), SIZE, 1, '1.2.826.0.1.3680043.10.1234.142');
    expect(Array.from(samplesOf(await shown(file)))).toEqual(Array.from(hu));
  });
});
