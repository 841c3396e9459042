// Each frame says how the patient lies in it, for the viewer's left/right markers: from Image
// Orientation (Patient) (DICOM PS3.3 C.7.6.2.1.1), else Patient Orientation (PS3.3 C.7.6.1.1.1),
// else nothing (no marker rather than a guessed one).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPLICIT_VR_LITTLE_ENDIAN, writePart10 } from '../../../src/main/imaging/dicom-writer';
import { readFrame } from '../../../src/main/imaging/pixel-frame';

const FILES = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
const file = (name: string) => new Uint8Array(fs.readFileSync(`${FILES}/${name}`));

function radiograph(patientOrientation: string): Uint8Array {
  return writePart10({
    sopClassUid: '1.2.840.10008.5.1.4.1.1.1',
    sopInstanceUid: '1.2.826.0.1.3680043.10.1234.170.3',
    transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN,
    elements: [
      { tag: 0x00080060, vr: 'CS', value: 'CR' },
      { tag: 0x0020000d, vr: 'UI', value: '1.2.826.0.1.3680043.10.1234.170.1' },
      { tag: 0x0020000e, vr: 'UI', value: '1.2.826.0.1.3680043.10.1234.170.2' },
      { tag: 0x00200020, vr: 'CS', value: patientOrientation },
      { tag: 0x00280002, vr: 'US', value: 1 },
      { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
      { tag: 0x00280010, vr: 'US', value: 4 },
      { tag: 0x00280011, vr: 'US', value: 4 },
      { tag: 0x00280100, vr: 'US', value: 8 },
      { tag: 0x00280101, vr: 'US', value: 8 },
      { tag: 0x00280102, vr: 'US', value: 7 },
      { tag: 0x00280103, vr: 'US', value: 0 },
    ],
    pixels: { native: new Uint8Array(16) },
  });
}

describe('frame orientation (PS3.3 C.7.6.2.1.1, C.7.6.1.1.1)', () => {
  it('a CT slice: from its Image Orientation (Patient)', async () => {
    expect(await readFrame(file('CT_small.dcm'), 0)).toMatchObject({
      ok: true,
      frame: { orientation: { row: 'L', column: 'P' } },
    });
  });

  it('a radiograph: from its Patient Orientation (one made here, and Archibald Doe’s chest CR of pydicom’s DICOMDIR set)', async () => {
    expect(await readFrame(radiograph('A\\F'), 0)).toMatchObject({
      ok: true,
      frame: { orientation: { row: 'A', column: 'F' } },
    });
    expect(await readFrame(file('dicomdirtests/77654033/CR1/6154'), 0)).toMatchObject({
      ok: true,
      frame: { orientation: { row: 'L', column: 'F' } },
    });
  });

  it('no orientation written: none given', async () => {
    expect(await readFrame(file('SC_rgb_small_odd.dcm'), 0)).toMatchObject({ ok: true, frame: { orientation: null } });
    expect(await readFrame(radiograph('??'), 0)).toMatchObject({ ok: true, frame: { orientation: null } });
  });
});
