// Makes baseline JPEG DICOM files for tests: a native RGB image written by the station's writer,
// compressed by dcmtk's dcmcjpeg (Debian) as RGB or as YCbCr, then its JPEG markers edited as
// modalities write them: the JFIF APP0 or Adobe APP14 segment taken out, the component ids
// changed. Each edit keeps the stream decodable; only what it says of its colours changes.
import dicomParser from 'dicom-parser';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPLICIT_VR_LITTLE_ENDIAN, writePart10, type DicomElement } from '../../src/main/imaging/dicom-writer';

const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';
const JPEG_BASELINE = '1.2.840.10008.1.2.4.50';

/** The header of an 8-bit three-sample image, its Photometric Interpretation as given. */
function colourElements(size: number, photometric: string, uid: string): DicomElement[] {
  return [
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    { tag: 0x0020000d, vr: 'UI', value: `${uid}.1` },
    { tag: 0x0020000e, vr: 'UI', value: `${uid}.2` },
    { tag: 0x00280002, vr: 'US', value: 3 },
    { tag: 0x00280004, vr: 'CS', value: photometric },
    { tag: 0x00280006, vr: 'US', value: 0 },
    { tag: 0x00280010, vr: 'US', value: size },
    { tag: 0x00280011, vr: 'US', value: size },
    { tag: 0x00280100, vr: 'US', value: 8 },
    { tag: 0x00280101, vr: 'US', value: 8 },
    { tag: 0x00280102, vr: 'US', value: 7 },
    { tag: 0x00280103, vr: 'US', value: 0 },
  ];
}

export function nativeRgbFile(rgb: Uint8Array, size: number, uid: string): Uint8Array {
  const elements = colourElements(size, 'RGB', uid);
  return writePart10({
    sopClassUid: SECONDARY_CAPTURE,
    sopInstanceUid: `${uid}.3`,
    transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN,
    elements,
    pixels: { native: rgb },
  });
}

/** dcmcjpeg baseline (+eb): `rgb` keeps the colours as RGB (+cr: Adobe APP14 transform 0), else YCbCr 4:2:2 with JFIF. */
export function dcmcjpeg(native: Uint8Array, rgb: boolean): { stream: Uint8Array; photometric: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-jpeg-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.dcm'), native);
    execFileSync('dcmcjpeg', ['+eb', ...(rgb ? ['+cr'] : []), path.join(dir, 'in.dcm'), path.join(dir, 'out.dcm')]);
    const ds = dicomParser.parseDicom(new Uint8Array(fs.readFileSync(path.join(dir, 'out.dcm'))));
    const element = ds.elements.x7fe00010!;
    const stream = dicomParser
      .readEncapsulatedPixelDataFromFragments(ds, element, 0, element.fragments!.length)
      .slice();
    return { stream: stream.subarray(0, endOfImage(stream)), photometric: ds.string('x00280004')!.trim() };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const endOfImage = (stream: Uint8Array) => {
  for (let i = stream.length - 2; i >= 0; i--) if (stream[i] === 0xff && stream[i + 1] === 0xd9) return i + 2;
  return stream.length;
};

/** The marker segments before the scan's data: [marker, start, end) of each. */
function segments(stream: Uint8Array): { marker: number; start: number; end: number }[] {
  const out: { marker: number; start: number; end: number }[] = [];
  let at = 2;
  while (at + 4 <= stream.length) {
    const marker = stream[at + 1]!;
    const end = at + 2 + ((stream[at + 2]! << 8) | stream[at + 3]!);
    out.push({ marker, start: at, end });
    if (marker === 0xda) break;
    at = end;
  }
  return out;
}

/** The stream without its JFIF APP0 (0xe0) or Adobe APP14 (0xee) segment. */
export function withoutSegment(stream: Uint8Array, marker: 0xe0 | 0xee): Uint8Array {
  const found = segments(stream).find((s) => s.marker === marker);
  if (!found) throw new Error(`No 0xff${marker.toString(16)} segment in this stream.`);
  return new Uint8Array([...stream.subarray(0, found.start), ...stream.subarray(found.end)]);
}

/** The stream with its three components renamed `ids` in the frame header (SOF0) and the scan header (SOS). */
export function withComponentIds(stream: Uint8Array, ids: [number, number, number]): Uint8Array {
  const out = stream.slice();
  const all = segments(out);
  const sof = all.find((s) => s.marker === 0xc0)!;
  const sos = all.find((s) => s.marker === 0xda)!;
  const before = [0, 1, 2].map((c) => out[sof.start + 10 + c * 3]!);
  for (let c = 0; c < 3; c++) out[sof.start + 10 + c * 3] = ids[c]!;
  for (let c = 0; c < 3; c++) out[sos.start + 5 + c * 2] = ids[before.indexOf(out[sos.start + 5 + c * 2]!)]!;
  return out;
}

/** A baseline JPEG DICOM file holding `stream`, its header saying `photometric`. */
export function jpegFile(stream: Uint8Array, size: number, photometric: string, uid: string): Uint8Array {
  const elements = colourElements(size, photometric, uid);
  return writePart10({
    sopClassUid: SECONDARY_CAPTURE,
    sopInstanceUid: `${uid}.3`,
    transferSyntaxUid: JPEG_BASELINE,
    elements,
    pixels: { encapsulated: stream },
  });
}
