// 1,000 damaged DICOM files (cut short, bytes flipped, element lengths that lie), made from valid
// files of the pydicom corpus with a seeded generator: each is imported or refused with a reason;
// no exception escapes and none hangs the reader; the frames of those imported are decoded or
// refused with a reason, whatever the codec; no refusal carries a library's own wording.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../devices/random';
import { readDicom } from '../../../src/main/imaging/dicom-file';
import { readFrame } from '../../../src/main/imaging/pixel-frame';
import { LIBRARY_WORDING } from '../../helpers/library-wording';
import { mutate } from '../../helpers/dicom-mutations';

const DIR = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
// Native, deflated and headerless files, and each compressed syntax the station decodes.
const SEEDS = [
  'CT_small.dcm',
  'MR_small.dcm',
  'MR_small_implicit.dcm',
  'MR_small_bigendian.dcm',
  'image_dfl.dcm',
  'rtdose.dcm',
  'ExplVR_LitEndNoMeta.dcm',
  'reportsi.dcm',
  'MR_small_RLE.dcm',
  'MR_small_jp2klossless.dcm',
  'MR_small_jpeg_ls_lossless.dcm',
  'SC_rgb_small_odd_jpeg.dcm',
  'SC_rgb_rle_2frame.dcm',
];

describe('DICOM fuzzing', () => {
  it('reads 1,000 damaged files, and decodes what it imports, without an escaped exception', async () => {
    const random = mulberry32(20261123);
    const originals = SEEDS.map((name) => new Uint8Array(fs.readFileSync(path.join(DIR, name))));
    const counts: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) {
      const { bytes, how } = mutate(originals[i % originals.length]!, random);
      let result;
      try {
        result = readDicom(bytes);
      } catch (error) {
        throw new Error(`file ${i} (${SEEDS[i % SEEDS.length]}, ${how}) threw: ${(error as Error).message}`, {
          cause: error,
        });
      }
      if (!result.ok)
        expect(result.detail, `file ${i} (${SEEDS[i % SEEDS.length]}, ${how})`).not.toMatch(LIBRARY_WORDING);
      let key: string = result.ok ? 'imported' : result.reason;
      if (result.ok && result.instance.image) {
        // What was imported is also shown: every frame decoded, or refused with its reason.
        for (let frame = 0; frame < result.instance.image.frames && frame < 4; frame++) {
          let shown;
          try {
            shown = await readFrame(bytes, frame);
          } catch (error) {
            throw new Error(
              `file ${i} (${SEEDS[i % SEEDS.length]}, ${how}), frame ${frame} threw: ${(error as Error).message}`,
              { cause: error },
            );
          }
          if (!shown.ok) {
            expect(shown.detail, `file ${i} (${SEEDS[i % SEEDS.length]}, ${how}), frame ${frame}`).not.toMatch(
              LIBRARY_WORDING,
            );
            key = `imported, frame refused (${shown.reason})`;
          }
        }
      }
      counts[key] = (counts[key] ?? 0) + 1;
    }
    console.log(
      `DICOM fuzzing: 1000 damaged files: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Object.keys(counts).length).toBeGreaterThan(2); // the damage really produced refusals of several kinds
  });
});
