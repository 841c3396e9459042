// A photo of the record (a camera still, a dermatoscope image) made DICOM for the hospital PACS:
// a Secondary Capture Image (PS3.3 A.8.1) in the patient's name, in its own study unless one is
// given. A JPEG goes in as it is (JPEG Baseline, encapsulated: no second compression); a PNG is
// decoded (pngjs) to native RGB, lossless. The patient identifier is the INS when qualified, else
// the station's own id, with its issuer, so that the PACS never files it under another patient.
import { PNG } from 'pngjs';
import { EXPLICIT_VR_LITTLE_ENDIAN, newUid, writePart10, type DicomElement } from './dicom-writer';

export const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';

export class PhotoError extends Error {}

export interface PhotoPatient {
  /** DICOM person name: FAMILY^GIVEN. */
  name: string;
  id: string;
  issuer: string;
  birthDate: string | null; // YYYYMMDD
  sex: 'M' | 'F' | 'O' | null;
}

/** Width, height and components of a baseline or progressive JPEG, from its SOF marker. */
export function jpegGeometry(
  bytes: Uint8Array,
): { width: number; height: number; components: number; precision: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        precision: bytes[at + 4]!,
        height: (bytes[at + 5]! << 8) | bytes[at + 6]!,
        width: (bytes[at + 7]! << 8) | bytes[at + 8]!,
        components: bytes[at + 9]!,
      };
    }
    at += 2 + length;
  }
  return null;
}

const da = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
const tm = (d: Date) => d.toISOString().slice(11, 19).replace(/:/g, '');

export function secondaryCapture(
  photo: { bytes: Uint8Array; mime: string; takenAt: Date; description: string },
  patient: PhotoPatient,
  study: { uid?: string; description: string } = { description: 'Photographies de téléconsultation' },
) {
  const common = (rows: number, columns: number): DicomElement[] => [
    // Latin-1: French descriptions carry accents (the writer encodes text as latin1).
    { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 100' },
    { tag: 0x00080020, vr: 'DA', value: da(photo.takenAt) },
    { tag: 0x00080030, vr: 'TM', value: tm(photo.takenAt) },
    { tag: 0x00080060, vr: 'CS', value: 'XC' }, // external-camera photography
    { tag: 0x00080064, vr: 'CS', value: 'WSD' }, // workstation
    { tag: 0x00081030, vr: 'LO', value: study.description.slice(0, 64) },
    { tag: 0x0008103e, vr: 'LO', value: photo.description.slice(0, 64) },
    { tag: 0x00100010, vr: 'PN', value: patient.name.slice(0, 64) },
    { tag: 0x00100020, vr: 'LO', value: patient.id.slice(0, 64) },
    { tag: 0x00100021, vr: 'LO', value: patient.issuer.slice(0, 64) },
    { tag: 0x00100030, vr: 'DA', value: patient.birthDate ?? '' },
    { tag: 0x00100040, vr: 'CS', value: patient.sex ?? '' },
    { tag: 0x0020000d, vr: 'UI', value: study.uid ?? newUid() },
    { tag: 0x0020000e, vr: 'UI', value: newUid() },
    { tag: 0x00200011, vr: 'IS', value: '1' },
    { tag: 0x00200013, vr: 'IS', value: '1' },
    { tag: 0x00280002, vr: 'US', value: 3 },
    { tag: 0x00280006, vr: 'US', value: 0 },
    { tag: 0x00280010, vr: 'US', value: rows },
    { tag: 0x00280011, vr: 'US', value: columns },
    { tag: 0x00280100, vr: 'US', value: 8 },
    { tag: 0x00280101, vr: 'US', value: 8 },
    { tag: 0x00280102, vr: 'US', value: 7 },
    { tag: 0x00280103, vr: 'US', value: 0 },
  ];
  const sopInstanceUid = newUid();
  if (photo.mime === 'image/jpeg') {
    const geometry = jpegGeometry(photo.bytes);
    if (!geometry || geometry.precision !== 8 || (geometry.components !== 3 && geometry.components !== 1))
      throw new PhotoError('This JPEG cannot be sent as it is (not an 8-bit colour or grey JPEG).');
    const elements = common(geometry.height, geometry.width).map((e) =>
      e.tag === 0x00280002 ? { ...e, value: geometry.components } : e,
    );
    elements.push({ tag: 0x00280004, vr: 'CS', value: geometry.components === 3 ? 'YBR_FULL_422' : 'MONOCHROME2' });
    return {
      sopInstanceUid,
      bytes: writePart10({
        sopClassUid: SECONDARY_CAPTURE,
        sopInstanceUid,
        transferSyntaxUid: JPEG_BASELINE,
        elements,
        pixels: { encapsulated: photo.bytes },
      }),
    };
  }
  if (photo.mime === 'image/png') {
    let png: PNG;
    try {
      png = PNG.sync.read(Buffer.from(photo.bytes));
    } catch (error) {
      throw new PhotoError(`This PNG cannot be read (${(error as Error).message}).`);
    }
    // RGBA to RGB: the alpha of a camera still is opaque.
    const rgb = new Uint8Array(png.width * png.height * 3);
    for (let p = 0; p < png.width * png.height; p++) rgb.set(png.data.subarray(p * 4, p * 4 + 3), p * 3);
    const elements = [...common(png.height, png.width), { tag: 0x00280004, vr: 'CS' as const, value: 'RGB' }];
    return {
      sopInstanceUid,
      bytes: writePart10({
        sopClassUid: SECONDARY_CAPTURE,
        sopInstanceUid,
        transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN,
        elements,
        pixels: { native: rgb },
      }),
    };
  }
  throw new PhotoError(`Only photos (JPEG or PNG) go to the PACS, not ${photo.mime}.`);
}
