// Say what is not shown. A Number of Frames (0028,0008) that cannot be read (an IS that is no
// positive integer, DICOM PS3.5 (2024d) 6.2) over pixel data holding several frames: the frames
// are counted in the pixel data (native: whole frames; compressed: the fragments that open a
// frame, PS3.5 A.4: "each frame shall be encoded separately", a JPEG frame opening with SOI),
// all shown, and what makes no whole frame is said. Files made here with the station's writer
// and dcmtk's dcmcjpeg, their Number of Frames then made unreadable.
import dicomParser from 'dicom-parser';
import { describe, expect, it } from 'vitest';
import { readDicom } from '../../../src/main/imaging/dicom-file';
import { readFrame } from '../../../src/main/imaging/pixel-frame';
import { fragmentedJpegLossless, multiFrameFile, withNumberOfFrames } from '../../helpers/odd-dicom';

const SIZE = 32;
const UID = '1.2.826.0.1.3680043.10.1234.160';

async function valueOfFrame(bytes: Uint8Array, index: number): Promise<number> {
  const shown = await readFrame(bytes, index);
  if (!shown.ok) throw new Error(`frame ${index}: ${shown.reason}: ${shown.detail}`);
  return shown.frame.data[SIZE * 16 + 16]!;
}

describe('a Number of Frames that cannot be read (PS3.5 6.2, A.4)', () => {
  it('native pixels holding four frames: all four imported and shown, and said to be counted', async () => {
    const file = withNumberOfFrames(
      multiFrameFile({ frames: 4, size: SIZE, uid: `${UID}.1`, numberOfFrames: '4 ' }),
      'x ',
    );
    expect(readDicom(file)).toMatchObject({ ok: true, instance: { image: { frames: 4 } } });
    expect(await Promise.all([0, 1, 2, 3].map((f) => valueOfFrame(file, f)))).toEqual([10, 20, 30, 40]);
    expect(await readFrame(file, 0)).toMatchObject({ ok: true, frame: { frames: 4, framesCounted: { unshown: 0 } } });
  });

  it('native pixels holding three frames and a half: three shown, the incomplete one said', async () => {
    const file = withNumberOfFrames(
      multiFrameFile({ frames: 3, size: SIZE, uid: `${UID}.2`, numberOfFrames: '3 ', extraBytes: (SIZE * SIZE) / 2 }),
      '? ',
    );
    expect(readDicom(file)).toMatchObject({ ok: true, instance: { image: { frames: 3 } } });
    expect(await readFrame(file, 2)).toMatchObject({ ok: true, frame: { frames: 3, framesCounted: { unshown: 1 } } });
    expect(await readFrame(file, 3)).toMatchObject({
      ok: false,
      reason: 'no_such_frame',
      detail: expect.stringContaining('incomplete'),
    });
  });

  it('JPEG Lossless frames cut into several fragments with no offset table: each frame found by its SOI', async () => {
    const native = multiFrameFile({ frames: 3, size: 64, uid: `${UID}.3`, numberOfFrames: '3 ', noisy: true });
    const file = withNumberOfFrames(fragmentedJpegLossless(native), '  ');
    const pixelData = dicomParser.parseDicom(file).elements.x7fe00010!;
    expect(pixelData.fragments!.length).toBeGreaterThan(3); // frames do span several fragments
    expect(pixelData.basicOffsetTable).toEqual([]);
    expect(readDicom(file)).toMatchObject({
      ok: true,
      instance: { image: { frames: 3 }, transferSyntax: { name: 'JPEG Lossless' } },
    });
    for (const f of [0, 1, 2]) {
      const [shown, original] = [await readFrame(file, f), await readFrame(native, f)];
      if (!shown.ok || !original.ok) throw new Error(`frame ${f}`);
      expect(Buffer.from(shown.frame.data).equals(Buffer.from(original.frame.data)), `frame ${f}`).toBe(true);
    }
  });

  it('a readable Number of Frames is kept, and nothing is said', async () => {
    const file = multiFrameFile({ frames: 2, size: SIZE, uid: `${UID}.4`, numberOfFrames: '2 ' });
    expect(await readFrame(file, 1)).toMatchObject({ ok: true, frame: { frames: 2, framesCounted: null } });
  });
});
