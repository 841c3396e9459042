// Reads one DICOM file's header and what the import needs to index it (dicom-parser): the study,
// series and instance UIDs, the patient's demographics as the modality wrote them, the image
// geometry, and the transfer syntax. Any input may be garbage: every way a file can be wrong
// ends as a refusal with a reason a person can act on, never as a thrown error.
import dicomParser from 'dicom-parser';
import { decimals, integer, text, uint16 } from './dataset-values';
import { describeFailure, hasPreamble, parseDataset, type ParseRefusal } from './dicom-parse';
import { countFrames } from './frame-count';
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
  image: {
    rows: number;
    columns: number;
    frames: number;
    bitsAllocated: number;
    samplesPerPixel: number;
    photometric: string | null;
    slicePosition: number | null;
  } | null;
}

export type DicomRefusal = ParseRefusal | 'dicomdir' | 'missing_uid' | 'unsupported_transfer_syntax';
export type DicomReadResult =
  { ok: true; instance: DicomInstance } | { ok: false; reason: DicomRefusal; detail: string };

const IMPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2';
const MEDIA_DIRECTORY = '1.2.840.10008.1.3.10';
const DEFLATED = '1.2.840.10008.1.2.1.99';
const PIXEL_DATA = 'x7fe00010';

/** Bytes of one native frame; 4:2:2 colour keeps one chroma pair for two pixels. */
function nativeFrameBytes(
  image: Pick<
    NonNullable<DicomInstance['image']>,
    'rows' | 'columns' | 'bitsAllocated' | 'samplesPerPixel' | 'photometric'
  >,
): number {
  const pixels = image.rows * image.columns;
  // Bits, not bytes: a segmentation stores one bit per pixel.
  const samples =
    image.photometric === 'YBR_FULL_422' || image.photometric === 'YBR_PARTIAL_422' ? 2 : image.samplesPerPixel;
  return Math.ceil((pixels * samples * image.bitsAllocated) / 8);
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

export function readDicom(bytes: Uint8Array): DicomReadResult {
  if (bytes.length < 8) return { ok: false, reason: 'not_dicom', detail: 'The file is too short to be DICOM.' };
  let ds: dicomParser.DataSet;
  let assumedSyntax: string | null;
  try {
    ({ ds, syntaxUid: assumedSyntax } = parseDataset(bytes));
  } catch (error) {
    return { ok: false, ...describeFailure(error, bytes) };
  }
  return describe(ds, assumedSyntax, bytes, ds.byteArray.length);
}

/**
 * A file read from its head (its first bytes) and its size, when the head tells all readDicom
 * would: a Part 10 file whose header, up to native pixel data of a stated length that ends the
 * file, lies in the head. Then the pixels are not read (nothing in them is parsed). Null
 * when the whole file must be read (compressed or deflated pixels, no Part 10 header, a header
 * longer than the head, anything odd): readDicom on the whole says what it is. A scan thus reads
 * each image's header only, and the import reads the file once, to hash and seal it.
 */
export function readDicomHead(head: Uint8Array, fileSize: number): DicomReadResult | null {
  if (head.length >= fileSize) return readDicom(head);
  if (!hasPreamble(head)) return null;
  let ds: dicomParser.DataSet;
  try {
    ds = dicomParser.parseDicom(head, {
      untilTag: PIXEL_DATA,
      inflater: () => {
        throw new Error('deflated: read whole');
      },
    });
  } catch {
    return null;
  }
  const pixelData = ds.elements[PIXEL_DATA];
  const syntax = transferSyntax(text(ds, 'x00020010') ?? '');
  if (!pixelData || pixelData.hadUndefinedLength || !syntax.known || syntax.encapsulated || syntax.uid === DEFLATED)
    return null;
  // Without its identifiers it may be read in a syntax it is not written in; a file shorter
  // than its pixels was cut; anything after the pixels (padding, a signature, garbage) must be
  // parsed: the whole read says which, in its words. Pixels that end the file are the rule.
  if (!ds.elements.x00080018 || pixelData.dataOffset + pixelData.length !== fileSize) return null;
  return describe(ds, null, head, fileSize);
}

/**
 * What a parsed data set is. `bytes`: the file as read (or its head); `fileLength`: the data
 * set's whole length (the inflated one for a deflated file; the file's size when only its head
 * was parsed).
 */
function describe(
  ds: dicomParser.DataSet,
  assumedSyntax: string | null,
  bytes: Uint8Array,
  fileLength: number,
): DicomReadResult {
  if (text(ds, 'x00020002') === MEDIA_DIRECTORY) {
    return {
      ok: false,
      reason: 'dicomdir',
      detail: 'A DICOMDIR (the index of a CD or USB drive): it lists the images, it is not one.',
    };
  }
  const syntaxUid = text(ds, 'x00020010') ?? assumedSyntax ?? IMPLICIT_LITTLE_ENDIAN;
  const syntax = transferSyntax(syntaxUid);
  const uids = {
    sopClassUid: text(ds, 'x00080016'),
    sopInstanceUid: text(ds, 'x00080018'),
    studyInstanceUid: text(ds, 'x0020000d'),
    seriesInstanceUid: text(ds, 'x0020000e'),
  };
  const missing = Object.entries(uids)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  // A file without the header and without these UIDs is most likely not DICOM at all.
  if (missing.length === 4 && !hasPreamble(bytes))
    return { ok: false, reason: 'not_dicom', detail: 'No DICOM identifiers were found: this is not a DICOM file.' };
  if (missing.length > 0)
    return {
      ok: false,
      reason: 'missing_uid',
      detail: `The file lacks ${missing.join(', ')}: it cannot be placed in a study.`,
    };
  if (!syntax.known)
    return { ok: false, reason: 'unsupported_transfer_syntax', detail: `Unknown transfer syntax ${syntaxUid}.` };
  const pixelData = ds.elements.x7fe00010;
  const rows = uint16(ds, 'x00280010');
  const columns = uint16(ds, 'x00280011');
  const geometry = {
    rows: rows ?? 0,
    columns: columns ?? 0,
    bitsAllocated: uint16(ds, 'x00280100') ?? 16,
    samplesPerPixel: uint16(ds, 'x00280002') ?? 1,
    photometric: text(ds, 'x00280004'),
  };
  const image =
    pixelData && rows && columns
      ? {
          ...geometry,
          frames: countFrames(ds, pixelData, syntax, nativeFrameBytes(geometry), fileLength).frames,
          slicePosition: slicePosition(ds),
        }
      : null;
  // JPEG Extended carries 8 or 12 bits; the decoder here reads 8.
  if (image && syntax.uid === '1.2.840.10008.1.2.4.51' && image.bitsAllocated > 8) {
    return {
      ok: false,
      reason: 'unsupported_transfer_syntax',
      detail:
        'The pixels are 12-bit JPEG (Extended), which this station cannot decode: ask for a lossless copy (JPEG Lossless or Explicit VR Little Endian).',
    };
  }
  if (image && !syntax.decodable) {
    return {
      ok: false,
      reason: 'unsupported_transfer_syntax',
      detail: `The pixels are encoded as ${syntax.name}, which this station cannot decode: ask for an uncompressed copy (Explicit VR Little Endian).`,
    };
  }
  if (image && pixelData && !syntax.encapsulated && pixelData.length !== undefined) {
    // Native pixels: the element must hold every frame (a cut file often keeps a valid header).
    const expected = nativeFrameBytes(image) * image.frames;
    if (pixelData.dataOffset + Math.min(pixelData.length, expected) > fileLength || pixelData.length < expected) {
      return {
        ok: false,
        reason: 'truncated',
        detail: `The pixel data holds ${pixelData.length} bytes where ${expected} are announced.`,
      };
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
      patient: {
        name: text(ds, 'x00100010'),
        id: text(ds, 'x00100020'),
        birthDate: text(ds, 'x00100030'),
        sex: text(ds, 'x00100040'),
      },
      study: {
        date: text(ds, 'x00080020'),
        description: text(ds, 'x00081030'),
        accessionNumber: text(ds, 'x00080050'),
      },
      series: { number: integer(ds, 'x00200011'), description: text(ds, 'x0008103e') },
      instanceNumber: integer(ds, 'x00200013'),
      image,
    },
  };
}
