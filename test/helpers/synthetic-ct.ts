// Writes a synthetic CT series for the imaging bench and the e2e, with the station's own DICOM
// writer: Part 10 files, Explicit VR Little Endian, 512 x 512 slices of 16-bit pixels (a smooth head-like phantom with noise), with the study,
// series and instance identifiers and the geometry a viewer needs. Not clinical data.
import fs from 'node:fs';
import path from 'node:path';
import { EXPLICIT_VR_LITTLE_ENDIAN, writePart10, type DicomElement } from '../../src/main/imaging/dicom-writer';

const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

function slicePixels(size: number, z: number, slices: number): Buffer {
  const pixels = Buffer.alloc(size * size * 2);
  const c = size / 2;
  const zr = Math.sin((Math.PI * (z + 0.5)) / slices);
  let seed = z * 7919 + 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, (y - c) * 1.2) / (c * 0.9 * Math.max(zr, 0.2));
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 21) - 10;
      // Air outside, a skull ring, brain inside (stored values with rescale intercept -1024).
      const hu = r > 1 ? -1000 : r > 0.92 ? 1200 : 35 + noise;
      pixels.writeUInt16LE(Math.max(0, Math.min(65535, hu + 1024)), (y * size + x) * 2);
    }
  }
  return pixels;
}

/** `uidRoot` makes the study, series and instance UIDs: two series written with the same root are the same images. */
/** The patient the synthetic CT's DICOM name (BENCH^CEREBRAL) is filed under, as a station creates her. */
export const SYNTHETIC_CT_PATIENT = {
  birthName: 'Bench',
  firstName: 'Cerebral',
  birthDate: '1950-01-01',
  sex: 'M',
  birthplaceCode: '29019',
  identityStatus: 'PROV',
} as const;

export function writeSyntheticCt(
  folder: string,
  slices = 300,
  size = 512,
  patientName = 'BENCH^CEREBRAL',
  uidRoot = '1.2.826.0.1.3680043.10.1234',
): string[] {
  fs.mkdirSync(folder, { recursive: true });
  const root = uidRoot;
  const study = `${root}.1`;
  const series = `${root}.2`;
  const files: string[] = [];
  for (let z = 0; z < slices; z++) {
    const sop = `${root}.3.${z + 1}`;
    const elements: DicomElement[] = [
      { tag: 0x00080020, vr: 'DA', value: '20261123' },
      { tag: 0x00080060, vr: 'CS', value: 'CT' },
      { tag: 0x00081030, vr: 'LO', value: 'Scanner cerebral sans injection' },
      { tag: 0x00100010, vr: 'PN', value: patientName },
      { tag: 0x00100020, vr: 'LO', value: `ID-${patientName.replace(/\W+/g, '').slice(0, 20)}` },
      { tag: 0x0020000d, vr: 'UI', value: study },
      { tag: 0x0020000e, vr: 'UI', value: series },
      { tag: 0x00200011, vr: 'IS', value: '1' },
      { tag: 0x00200013, vr: 'IS', value: String(z + 1) },
      { tag: 0x00200032, vr: 'DS', value: `-125\\-125\\${(z * 0.625).toFixed(3)}` },
      { tag: 0x00200037, vr: 'DS', value: '1\\0\\0\\0\\1\\0' },
      { tag: 0x00280002, vr: 'US', value: 1 },
      { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
      { tag: 0x00280010, vr: 'US', value: size },
      { tag: 0x00280011, vr: 'US', value: size },
      { tag: 0x00280030, vr: 'DS', value: '0.488\\0.488' },
      { tag: 0x00280100, vr: 'US', value: 16 },
      { tag: 0x00280101, vr: 'US', value: 16 },
      { tag: 0x00280102, vr: 'US', value: 15 },
      { tag: 0x00280103, vr: 'US', value: 0 },
      { tag: 0x00281050, vr: 'DS', value: '40' },
      { tag: 0x00281051, vr: 'DS', value: '80' },
      { tag: 0x00281052, vr: 'DS', value: '-1024' },
      { tag: 0x00281053, vr: 'DS', value: '1' },
    ];
    const bytes = writePart10({
      sopClassUid: CT_IMAGE_STORAGE,
      sopInstanceUid: sop,
      transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN,
      elements,
      pixels: { native: slicePixels(size, z, slices), vr: 'OW' },
    });
    const file = path.join(folder, `CT${String(z + 1).padStart(4, '0')}.dcm`);
    fs.writeFileSync(file, bytes);
    files.push(file);
  }
  return files;
}
