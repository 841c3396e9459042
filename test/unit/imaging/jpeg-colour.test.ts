// The colours of a three-component baseline JPEG: YCbCr is turned into RGB only when the stream
// is YCbCr. What the stream says decides first (ITU-T T.871, JFIF: always YCbCr; ITU-T T.872,
// Adobe APP14: its transform flag, 0 RGB, 1 YCbCr); a stream that says nothing is what the
// header's Photometric Interpretation says (DICOM PS3.5 (2024d) 8.2.1: the Data Elements describe
// the compressed stream; RGB when no colour transformation was applied, YBR_FULL_422 for YCbCr).
// libjpeg decides from the same markers (jdapimin.c, default_decompress_parms) and guesses from
// the component ids only when both are absent: that guess is what turned near-white RGB magenta.
// Files made here: a near-white image compressed by dcmtk's dcmcjpeg, its markers then edited.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFrame } from '../../../src/main/imaging/pixel-frame';
import { dcmcjpeg, jpegFile, nativeRgbFile, withComponentIds, withoutSegment } from '../../helpers/jpeg-file';

const SIZE = 64;
const UID = '1.2.826.0.1.3680043.10.1234.150';
const JFIF = 0xe0;
const ADOBE = 0xee;

/** A near-white page (a scanned form, a report's background) with a faint warm gradient. */
function nearWhite(): Uint8Array {
  const rgb = new Uint8Array(SIZE * SIZE * 3);
  for (let p = 0; p < SIZE * SIZE; p++) rgb.set([250, 246 - ((p % SIZE) >> 4), 238], p * 3);
  return rgb;
}

/** The largest difference of any sample from the image before compression. */
async function worstDifference(file: Uint8Array, original: Uint8Array): Promise<number> {
  const shown = await readFrame(file, 0);
  if (!shown.ok) throw new Error(`${shown.reason}: ${shown.detail}`);
  let worst = 0;
  for (let i = 0; i < original.length; i++) worst = Math.max(worst, Math.abs(shown.frame.data[i]! - original[i]!));
  return worst;
}

describe('baseline JPEG colour: the markers, then the Photometric Interpretation (PS3.5 8.2.1, T.871, T.872)', () => {
  const original = nearWhite();
  const native = nativeRgbFile(original, SIZE, UID);
  const rgb = dcmcjpeg(native, true);
  const ycbcr = dcmcjpeg(native, false);

  it('dcmcjpeg made what the cases below start from', () => {
    expect(rgb.photometric).toBe('RGB');
    expect(ycbcr.photometric).toBe('YBR_FULL_422');
  });

  it('RGB with no JFIF or Adobe marker and component ids 1, 2, 3, header RGB: not converted (stays near-white)', async () => {
    const bare = withComponentIds(withoutSegment(rgb.stream, ADOBE), [1, 2, 3]);
    expect(await worstDifference(jpegFile(bare, SIZE, 'RGB', `${UID}.1`), original)).toBeLessThanOrEqual(6);
  });

  it('RGB with no marker and component ids 0, 1, 2, header RGB: not converted', async () => {
    const bare = withComponentIds(withoutSegment(rgb.stream, ADOBE), [0, 1, 2]);
    expect(await worstDifference(jpegFile(bare, SIZE, 'RGB', `${UID}.2`), original)).toBeLessThanOrEqual(6);
  });

  it('RGB with its Adobe marker (transform 0): not converted, even under a header saying YBR_FULL_422', async () => {
    expect(await worstDifference(jpegFile(rgb.stream, SIZE, 'RGB', `${UID}.3`), original)).toBeLessThanOrEqual(6);
    expect(await worstDifference(jpegFile(rgb.stream, SIZE, 'YBR_FULL_422', `${UID}.4`), original)).toBeLessThanOrEqual(
      6,
    );
  });

  it('YCbCr with its JFIF marker: converted, whatever the header says', async () => {
    expect(
      await worstDifference(jpegFile(ycbcr.stream, SIZE, 'YBR_FULL_422', `${UID}.5`), original),
    ).toBeLessThanOrEqual(8);
    expect(await worstDifference(jpegFile(ycbcr.stream, SIZE, 'RGB', `${UID}.6`), original)).toBeLessThanOrEqual(8);
  });

  it('pydicom’s SC_jpeg_no_color_transform.dcm (RGB, no marker, ids 0, 1, 2) and its _2 (Adobe, transform 0) stay near-white', async () => {
    // pydicom 2.3.1's pixel_array: mean R, G, B of 243.98, 243.98, 243.96 and 245.5, 245.52, 245.9.
    const expected = {
      'SC_jpeg_no_color_transform.dcm': [243.98, 243.98, 243.96],
      'SC_jpeg_no_color_transform_2.dcm': [245.5, 245.52, 245.9],
    };
    for (const [name, means] of Object.entries(expected)) {
      const shown = await readFrame(
        new Uint8Array(fs.readFileSync(`/usr/lib/python3/dist-packages/pydicom/data/test_files/${name}`)),
        0,
      );
      if (!shown.ok) throw new Error(shown.detail);
      const sums = [0, 0, 0];
      shown.frame.data.forEach((v, i) => (sums[i % 3]! += v));
      const pixels = shown.frame.rows * shown.frame.columns;
      sums.forEach((sum, c) => expect(sum / pixels, `${name}, channel ${c}`).toBeCloseTo(means[c]!, 0));
    }
  });

  it('YCbCr with no marker, header YBR_FULL_422: converted, whatever its component ids', async () => {
    const bare = withoutSegment(ycbcr.stream, JFIF);
    expect(await worstDifference(jpegFile(bare, SIZE, 'YBR_FULL_422', `${UID}.7`), original)).toBeLessThanOrEqual(8);
    const named = withComponentIds(bare, [0x52, 0x47, 0x42]); // 'R', 'G', 'B': libjpeg alone would take it for RGB
    expect(await worstDifference(jpegFile(named, SIZE, 'YBR_FULL_422', `${UID}.8`), original)).toBeLessThanOrEqual(8);
  });
});
