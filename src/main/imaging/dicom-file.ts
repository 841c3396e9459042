// Reads one DICOM file's header and what the import needs to index it (dicom-parser): the study,
// series and instance UIDs, the patient's demographics as the modality wrote them, the image
// geometry, and the transfer syntax. Any input may be garbage: every way a file can be wrong
// ends as a refusal with a reason a person can act on, never as a thrown error.
import dicomParser from 'dicom-parser';
import { inflateRawSync } from 'node:zlib';
import { decimals, integer, text, uint16 } from './dataset-values';
import { transferSyntax, type TransferSyntax } from './transfer-syntaxes';

export interface DicomInstance {
  sopClassUid: string;
  sopInstanceUid: string;
  studyInstanceUid: string;
  seriesInstanceUid: string;
  modality: string | null;
  transferSyntax: TransferSyntax;
  patient: { name: string | null; id: string | null; birthDate: string | null; sex: string | null };
  study: { date: string | null; description: string | null; accessionNumber: string | null };
  series: { number: number | null; description: string | null };
  instanceNumber: number | null;
  /** Null for objects that are not images (structured reports, RT plans, waveforms). */
  image: { rows: number; columns: number; frames: number; bitsAllocated: number; samplesPerPixel: number; photometric: string | null; slicePosition: number | null } | null;
}

export type DicomRefusal = 'not_dicom' | 'dicomdir' | 'truncated' | 'missing_uid' | 'unsupported_transfer_syntax' | 'unreadable';
export type DicomReadResult = { ok: true; instance: DicomInstance } | { ok: false; reason: DicomRefusal; detail: string };

const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';

const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;
const MEDIA_DIRECTORY = '1.2.840.10008.1.3.10';

/** Bytes of one native frame; 4:2:2 colour keeps one chroma pair for two pixels. */
function nativeFrameBytes(image: NonNullable<DicomInstance['image']>): number {
  const pixels = image.rows * image.columns;
  // Bits, not bytes: a segmentation stores one bit per pixel.
  const samples = image.photometric === 'YBR_FULL_422' || image.photometric === 'YBR_PARTIAL_422' ? 2 : image.samplesPerPixel;
  return Math.ceil((pixels * samples * image.bitsAllocated) / 8);
}

export const hasPreamble = (bytes: Uint8Array) => bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;

/** A deflated dataset: the meta header as it is, the rest inflated (RFC 1951, no zlib header). */
function inflate(bytes: Uint8Array, position: number): Uint8Array {
  // Bounded: a crafted stream could otherwise inflate to gigabytes.
  const inflated = inflateRawSync(bytes.subarray(position), { maxOutputLength: MAX_INFLATED_BYTES });
  const whole = new Uint8Array(position + inflated.length);
  whole.set(bytes.subarray(0, position), 0);
  whole.set(inflated, position);
  return whole;
}

/** The syntaxes a file without the Part 10 header may be in, most common first. */
const HEADERLESS_SYNTAXES = [IMPLICIT_LITTLE_ENDIAN, '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2'];
const SOP_INSTANCE_UID = 'x00080018';

/** Tries each syntax a file may be in; the one that yields a SOP Instance UID is the file's. */
function parseGuessing(bytes: Uint8Array, options: dicomParser.ParseDicomOptions): { ds: dicomParser.DataSet; syntaxUid: string } {
  let firstError: unknown = null;
  for (const syntaxUid of HEADERLESS_SYNTAXES) {
    try {
      const ds = dicomParser.parseDicom(bytes, { ...options, TransferSyntaxUID: syntaxUid });
      if (ds.elements[SOP_INSTANCE_UID]) return { ds, syntaxUid };
    } catch (error) {
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return { ds: dicomParser.parseDicom(bytes, { ...options, TransferSyntaxUID: IMPLICIT_LITTLE_ENDIAN }), syntaxUid: IMPLICIT_LITTLE_ENDIAN };
}

/** Parses a file with or without its Part 10 header; the syntax is returned when it had to be guessed. Throws on garbage. */
export function parseDataset(bytes: Uint8Array): { ds: dicomParser.DataSet; syntaxUid: string | null } {
  // Files written without the Part 10 header (old modalities, some CDs).
  if (!hasPreamble(bytes)) return parseGuessing(bytes, {});
  try {
    return { ds: dicomParser.parseDicom(bytes, { inflater: inflate }), syntaxUid: null };
  } catch (error) {
    // A header that forgot the transfer syntax (0002,0010): the dataset after it tells.
    if (!/0002,0010/.test(String((error as Error)?.message ?? error))) throw error;
    const meta = dicomParser.readPart10Header(bytes);
    const metaEnd = Math.max(132, ...Object.values(meta.elements).map((e) => e.dataOffset + e.length));
    return parseGuessing(bytes.subarray(metaEnd), {});
  }
}

/** Where the image lies along its stack's axis: Image Position projected on the normal of Image Orientation (PS3.3 C.7.6.2.1.1), else Slice Location. */
function slicePosition(ds: dicomParser.DataSet): number | null {
  const position = decimals(ds, 'x00200032');
  const orientation = decimals(ds, 'x00200037');
  if (position?.length === 3 && orientation?.length === 6) {
    const [rx, ry, rz, cx, cy, cz] = orientation as [number, number, number, number, number, number];
    const normal = [ry * cz - rz * cy, rz * cx - rx * cz, rx * cy - ry * cx] as const;
    return position[0]! * normal[0] + position[1]! * normal[1] + position[2]! * normal[2];
  }
  return decimals(ds, 'x00201041')?.[0] ?? null;
}

export function describeFailure(error: unknown): { reason: DicomRefusal; detail: string } {
  // dicom-parser throws strings, Errors, or objects carrying the exception and what it had read.
  const message = typeof error === 'string' ? error : error instanceof Error ? error.message : String((error as { exception?: unknown })?.exception ?? error);
  if (/overrun|overread|beyond|end of (the )?buffer|past end|not enough/i.test(message)) return { reason: 'truncated', detail: `The file ends before its data does (${message}).` };
  if (/DICM|prefix|preamble/i.test(message)) return { reason: 'not_dicom', detail: `This is not a DICOM file (${message}).` };
  return { reason: 'unreadable', detail: `The file could not be read as DICOM (${message}).` };
}

export function readDicom(bytes: Uint8Array): DicomReadResult {
  if (bytes.length < 8) return { ok: false, reason: 'not_dicom', detail: 'The file is too short to be DICOM.' };
  let ds: dicomParser.DataSet;
  let assumedSyntax: string | null;
  try {
    ({ ds, syntaxUid: assumedSyntax } = parseDataset(bytes));
  } catch (error) {
    return { ok: false, ...(hasPreamble(bytes) ? describeFailure(error) : { reason: 'not_dicom' as const, detail: 'This is not a DICOM file.' }) };
  }
  if (text(ds, 'x00020002') === MEDIA_DIRECTORY) {
    return { ok: false, reason: 'dicomdir', detail: 'A DICOMDIR (the index of a CD or USB drive): it lists the images, it is not one.' };
  }
  const syntaxUid = text(ds, 'x00020010') ?? assumedSyntax ?? IMPLICIT_LITTLE_ENDIAN;
  const syntax = transferSyntax(syntaxUid);
  const uids = { sopClassUid: text(ds, 'x00080016'), sopInstanceUid: text(ds, 'x00080018'), studyInstanceUid: text(ds, 'x0020000d'), seriesInstanceUid: text(ds, 'x0020000e') };
  const missing = Object.entries(uids).filter(([, v]) => !v).map(([k]) => k);
  // A file without the header and without these UIDs is most likely not DICOM at all.
  if (missing.length === 4 && !hasPreamble(bytes)) return { ok: false, reason: 'not_dicom', detail: 'No DICOM identifiers were found: this is not a DICOM file.' };
  if (missing.length > 0) return { ok: false, reason: 'missing_uid', detail: `The file lacks ${missing.join(', ')}: it cannot be placed in a study.` };
  if (!syntax.known) return { ok: false, reason: 'unsupported_transfer_syntax', detail: `Unknown transfer syntax ${syntaxUid}.` };
  const pixelData = ds.elements.x7fe00010;
  const rows = uint16(ds, 'x00280010');
  const columns = uint16(ds, 'x00280011');
  const image =
    pixelData && rows && columns
      ? { rows, columns, frames: integer(ds, 'x00280008') ?? 1, bitsAllocated: uint16(ds, 'x00280100') ?? 16, samplesPerPixel: uint16(ds, 'x00280002') ?? 1, photometric: text(ds, 'x00280004'), slicePosition: slicePosition(ds) }
      : null;
  // JPEG Extended carries 8 or 12 bits; the decoder here reads 8.
  if (image && syntax.uid === '1.2.840.10008.1.2.4.51' && image.bitsAllocated > 8) {
    return { ok: false, reason: 'unsupported_transfer_syntax', detail: 'The pixels are 12-bit JPEG (Extended), which this station cannot decode: ask for a lossless copy (JPEG Lossless or Explicit VR Little Endian).' };
  }
  if (image && !syntax.decodable) {
    return { ok: false, reason: 'unsupported_transfer_syntax', detail: `The pixels are encoded as ${syntax.name}, which this station cannot decode: ask for an uncompressed copy (Explicit VR Little Endian).` };
  }
  if (image && pixelData && !syntax.encapsulated && pixelData.length !== undefined) {
    // Native pixels: the element must hold every frame (a cut file often keeps a valid header).
    const expected = nativeFrameBytes(image) * image.frames;
    if (pixelData.dataOffset + Math.min(pixelData.length, expected) > ds.byteArray.length || pixelData.length < expected) {
      return { ok: false, reason: 'truncated', detail: `The pixel data holds ${pixelData.length} bytes where ${expected} are announced.` };
    }
  }
  return {
    ok: true,
    instance: {
      sopClassUid: uids.sopClassUid!,
      sopInstanceUid: uids.sopInstanceUid!,
      studyInstanceUid: uids.studyInstanceUid!,
      seriesInstanceUid: uids.seriesInstanceUid!,
      modality: text(ds, 'x00080060'),
      transferSyntax: syntax,
      patient: { name: text(ds, 'x00100010'), id: text(ds, 'x00100020'), birthDate: text(ds, 'x00100030'), sex: text(ds, 'x00100040') },
      study: { date: text(ds, 'x00080020'), description: text(ds, 'x00081030'), accessionNumber: text(ds, 'x00080050') },
      series: { number: integer(ds, 'x00200011'), description: text(ds, 'x0008103e') },
      instanceNumber: integer(ds, 'x00200013'),
      image,
    },
  };
}

