// Photos made DICOM for the PACS read back as what they were: a JPEG kept byte for byte inside
// (no second compression), a PNG as exact RGB; the patient's name and identifier written; a
// file that is no photo refused with a reason.
import dicomParser from 'dicom-parser';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readDicom } from '../../../src/main/imaging/dicom-file';
import { readFrame } from '../../../src/main/imaging/pixel-frame';
import {
  jpegGeometry,
  PhotoError,
  SECONDARY_CAPTURE,
  secondaryCapture,
} from '../../../src/main/imaging/secondary-capture';

const PATIENT = {
  name: 'LE BIHAN^MARCEL',
  id: '151062912345678',
  issuer: '1.2.250.1.213.1.4.8',
  birthDate: '19510630',
  sex: 'M' as const,
};
const TAKEN = new Date('2026-11-23T10:12:00Z');

/** The JPEG inside one of pydicom's test files: a real baseline colour JPEG to start from. */
function sampleJpeg(): Uint8Array {
  const ds = dicomParser.parseDicom(
    new Uint8Array(fs.readFileSync('/usr/lib/python3/dist-packages/pydicom/data/test_files/SC_rgb_jpeg_dcmtk.dcm')),
  );
  const el = ds.elements.x7fe00010!;
  return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, el.fragments!.length).slice();
}

describe('secondary capture', () => {
  it('puts a JPEG inside as it is, in the patient’s name, and it decodes as the original', async () => {
    const jpeg = sampleJpeg();
    expect(jpegGeometry(jpeg)).toEqual({ width: 100, height: 100, components: 3, precision: 8 });
    const { bytes, sopInstanceUid } = secondaryCapture(
      { bytes: jpeg, mime: 'image/jpeg', takenAt: TAKEN, description: 'Plaie du talon' },
      PATIENT,
    );
    expect(sopInstanceUid).toMatch(/^2\.25\.\d+$/);
    const read = readDicom(bytes);
    expect(read).toMatchObject({
      ok: true,
      instance: {
        sopClassUid: SECONDARY_CAPTURE,
        sopInstanceUid,
        modality: 'XC',
        patient: { name: 'LE BIHAN^MARCEL', id: '151062912345678', birthDate: '19510630', sex: 'M' },
        transferSyntax: { name: 'JPEG Baseline (8-bit)' },
        image: { rows: 100, columns: 100 },
      },
    });
    const ds = dicomParser.parseDicom(bytes);
    expect(ds.string('x00100021')).toBe('1.2.250.1.213.1.4.8');
    const el = ds.elements.x7fe00010!;
    expect(
      Buffer.from(dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, el.fragments!.length))
        .subarray(0, jpeg.length)
        .equals(Buffer.from(jpeg)),
    ).toBe(true);
    const shown = await readFrame(bytes, 0);
    const original = await readFrame(
      new Uint8Array(fs.readFileSync('/usr/lib/python3/dist-packages/pydicom/data/test_files/SC_rgb_jpeg_dcmtk.dcm')),
      0,
    );
    if (!shown.ok || !original.ok) throw new Error('frames');
    expect(Buffer.from(shown.frame.data).equals(Buffer.from(original.frame.data))).toBe(true);
  });

  it('makes a PNG exact RGB', async () => {
    const png = new PNG({ width: 3, height: 2 });
    const colours = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
      [10, 20, 30],
      [200, 100, 50],
      [0, 0, 0],
    ];
    colours.forEach(([r, g, b], p) => png.data.set([r!, g!, b!, 255], p * 4));
    const { bytes } = secondaryCapture(
      { bytes: new Uint8Array(PNG.sync.write(png)), mime: 'image/png', takenAt: TAKEN, description: 'Dermatoscope' },
      PATIENT,
    );
    const shown = await readFrame(bytes, 0);
    expect(shown).toMatchObject({ ok: true, frame: { colour: 'rgb', rows: 2, columns: 3 } });
    if (shown.ok) expect(Array.from(shown.frame.data)).toEqual(colours.flat());
  });

  it('refuses what is not a photo it can carry', () => {
    expect(() =>
      secondaryCapture(
        { bytes: new Uint8Array([1, 2, 3]), mime: 'image/jpeg', takenAt: TAKEN, description: 'x' },
        PATIENT,
      ),
    ).toThrow(PhotoError);
    expect(() =>
      secondaryCapture(
        { bytes: new Uint8Array([1, 2, 3]), mime: 'image/png', takenAt: TAKEN, description: 'x' },
        PATIENT,
      ),
    ).toThrow(/PNG cannot be read/);
    expect(() =>
      secondaryCapture(
        { bytes: new Uint8Array([1, 2, 3]), mime: 'application/pdf', takenAt: TAKEN, description: 'x' },
        PATIENT,
      ),
    ).toThrow(/Only photos/);
  });
});
