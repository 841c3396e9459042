// A refusal names the real cause, in the station's words: a header that declares Explicit VR
// Little Endian over a data set written in Implicit VR (DICOM PS3.5 (2024d) 7.1.2 and 7.1.3:
// the two encodings, told apart by the VR field) is not "truncated"; and no refusal carries a
// library's own message (dicom-parser's "readFixedString: attempt to read past end of buffer",
// a decoder's error number): each is translated into a sentence a person can act on.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDicom } from '../../../src/main/imaging/dicom-file';
import { readFrame } from '../../../src/main/imaging/pixel-frame';
import { LIBRARY_WORDING } from '../../helpers/library-wording';
import { explicitHeaderOverImplicitData } from '../../helpers/odd-dicom';

const FILES = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const file = (name: string) => new Uint8Array(fs.readFileSync(`${FILES}/${name}`));

describe('refusals name the real cause (PS3.5 7.1.2, 7.1.3)', () => {
  it('a header declaring Explicit VR over Implicit VR data is said so, on import and in the viewer', async () => {
    const wrong = explicitHeaderOverImplicitData(file('CT_small.dcm'));
    const read = readDicom(wrong);
    expect(read).toMatchObject({ ok: false, reason: 'syntax_mismatch' });
    if (read.ok) return;
    expect(read.detail).toMatch(/declares Explicit VR Little Endian.*written in Implicit VR Little Endian/);
    expect(read.detail).not.toMatch(LIBRARY_WORDING);
    const shown = await readFrame(wrong, 0);
    expect(shown).toMatchObject({ ok: false, detail: expect.stringMatching(/declares Explicit VR Little Endian/) });
    if (!shown.ok) expect(shown.reason).not.toBe('truncated');
  });

  it('a file cut short is truncated, in the station’s words', () => {
    const ct = file('CT_small.dcm');
    for (const end of [400, 900, ct.length - 1000]) {
      const read = readDicom(ct.subarray(0, end));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.detail, `cut at ${end}`).not.toMatch(LIBRARY_WORDING);
    }
    for (const name of ['MR_truncated.dcm', 'rtplan_truncated.dcm']) {
      expect(readDicom(file(name)), name).toMatchObject({
        ok: false,
        reason: 'truncated',
        detail: expect.not.stringMatching(LIBRARY_WORDING),
      });
    }
  });

  it('damaged compressed pixels are refused without the decoder’s own message', async () => {
    for (const name of [
      'MR_small_jp2klossless.dcm',
      'MR_small_jpeg_ls_lossless.dcm',
      'SC_rgb_small_odd_jpeg.dcm',
      'MR_small_RLE.dcm',
    ]) {
      const bytes = file(name).slice();
      for (let i = bytes.length - 600; i < bytes.length - 20; i += 3) bytes[i] = bytes[i]! ^ 0xa5;
      const shown = await readFrame(bytes, 0);
      if (!shown.ok) expect(shown.detail, name).not.toMatch(LIBRARY_WORDING);
    }
    const cut = file('MR_small_jp2klossless.dcm');
    const shown = await readFrame(cut.subarray(0, cut.length - 3000), 0);
    expect(shown.ok).toBe(false);
    if (!shown.ok) expect(shown.detail).not.toMatch(LIBRARY_WORDING);
  });
});
