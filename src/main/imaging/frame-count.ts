// How many frames a file's pixel data holds, and where each compressed one lies. Number of
// Frames (0028,0008) says, when it can be read (an IS holding a positive integer, PS3.5 6.2).
// When it is absent or cannot be read, the pixel data is counted: whole native frames; for
// compressed pixels the Basic Offset Table's entries, else the fragments that open a frame (a
// JPEG stream's SOI, a JPEG 2000 codestream's SOC and SIZ; one fragment per RLE frame, PS3.5
// A.4.2). What is left that makes no whole frame is counted as not shown, to be said.
import type dicomParser from 'dicom-parser';
import { text } from './dataset-values';
import type { TransferSyntax } from './transfer-syntaxes';

export interface FrameCount {
  /** The frames that can be shown. */
  frames: number;
  /** Set when Number of Frames could not be read (or was absent over several frames): counted in the pixel data. */
  counted: { unshown: number } | null;
}

const RLE = '1.2.840.10008.1.2.5';
const J2K = new Set(['1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91']);

/** Number of Frames when it holds a positive integer; null when absent or unreadable. */
export function declaredFrames(ds: dicomParser.DataSet): number | null {
  const value = text(ds, 'x00280008');
  return value !== null && /^\+?\d+$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

/** Does this fragment open a frame: a JPEG's SOI, a JPEG 2000 codestream's SOC then SIZ. */
function opensFrame(bytes: Uint8Array, syntaxUid: string): boolean {
  if (syntaxUid === RLE) return true;
  if (J2K.has(syntaxUid)) return bytes[0] === 0xff && bytes[1] === 0x4f && bytes[2] === 0xff && bytes[3] === 0x51;
  return bytes[0] === 0xff && bytes[1] === 0xd8;
}

/** The indices of the fragments that open a frame, in order. */
export function frameStarts(ds: dicomParser.DataSet, element: dicomParser.Element, syntaxUid: string): number[] {
  const starts: number[] = [];
  (element.fragments ?? []).forEach((fragment, i) => {
    if (opensFrame(ds.byteArray.subarray(fragment.position, fragment.position + 4), syntaxUid)) starts.push(i);
  });
  return starts;
}

export function countFrames(
  ds: dicomParser.DataSet,
  element: dicomParser.Element,
  syntax: TransferSyntax,
  frameBytes: number,
  /** The whole file's length, when only its head was parsed. */
  fileLength: number = ds.byteArray.length,
): FrameCount {
  const declared = declaredFrames(ds);
  if (declared !== null) return { frames: declared, counted: null };
  const unreadable = text(ds, 'x00280008') !== null;
  let found: number;
  let unshown = 0;
  if (syntax.encapsulated) {
    const table = element.basicOffsetTable ?? [];
    found = table.length > 0 ? table.length : Math.max(1, frameStarts(ds, element, syntax.uid).length);
  } else if (frameBytes <= 0) {
    found = 1;
  } else {
    const length = Math.min(element.length, fileLength - element.dataOffset);
    found = Math.max(1, Math.floor(length / frameBytes));
    // A value of odd length is padded with one byte (PS3.5 7.1.1): more than that is a frame cut short.
    if (length >= frameBytes && length - found * frameBytes > 1) unshown = 1;
  }
  // Absent over a single frame is the common case (PS3.3: single-frame images carry none): nothing to say.
  if (!unreadable && found === 1 && unshown === 0) return { frames: 1, counted: null };
  return { frames: found, counted: { unshown } };
}
