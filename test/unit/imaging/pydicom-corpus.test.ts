// Every file of Debian's python3-pydicom test data (read from its install path, as data) either
// imports or is refused with a specific reason; none throws. Prints the counts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDicom } from '../../../src/main/imaging/dicom-file';

const ROOT = '/usr/lib/python3/dist-packages/pydicom/data';
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === '__pycache__' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)]));

describe('the pydicom test corpus', () => {
  it('is installed (apt-get install python3-pydicom)', () => {
    expect(fs.existsSync(path.join(ROOT, 'test_files', 'CT_small.dcm')), `${ROOT} is missing: install python3-pydicom`).toBe(true);
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
    console.log(`pydicom corpus: ${files.length} files: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
    const of = (name: string) => results.get(`test_files/${name}`)!;

    expect(of('CT_small.dcm')).toMatchObject({ ok: true, instance: { modality: 'CT', image: { rows: 128, columns: 128 }, transferSyntax: { name: 'Explicit VR Little Endian' } } });
    expect(of('image_dfl.dcm')).toMatchObject({ ok: true, instance: { transferSyntax: { name: 'Deflated Explicit VR Little Endian' } } });
    expect(of('MR_small_bigendian.dcm')).toMatchObject({ ok: true, instance: { modality: 'MR', image: { rows: 64, columns: 64 } } });
    expect(of('ExplVR_LitEndNoMeta.dcm')).toMatchObject({ ok: true }); // no Part 10 header: its syntax is found
    expect(of('liver_1frame.dcm')).toMatchObject({ ok: true, instance: { image: { bitsAllocated: 1 } } });
    expect(of('reportsi.dcm')).toMatchObject({ ok: true, instance: { image: null } }); // a structured report, not an image
    expect(of('MR_small_RLE.dcm')).toMatchObject({ ok: false, reason: 'unsupported_transfer_syntax', detail: expect.stringContaining('RLE Lossless') });
    expect(of('JPEG2000.dcm')).toMatchObject({ ok: false, reason: 'unsupported_transfer_syntax', detail: expect.stringContaining('JPEG 2000') });
    expect(of('MR_truncated.dcm')).toMatchObject({ ok: false, reason: 'truncated' });
    expect(of('dicomdirtests/DICOMDIR')).toMatchObject({ ok: false, reason: 'dicomdir' });
    expect(of('README.txt')).toMatchObject({ ok: false, reason: 'not_dicom' });
    expect(counts.imported).toBeGreaterThan(100);
  });
});
