// One image frame of a DICOM file, as the viewer needs it: the stored values of a greyscale
// image (with the rescale to modality units, Hounsfield for CT, and the modality's window) or
// RGB bytes for colour, whatever the transfer syntax. Nothing here throws on a bad file: a
// frame that cannot be shown is a refusal with a reason the person can act on.
import dicomParser from 'dicom-parser';
import { CodecError, decodeFrame, type DecodedPixels } from './codecs';
import { decimals, text, uint16 } from './dataset-values';
import { describeFailure, parseDataset } from './dicom-parse';
import { countFrames, frameStarts, type FrameCount } from './frame-count';
import { transferSyntax } from './transfer-syntaxes';
import {
  orientationFromCosines,
  orientationFromLetters,
  type ImageOrientation,
} from '../../shared/imaging/image-orientation';

export type SampleType = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32';

export interface PixelFrame {
  rows: number;
  columns: number;
  /** 'grey': one stored value per pixel; 'rgb': three bytes per pixel. */
  colour: 'grey' | 'rgb';
  sampleType: SampleType;
  /** Samples, little-endian, in sampleType (rgb: uint8 R, G, B). */
  data: Uint8Array;
  /** MONOCHROME1: the lowest value is white. */
  inverted: boolean;
  rescale: { slope: number; intercept: number; unit: 'HU' | null };
  /** The modality's own window, in modality units, if it wrote one. */
  window: { center: number; width: number } | null;
  /** Millimetres between rows, then between columns. */
  pixelSpacing: [number, number] | null;
  frames: number;
  /** Set when the header's Number of Frames could not be read: the frames were counted in the pixel data, `unshown` of them incomplete. */
  framesCounted: { unshown: number } | null;
  /** How the patient lies in the frame, for the viewer's left/right markers; null when the file does not say. */
  orientation: ImageOrientation | null;
}

export type FrameRefusal =
  'unreadable' | 'truncated' | 'not_an_image' | 'no_such_frame' | 'unsupported_pixels' | 'corrupt_pixels';
export type FrameResult = { ok: true; frame: PixelFrame } | { ok: false; reason: FrameRefusal; detail: string };

const refuse = (reason: FrameRefusal, detail: string): FrameResult => ({ ok: false, reason, detail });

const BIG_ENDIAN = '1.2.840.10008.1.2.2';

interface Layout {
  rows: number;
  columns: number;
  samples: number;
  bitsAllocated: number;
  bitsStored: number;
  signed: boolean;
  planar: boolean;
  photometric: string;
}

/** The encoded bytes of one frame of encapsulated pixel data. */
function encapsulatedFrame(
  ds: dicomParser.DataSet,
  element: dicomParser.Element,
  index: number,
  frames: number,
  syntaxUid: string,
): Uint8Array {
  const fragments = element.fragments ?? [];
  if (fragments.length === 0) throw new CodecError('The compressed pixel data holds no fragment.');
  const from = (first: number, count: number) =>
    dicomParser.readEncapsulatedPixelDataFromFragments(ds, element, first, count);
  if (frames === 1) return from(0, fragments.length);
  const table = element.basicOffsetTable ?? [];
  if (table.length >= frames) return dicomParser.readEncapsulatedImageFrame(ds, element, index, table, fragments);
  // No offset table: one fragment per frame is the common case; else each frame begins with its
  // codec's start marker (a JPEG's SOI, a JPEG 2000 codestream's SOC).
  if (fragments.length === frames) return from(index, 1);
  const starts = frameStarts(ds, element, syntaxUid);
  if (starts.length !== frames || starts[0] !== 0)
    throw new CodecError(
      'The frames cannot be told apart in the compressed pixel data (no offset table, and fragments that do not each open a frame).',
    );
  return from(starts[index]!, (starts[index + 1] ?? fragments.length) - starts[index]!);
}

/** Native samples of one frame as little-endian bytes, colour planes interleaved. */
function normalise(bytes: Uint8Array, layout: Layout, bigEndian: boolean): Uint8Array {
  const bytesPerSample = layout.bitsAllocated / 8;
  const pixels = layout.rows * layout.columns;
  let out = bytes;
  if (bigEndian && bytesPerSample > 1) {
    out = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += bytesPerSample)
      for (let b = 0; b < bytesPerSample; b++) out[i + b] = bytes[i + bytesPerSample - 1 - b]!;
  }
  if (layout.samples > 1 && layout.planar) {
    const interleaved = new Uint8Array(out.length);
    for (let s = 0; s < layout.samples; s++) {
      for (let p = 0; p < pixels; p++) {
        for (let b = 0; b < bytesPerSample; b++)
          interleaved[(p * layout.samples + s) * bytesPerSample + b] = out[(s * pixels + p) * bytesPerSample + b]!;
      }
    }
    out = interleaved;
  }
  return out;
}

/** Greyscale: stored bits kept (high bits may hold overlays), sign extended where signed. */
function greySamples(bytes: Uint8Array, layout: Layout): { data: Uint8Array; sampleType: SampleType } {
  const pixels = layout.rows * layout.columns;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bits = Math.min(layout.bitsStored, layout.bitsAllocated);
  const shift = 32 - bits;
  if (layout.bitsAllocated === 8) {
    const data = new Uint8Array(pixels);
    for (let i = 0; i < pixels; i++)
      data[i] = layout.signed ? ((bytes[i]! << shift) >> shift) & 0xff : bytes[i]! & ((1 << bits) - 1);
    return { data, sampleType: layout.signed ? 'int8' : 'uint8' };
  }
  if (layout.bitsAllocated === 16) {
    const data = layout.signed ? new Int16Array(pixels) : new Uint16Array(pixels);
    for (let i = 0; i < pixels; i++) {
      const raw = view.getUint16(i * 2, true);
      data[i] = layout.signed ? (raw << shift) >> shift : raw & ((1 << bits) - 1) & 0xffff;
    }
    return { data: new Uint8Array(data.buffer), sampleType: layout.signed ? 'int16' : 'uint16' };
  }
  const data = layout.signed ? new Int32Array(pixels) : new Uint32Array(pixels);
  for (let i = 0; i < pixels; i++) data[i] = layout.signed ? view.getInt32(i * 4, true) : view.getUint32(i * 4, true);
  return { data: new Uint8Array(data.buffer), sampleType: layout.signed ? 'int32' : 'uint32' };
}

const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));

/** Colour: 8-bit RGB, from RGB or YBR_FULL (also 4:2:2), any bits allocated. */
function rgbSamples(bytes: Uint8Array, layout: Layout, alreadyRgb: boolean): Uint8Array {
  const pixels = layout.rows * layout.columns;
  const bytesPerSample = layout.bitsAllocated / 8;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Wider samples are brought to 8 bits by their most significant byte.
  const sample = (i: number) =>
    bytesPerSample === 1
      ? bytes[i]!
      : bytesPerSample === 2
        ? view.getUint16(i * 2, true) >> (Math.min(layout.bitsStored, 16) - 8)
        : view.getUint32(i * 4, true) >>> (Math.min(layout.bitsStored, 32) - 8);
  const out = new Uint8Array(pixels * 3);
  const ybr = !alreadyRgb && layout.photometric.startsWith('YBR_FULL');
  for (let p = 0; p < pixels; p++) {
    const [a, b, c] = [sample(p * 3), sample(p * 3 + 1), sample(p * 3 + 2)];
    if (ybr) {
      // ITU-R BT.601 full range (PS3.3 C.7.6.3.1.2).
      out[p * 3] = clampByte(a + 1.402 * (c - 128));
      out[p * 3 + 1] = clampByte(a - 0.344136 * (b - 128) - 0.714136 * (c - 128));
      out[p * 3 + 2] = clampByte(a + 1.772 * (b - 128));
    } else {
      out[p * 3] = a;
      out[p * 3 + 1] = b;
      out[p * 3 + 2] = c;
    }
  }
  return out;
}

/** Native YBR_FULL_422: each pair of pixels is Y1 Y2 Cb Cr; widened to YBR_FULL. */
function widen422(bytes: Uint8Array, pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * 3);
  for (let p = 0; p + 1 < pixels; p += 2) {
    const at = p * 2;
    out.set([bytes[at]!, bytes[at + 2]!, bytes[at + 3]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!], p * 3);
  }
  return out;
}

function windowOf(ds: dicomParser.DataSet): PixelFrame['window'] {
  const centers = decimals(ds, 'x00281050');
  const widths = decimals(ds, 'x00281051');
  if (!centers?.length || !widths?.length || !(widths[0]! > 0)) return null;
  return { center: centers[0]!, width: widths[0]! };
}

/** Why there is no frame `index`: beyond those the header announces, or beyond the whole ones the pixel data holds. */
function noSuchFrame(index: number, count: FrameCount): FrameResult {
  if (!count.counted)
    return refuse('no_such_frame', `This image has ${count.frames} frame(s); frame ${index + 1} does not exist.`);
  const incomplete =
    count.counted.unshown > 0 && index === count.frames
      ? ` frame ${index + 1} is incomplete in the file and cannot be shown.`
      : ` frame ${index + 1} does not exist.`;
  return refuse(
    'no_such_frame',
    `The header's Number of Frames cannot be read; the pixel data holds ${count.frames} whole frame(s):${incomplete}`,
  );
}

export async function readFrame(bytes: Uint8Array, index: number): Promise<FrameResult> {
  let ds: dicomParser.DataSet;
  let assumed: string | null;
  try {
    ({ ds, syntaxUid: assumed } = parseDataset(bytes));
  } catch (error) {
    const failure = describeFailure(error, bytes);
    return refuse(failure.reason === 'truncated' ? 'truncated' : 'unreadable', failure.detail);
  }
  const element = ds.elements.x7fe00010;
  const rows = uint16(ds, 'x00280010');
  const columns = uint16(ds, 'x00280011');
  if (!element || !rows || !columns)
    return refuse('not_an_image', 'This object holds no image (a report, a plan or a waveform).');
  const syntax = transferSyntax(text(ds, 'x00020010') ?? assumed ?? '1.2.840.10008.1.2');
  const layout: Layout = {
    rows,
    columns,
    samples: uint16(ds, 'x00280002') ?? 1,
    bitsAllocated: uint16(ds, 'x00280100') ?? 16,
    bitsStored: uint16(ds, 'x00280101') ?? uint16(ds, 'x00280100') ?? 16,
    signed: uint16(ds, 'x00280103') === 1,
    planar: uint16(ds, 'x00280006') === 1,
    photometric: text(ds, 'x00280004') ?? (uint16(ds, 'x00280002') === 3 ? 'RGB' : 'MONOCHROME2'),
  };
  if (![8, 16, 32].includes(layout.bitsAllocated))
    return refuse(
      'unsupported_pixels',
      `Images with ${layout.bitsAllocated} bit(s) per sample (a segmentation or an overlay) cannot be shown here.`,
    );
  if (layout.samples !== 1 && layout.samples !== 3)
    return refuse('unsupported_pixels', `Images with ${layout.samples} samples per pixel cannot be shown here.`);
  if (layout.photometric === 'PALETTE COLOR')
    return refuse('unsupported_pixels', 'Palette colour images cannot be shown on this station yet.');
  if (!syntax.decodable)
    return refuse(
      'unsupported_pixels',
      `The pixels are encoded as ${syntax.name}, which this station cannot decode: ask for an uncompressed copy.`,
    );

  const pixels = rows * columns;
  const is422 = !syntax.encapsulated && layout.photometric.startsWith('YBR_FULL_422');
  const frameBytes = is422 ? pixels * 2 : pixels * layout.samples * (layout.bitsAllocated / 8);
  const count = countFrames(ds, element, syntax, frameBytes);
  const frames = count.frames;
  if (!Number.isInteger(index) || index < 0 || index >= frames) return noSuchFrame(index, count);
  let samples: Uint8Array;
  let decoded: DecodedPixels | null = null;
  try {
    if (syntax.encapsulated) {
      decoded = await decodeFrame(syntax.uid, encapsulatedFrame(ds, element, index, frames, syntax.uid), layout);
      samples = normalise(decoded.bytes, { ...layout, planar: decoded.planar }, false);
    } else {
      const start = element.dataOffset + index * frameBytes;
      if (start + frameBytes > ds.byteArray.length || (index + 1) * frameBytes > element.length)
        return refuse('corrupt_pixels', 'The file ends before this frame’s pixels do.');
      const raw = ds.byteArray.subarray(start, start + frameBytes);
      samples = is422 ? widen422(raw, pixels) : normalise(raw, layout, syntax.uid === BIG_ENDIAN);
    }
  } catch (error) {
    // A decoder's or dicom-parser's own message is not a person's: only ours are passed on.
    if (error instanceof CodecError) return refuse('corrupt_pixels', error.message);
    return refuse(
      'corrupt_pixels',
      'The compressed frames cannot be found in the pixel data (its fragments or their offset table are damaged).',
    );
  }

  const spacing = decimals(ds, 'x00280030') ?? decimals(ds, 'x00181164');
  const modality = text(ds, 'x00080060');
  const common = {
    rows,
    columns,
    frames,
    framesCounted: count.counted,
    orientation: orientationFromCosines(decimals(ds, 'x00200037')) ?? orientationFromLetters(text(ds, 'x00200020')),
    pixelSpacing:
      spacing && spacing.length >= 2 && spacing[0]! > 0 && spacing[1]! > 0
        ? ([spacing[0]!, spacing[1]!] as [number, number])
        : null,
  };
  if (layout.samples === 3) {
    return {
      ok: true,
      frame: {
        ...common,
        colour: 'rgb',
        sampleType: 'uint8',
        data: rgbSamples(samples, is422 ? { ...layout, bitsAllocated: 8 } : layout, decoded?.rgb ?? false),
        inverted: false,
        rescale: { slope: 1, intercept: 0, unit: null },
        window: null,
      },
    };
  }
  // The header's Pixel Representation says what the samples mean, whatever a JPEG 2000 codestream
  // wrote as its own signedness (DICOM PS3.5 8.2.4): a signed CT encoded as unsigned would
  // otherwise show its air and padding white. The codestream's bits are kept, read as the header says.
  const grey = greySamples(samples, layout);
  const slope = decimals(ds, 'x00281053')?.[0] ?? 1;
  const intercept = decimals(ds, 'x00281052')?.[0] ?? 0;
  return {
    ok: true,
    frame: {
      ...common,
      colour: 'grey',
      ...grey,
      inverted: layout.photometric === 'MONOCHROME1',
      rescale: { slope: slope === 0 ? 1 : slope, intercept, unit: modality === 'CT' ? 'HU' : null },
      window: windowOf(ds),
    },
  };
}
