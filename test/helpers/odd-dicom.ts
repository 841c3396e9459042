// Makes DICOM files that are wrong in the ways modalities and CD burners get them wrong, for the
// tests that check what the station says of them: a Number of Frames that cannot be read over
// pixel data holding several frames, and a header that declares Explicit VR over a data set
// written in Implicit VR. Built with the station's writer, then edited byte by byte.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXPLICIT_VR_LITTLE_ENDIAN, writePart10, type DicomElement } from '../../src/main/imaging/dicom-writer';

const SECONDARY_CAPTURE = '1.2.840.10008.5.1.4.1.1.7';

/**
 * A multi-frame 8-bit greyscale image, its Number of Frames as given: frame f holds 10 * (f + 1)
 * everywhere, or with `noisy` that plus a seeded noise of 0 to 15 (which compresses to several kilobytes).
 */
export function multiFrameFile(options: {
  frames: number;
  size: number;
  uid: string;
  numberOfFrames: string;
  extraBytes?: number;
  noisy?: boolean;
}): Uint8Array {
  const { frames, size, uid } = options;
  const pixels = new Uint8Array(frames * size * size + (options.extraBytes ?? 0));
  let seed = 20261206;
  for (let f = 0; f < frames; f++) {
    for (let i = f * size * size; i < (f + 1) * size * size; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      pixels[i] = 10 * (f + 1) + (options.noisy ? (seed >> 16) & 15 : 0);
    }
  }
  const elements: DicomElement[] = [
    { tag: 0x00080060, vr: 'CS', value: 'OT' },
    { tag: 0x0020000d, vr: 'UI', value: `${uid}.1` },
    { tag: 0x0020000e, vr: 'UI', value: `${uid}.2` },
    { tag: 0x00280002, vr: 'US', value: 1 },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280008, vr: 'IS', value: options.numberOfFrames },
    { tag: 0x00280010, vr: 'US', value: size },
    { tag: 0x00280011, vr: 'US', value: size },
    { tag: 0x00280100, vr: 'US', value: 8 },
    { tag: 0x00280101, vr: 'US', value: 8 },
    { tag: 0x00280102, vr: 'US', value: 7 },
    { tag: 0x00280103, vr: 'US', value: 0 },
  ];
  return writePart10({
    sopClassUid: SECONDARY_CAPTURE,
    sopInstanceUid: `${uid}.3`,
    transferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN,
    elements,
    pixels: { native: pixels },
  });
}

/** The file with its Number of Frames' value replaced by `text` of the same length (the rest of the file unmoved). */
export function withNumberOfFrames(bytes: Uint8Array, text: string): Uint8Array {
  const out = bytes.slice();
  for (let at = 132; at + 8 < out.length; at++) {
    if (
      out[at] === 0x28 &&
      out[at + 1] === 0x00 &&
      out[at + 2] === 0x08 &&
      out[at + 3] === 0x00 &&
      out[at + 4] === 0x49 &&
      out[at + 5] === 0x53
    ) {
      const length = out[at + 6]! | (out[at + 7]! << 8);
      if (text.length !== length) throw new Error(`Number of Frames holds ${length} bytes; give ${length}.`);
      out.set(Buffer.from(text, 'latin1'), at + 8);
      return out;
    }
  }
  throw new Error('No Number of Frames (0028,0008) in this file.');
}

/** dcmcjpeg, JPEG Lossless (+el), each frame cut into 1 KB fragments, the Basic Offset Table left empty (-ot). */
export function fragmentedJpegLossless(native: Uint8Array): Uint8Array {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-frames-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.dcm'), native);
    execFileSync('dcmcjpeg', ['+el', '-ot', '+fs', '1', path.join(dir, 'in.dcm'), path.join(dir, 'out.dcm')]);
    return new Uint8Array(fs.readFileSync(path.join(dir, 'out.dcm')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const LONG_LENGTH_VRS = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN']);

/**
 * The file with its data set re-encoded in Implicit VR Little Endian (tag, 32-bit length, value)
 * while its meta header still declares Explicit VR Little Endian: what some CD burners write.
 */
export function explicitHeaderOverImplicitData(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const datasetStart = 132 + 12 + view.getUint32(140, true);
  const parts: Uint8Array[] = [bytes.subarray(0, datasetStart)];
  for (let at = datasetStart; at < bytes.length;) {
    const vr = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!);
    const long = LONG_LENGTH_VRS.has(vr);
    const length = long ? view.getUint32(at + 8, true) : view.getUint16(at + 6, true);
    const valueAt = at + (long ? 12 : 8);
    if (length === 0xffffffff) throw new Error('Undefined lengths are not re-encoded here.');
    const element = new Uint8Array(8 + length);
    element.set(bytes.subarray(at, at + 4), 0);
    new DataView(element.buffer).setUint32(4, length, true);
    element.set(bytes.subarray(valueAt, valueAt + length), 8);
    parts.push(element);
    at = valueAt + length;
  }
  return new Uint8Array(Buffer.concat(parts));
}
