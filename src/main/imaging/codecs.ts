// Decoders for compressed DICOM pixels, by transfer syntax: RLE (ours, rle.ts), JPEG baseline
// (libjpeg-turbo), JPEG Lossless (jpeg-lossless-decoder-js), JPEG-LS (CharLS) and JPEG 2000
// (OpenJPEG), the last three well-kept libraries rather than codecs written here. The WebAssembly
// modules are loaded on first use. Each decoder object is freed after its frame, and any failure
// of a decoder (they throw numbers, strings or errors) becomes a CodecError with a reason in the
// station's words: a decoder's own message or error number never reaches a person.
import { Decoder as JpegLosslessDecoder } from 'jpeg-lossless-decoder-js';
import { withColoursSaid } from './jpeg-colour';
import { decodeRle, RleError } from './rle';
import type { WasmDecoder, WasmDecoderClass, WasmFrameInfo } from './wasm-codec';

export class CodecError extends Error {}

/** What a decoder gives back: samples as little-endian bytes, and how they are laid out. */
export interface DecodedPixels {
  bytes: Uint8Array;
  /** Colour planes one after the other (RLE, some JPEG-LS), rather than interleaved. */
  planar: boolean;
  /** The decoder already turned YCbCr into RGB (JPEG baseline, JPEG 2000 with a colour transform). */
  rgb: boolean;
}

export interface FrameGeometry {
  rows: number;
  columns: number;
  samples: number;
  bitsAllocated: number;
  /** The header's Photometric Interpretation: what a JPEG stream's colours are when the stream does not say. */
  photometric: string;
}

type WasmName = 'JPEGDecoder' | 'JpegLSDecoder' | 'J2KDecoder';
const loaders: Record<WasmName, () => Promise<{ default: (module?: object) => Promise<Record<string, unknown>> }>> = {
  JPEGDecoder: () => import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'),
  JpegLSDecoder: () => import('@cornerstonejs/codec-charls/decodewasmjs'),
  J2KDecoder: () => import('@cornerstonejs/codec-openjpeg/decodewasmjs'),
};
const modules = new Map<WasmName, Promise<WasmDecoderClass>>();

function wasmDecoder(name: WasmName): Promise<WasmDecoderClass> {
  let loading = modules.get(name);
  if (!loading) {
    // OpenJPEG prints its progress on stdout: silenced, the station's log is not its console.
    loading = loaders[name]()
      .then((m) => m.default({ print: () => {}, printErr: () => {} }))
      .then((module) => module[name] as WasmDecoderClass);
    modules.set(name, loading);
    loading.catch(() => modules.delete(name));
  }
  return loading;
}

async function decodeWasm(
  name: WasmName,
  encoded: Uint8Array,
  geometry: FrameGeometry,
): Promise<{ bytes: Uint8Array; info: WasmFrameInfo; decoder: string }> {
  const Decoder = await wasmDecoder(name);
  let decoder: WasmDecoder | null = null;
  try {
    decoder = new Decoder();
    decoder.getEncodedBuffer(encoded.length).set(encoded);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.width === 0 || info.height === 0)
      throw new CodecError('The compressed pixels could not be decoded: the stream is empty or damaged.');
    if (info.width !== geometry.columns || info.height !== geometry.rows) {
      throw new CodecError(
        `The compressed image is ${info.width} x ${info.height} where the file says ${geometry.columns} x ${geometry.rows}.`,
      );
    }
    // Copied out: the decoder's buffer lives in the module's heap and goes with the decoder.
    return { bytes: decoder.getDecodedBuffer().slice(), info, decoder: name };
  } catch (error) {
    if (error instanceof CodecError) throw error;
    throw new CodecError(
      'The compressed pixels could not be decoded: the stream is damaged, or encoded in a way the decoder does not support. Ask for an uncompressed copy.',
    );
  } finally {
    try {
      decoder?.delete();
    } catch {
      // A decoder left broken by a bad stream: the module goes on with a new one.
    }
  }
}

const expectedBytes = (g: FrameGeometry) => g.rows * g.columns * g.samples * (g.bitsAllocated / 8);

function checkLength(bytes: Uint8Array, geometry: FrameGeometry): Uint8Array {
  const expected = expectedBytes(geometry);
  if (bytes.length < expected)
    throw new CodecError(`The decoded image holds ${bytes.length} bytes where ${expected} are expected.`);
  return bytes.length === expected ? bytes : bytes.subarray(0, expected);
}

/** Decodes one encapsulated frame in the given transfer syntax. */
export async function decodeFrame(
  syntaxUid: string,
  encoded: Uint8Array,
  geometry: FrameGeometry,
): Promise<DecodedPixels> {
  switch (syntaxUid) {
    case '1.2.840.10008.1.2.5': {
      try {
        return {
          bytes: decodeRle(encoded, geometry.rows * geometry.columns, geometry.samples, geometry.bitsAllocated / 8),
          planar: true,
          rgb: false,
        };
      } catch (error) {
        if (error instanceof RleError) throw new CodecError(error.message);
        throw error;
      }
    }
    case '1.2.840.10008.1.2.4.50':
    case '1.2.840.10008.1.2.4.51': {
      if (geometry.bitsAllocated !== 8)
        throw new CodecError(
          '12-bit JPEG (Extended) pixels cannot be decoded on this station: ask for a lossless copy.',
        );
      // Colour: YCbCr turned into RGB only when the stream is YCbCr (jpeg-colour.ts).
      const stream = geometry.samples === 3 ? withColoursSaid(encoded, geometry.photometric) : encoded;
      const { bytes, info } = await decodeWasm('JPEGDecoder', stream, geometry);
      return { bytes: checkLength(bytes, geometry), planar: false, rgb: info.componentCount === 3 };
    }
    case '1.2.840.10008.1.2.4.57':
    case '1.2.840.10008.1.2.4.70': {
      let decoded: ArrayBuffer;
      try {
        decoded = new JpegLosslessDecoder().decompress(encoded.buffer, encoded.byteOffset, encoded.length);
      } catch {
        throw new CodecError(
          'The JPEG Lossless pixels could not be decoded: the stream is damaged. Ask for an uncompressed copy.',
        );
      }
      return { bytes: checkLength(new Uint8Array(decoded), geometry), planar: false, rgb: false };
    }
    case '1.2.840.10008.1.2.4.80':
    case '1.2.840.10008.1.2.4.81': {
      const { bytes } = await decodeWasm('JpegLSDecoder', encoded, geometry);
      // CharLS keeps the scan's layout: interleave mode 0 is one colour plane after the other.
      const planar = geometry.samples > 1 && jpegLsInterleave(encoded) === 0;
      return { bytes: checkLength(bytes, geometry), planar, rgb: false };
    }
    case '1.2.840.10008.1.2.4.90':
    case '1.2.840.10008.1.2.4.91': {
      const { bytes, info } = await decodeWasm('J2KDecoder', encoded, geometry);
      return { bytes: checkLength(bytes, geometry), planar: false, rgb: info.componentCount === 3 };
    }
    default:
      throw new CodecError(`No decoder for transfer syntax ${syntaxUid}.`);
  }
}

/** The interleave mode of a JPEG-LS scan (its SOS marker: 0 planes, 1 lines, 2 samples). */
function jpegLsInterleave(encoded: Uint8Array): number {
  for (let i = 0; i + 1 < encoded.length; i++) {
    if (encoded[i] === 0xff && encoded[i + 1] === 0xda) {
      const components = encoded[i + 4] ?? 0;
      return encoded[i + 5 + components * 2 + 1] ?? 2;
    }
  }
  return 2;
}
