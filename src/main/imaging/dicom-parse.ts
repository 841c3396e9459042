// Parses a DICOM file's data set (dicom-parser), with or without its Part 10 header, and says
// in the station's own words why one cannot be parsed: dicom-parser's messages ("readFixedString:
// attempt to read past end of buffer") never reach a person. A header whose transfer syntax
// contradicts how the data set is written (Explicit VR declared over Implicit VR data, PS3.5
// 7.1.2 and 7.1.3) is told apart from a file cut short: it is named, not called truncated.
import dicomParser from 'dicom-parser';
import { inflateRawSync } from 'node:zlib';
import { transferSyntax } from './transfer-syntaxes';

export type ParseRefusal = 'not_dicom' | 'truncated' | 'syntax_mismatch' | 'unreadable';

const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';
const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
/** The syntaxes a data set may be written in when its header does not say, most common first. */
const PLAIN_SYNTAXES = [IMPLICIT_LITTLE_ENDIAN, '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2'];
const SOP_INSTANCE_UID = 'x00080018';

/** The header declares one syntax and the data set is written in another. */
export class SyntaxMismatchError extends Error {
  constructor(
    readonly declared: string,
    readonly actual: string,
  ) {
    super(`declared ${declared}, written ${actual}`);
  }
}

export const hasPreamble = (bytes: Uint8Array) =>
  bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;

/** A deflated dataset: the meta header as it is, the rest inflated (RFC 1951, no zlib header). */
function inflate(bytes: Uint8Array, position: number): Uint8Array {
  // Bounded: a crafted stream could otherwise inflate to gigabytes.
  const inflated = inflateRawSync(bytes.subarray(position), { maxOutputLength: MAX_INFLATED_BYTES });
  const whole = new Uint8Array(position + inflated.length);
  whole.set(bytes.subarray(0, position), 0);
  whole.set(inflated, position);
  return whole;
}

/** The syntax of `syntaxes` that reads the data set to a SOP Instance UID, if one does. */
function syntaxThatReads(
  bytes: Uint8Array,
  syntaxes: string[],
): { ds: dicomParser.DataSet; syntaxUid: string } | { error: unknown } {
  let firstError: unknown = null;
  for (const syntaxUid of syntaxes) {
    try {
      const ds = dicomParser.parseDicom(bytes, { TransferSyntaxUID: syntaxUid });
      if (ds.elements[SOP_INSTANCE_UID]) return { ds, syntaxUid };
    } catch (error) {
      firstError ??= error;
    }
  }
  return { error: firstError };
}

/** A data set without its header: the syntax that reads it; else Implicit VR, or the first failure. */
function parseGuessing(bytes: Uint8Array): { ds: dicomParser.DataSet; syntaxUid: string } {
  const found = syntaxThatReads(bytes, PLAIN_SYNTAXES);
  if ('ds' in found) return found;
  if (found.error) throw found.error;
  return {
    ds: dicomParser.parseDicom(bytes, { TransferSyntaxUID: IMPLICIT_LITTLE_ENDIAN }),
    syntaxUid: IMPLICIT_LITTLE_ENDIAN,
  };
}

/** Where the meta header ends and what syntax it declares; null when it cannot be read. */
function metaHeader(bytes: Uint8Array): { end: number; syntax: string | null } | null {
  try {
    const meta = dicomParser.readPart10Header(bytes);
    const end = Math.max(132, ...Object.values(meta.elements).map((e) => e.dataOffset + e.length));
    return { end, syntax: meta.string('x00020010')?.replace(/\0/g, '').trim() || null };
  } catch {
    return null;
  }
}

/**
 * When the data set does not read in its declared syntax: the plain syntax it does read in, if
 * another. Only the plain syntaxes are tried; a compressed or deflated file keeps its first failure.
 */
function otherSyntaxThatReads(bytes: Uint8Array): SyntaxMismatchError | null {
  const meta = metaHeader(bytes);
  if (!meta?.syntax || !PLAIN_SYNTAXES.includes(meta.syntax)) return null;
  const found = syntaxThatReads(
    bytes.subarray(meta.end),
    PLAIN_SYNTAXES.filter((uid) => uid !== meta.syntax),
  );
  return 'ds' in found ? new SyntaxMismatchError(meta.syntax, found.syntaxUid) : null;
}

/** Parses a file with or without its Part 10 header; the syntax is returned when it had to be guessed. Throws on garbage. */
export function parseDataset(bytes: Uint8Array): { ds: dicomParser.DataSet; syntaxUid: string | null } {
  // Files written without the Part 10 header (old modalities, some CDs).
  if (!hasPreamble(bytes)) return parseGuessing(bytes);
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes, { inflater: inflate });
  } catch (error) {
    // A header that forgot the transfer syntax (0002,0010): the dataset after it tells.
    if (/0002,0010/.test(String(messageOf(error)))) return parseGuessing(bytes.subarray(metaHeader(bytes)?.end ?? 132));
    throw otherSyntaxThatReads(bytes) ?? error;
  }
  // Parsed, yet without its identifiers: perhaps read in a syntax it is not written in.
  if (!ds.elements[SOP_INSTANCE_UID]) {
    const mismatch = otherSyntaxThatReads(bytes);
    if (mismatch) throw mismatch;
  }
  return { ds, syntaxUid: null };
}

/** dicom-parser throws strings, Errors, or objects carrying the exception and what it had read. */
function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  return String((error as { exception?: unknown })?.exception ?? error);
}

/** Why a file could not be parsed, in the station's words (never the library's). */
export function describeFailure(error: unknown, bytes: Uint8Array): { reason: ParseRefusal; detail: string } {
  if (error instanceof SyntaxMismatchError) {
    const [declared, actual] = [transferSyntax(error.declared).name, transferSyntax(error.actual).name];
    return {
      reason: 'syntax_mismatch',
      detail: `The file's header declares ${declared}, but its data set is written in ${actual}: the file contradicts itself and is not read. Ask whoever made the disc or export for a corrected copy.`,
    };
  }
  if (!hasPreamble(bytes)) {
    return {
      reason: 'not_dicom',
      detail: 'This is not a DICOM file: it has no DICOM header, and no DICOM encoding reads it.',
    };
  }
  const message = messageOf(error);
  if (
    /past end|overr(un|ead)|beyond|end of (the )?buffer|cannot be greater than or equal to|maxPosition|not enough|maxOutputLength|unexpected end/i.test(
      message,
    )
  ) {
    return {
      reason: 'truncated',
      detail:
        'The file ends before its data does: it was cut short (an incomplete copy?). Copy it again from the disc, or ask for a new copy.',
    };
  }
  if (/DICM|prefix|preamble/i.test(message))
    return {
      reason: 'not_dicom',
      detail: 'This is not a DICOM file: the DICM mark is missing after its 128-byte preamble.',
    };
  if (/inflat|deflat|zlib|invalid (stored|block|code|distance)/i.test(message)) {
    return {
      reason: 'unreadable',
      detail:
        "The file's data set is compressed (deflated) and could not be inflated: the file is damaged. Ask for a new copy.",
    };
  }
  if (/item|sequence|delimit/i.test(message))
    return {
      reason: 'unreadable',
      detail: 'A sequence in the file is malformed: its items cannot be read. Ask for a new copy.',
    };
  return {
    reason: 'unreadable',
    detail: 'The file is not valid DICOM: one of its elements cannot be read. Ask for a new copy.',
  };
}
