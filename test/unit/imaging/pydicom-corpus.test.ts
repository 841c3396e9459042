// Every file of Debian's python3-pydicom test data (read from its install path, as data) either
// imports or is refused with a specific reason; none throws. Prints the counts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicom } from '../../../src/main/imaging/dicom-file';
import { readFrame } from '../../../src/main/imaging/pixel-frame';

const ROOT = '/usr/lib/python3/dist-packages/pydicom/data';
const walk = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? (e.name === '__pycache__' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)],
    );

describe('the pydicom test corpus', () => {
  it('is installed (apt-get install python3-pydicom)', () => {
    expect(
      fs.existsSync(path.join(ROOT, 'test_files', 'CT_small.dcm')),
      `${ROOT} is missing: install python3-pydicom`,
    ).toBe(true);
  });

  it('imports each file or refuses it with a specific reason, and never throws', () => {
    const files = walk(ROOT).filter((f) => !f.endsWith('.py'));
    const counts: Record<string, number> = {};
    const results = new Map<string, ReturnType<typeof readDicom>>();
    for (const file of files) {
      const result = readDicom(new Uint8Array(fs.readFileSync(file)));
      results.set(path.relative(ROOT, file), result);
      const key = result.ok ? 'imported' : result.reason;
      counts[key] = (counts[key] ?? 0) + 1;
      if (!result.ok) expect(result.detail.length).toBeGreaterThan(20);
    }
    console.log(
      `pydicom corpus: ${files.length} files: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    const of = (name: string) => results.get(`test_files/${name}`)!;

    expect(of('CT_small.dcm')).toMatchObject({
      ok: true,
      instance: {
        modality: 'CT',
        image: { rows: 128, columns: 128 },
        transferSyntax: { name: 'Explicit VR Little Endian' },
      },
    });
    expect(of('image_dfl.dcm')).toMatchObject({
      ok: true,
      instance: { transferSyntax: { name: 'Deflated Explicit VR Little Endian' } },
    });
    expect(of('MR_small_bigendian.dcm')).toMatchObject({
      ok: true,
      instance: { modality: 'MR', image: { rows: 64, columns: 64 } },
    });
    expect(of('ExplVR_LitEndNoMeta.dcm')).toMatchObject({ ok: true }); // no Part 10 header: its syntax is found
    expect(of('liver_1frame.dcm')).toMatchObject({ ok: true, instance: { image: { bitsAllocated: 1 } } });
    expect(of('reportsi.dcm')).toMatchObject({ ok: true, instance: { image: null } }); // a structured report, not an image
    expect(of('MR_small_RLE.dcm')).toMatchObject({ ok: true, instance: { transferSyntax: { name: 'RLE Lossless' } } });
    expect(of('JPEG2000.dcm')).toMatchObject({ ok: true, instance: { transferSyntax: { name: 'JPEG 2000' } } });
    expect(of('JPGExtended.dcm')).toMatchObject({
      ok: false,
      reason: 'unsupported_transfer_syntax',
      detail: expect.stringContaining('12-bit JPEG'),
    });
    expect(of('MR_truncated.dcm')).toMatchObject({ ok: false, reason: 'truncated' });
    expect(of('dicomdirtests/DICOMDIR')).toMatchObject({ ok: false, reason: 'dicomdir' });
    expect(of('README.txt')).toMatchObject({ ok: false, reason: 'not_dicom' });
    expect(counts.imported).toBeGreaterThan(100);
  });

  it('shows the first frame of every image it imports, or says why it cannot', async () => {
    const counts: Record<string, number> = {};
    const refused: string[] = [];
    for (const file of walk(ROOT).filter((f) => !f.endsWith('.py'))) {
      const bytes = new Uint8Array(fs.readFileSync(file));
      const read = readDicom(bytes);
      if (!read.ok || !read.instance.image) continue;
      const shown = await readFrame(bytes, 0);
      const key = shown.ok ? 'shown' : shown.reason;
      counts[key] = (counts[key] ?? 0) + 1;
      if (!shown.ok) refused.push(`${path.relative(ROOT, file)}: ${shown.detail}`);
      else
        expect(shown.frame.data.length).toBe(
          shown.frame.rows *
            shown.frame.columns *
            (shown.frame.colour === 'rgb'
              ? 3
              : { uint8: 1, int8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4 }[shown.frame.sampleType]),
        );
    }
    console.log(
      `pydicom corpus, first frames: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}\n  ${refused.join('\n  ')}`,
    );
    expect(counts.shown).toBeGreaterThanOrEqual(88);
    // Refused: the two 1-bit segmentations, and a JPEG 2000 file whose fragments hold a stray
    // sequence delimiter (pydicom's own edge case) that cuts its codestream.
    expect(refused.map((r) => r.split(':')[0]).sort()).toEqual([
      'test_files/JPEG2000-embedded-sequence-delimiter.dcm',
      'test_files/liver_1frame.dcm',
      'test_files/liver_expb_1frame.dcm',
    ]);
  });
});
