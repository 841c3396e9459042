// Makes JPEG 2000 DICOM files for tests: samples encoded losslessly by OpenJPEG (the encoder of
// the same cornerstonejs build the station decodes with), the codestream's signedness chosen
// apart from the header's Pixel Representation, so that a disagreement between them can be made.
import openJpeg from '@cornerstonejs/codec-openjpeg/wasmjs';
import { writePart10, type DicomElement } from '../../src/main/imaging/dicom-writer';

const JPEG_2000_LOSSLESS = '1.2.840.10008.1.2.4.90';
const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';

interface J2kEncoder {
  getDecodedBuffer(info: {
    width: number;
    height: number;
    bitsPerSample: number;
    componentCount: number;
    isSigned: boolean;
  }): Uint8Array;
  encode(): void;
  getEncodedBuffer(): Uint8Array;
  delete(): void;
}

/** A lossless JPEG 2000 codestream of 16-bit greyscale samples, its SIZ marker saying `streamSigned`. */
export async function encodeJ2k(
  samples: Uint16Array | Int16Array,
  width: number,
  height: number,
  streamSigned: boolean,
): Promise<Uint8Array> {
  const module = await openJpeg({ print: () => {}, printErr: () => {} });
  const Encoder = module.J2KEncoder as new () => J2kEncoder;
  const encoder = new Encoder();
  try {
    encoder
      .getDecodedBuffer({ width, height, bitsPerSample: 16, componentCount: 1, isSigned: streamSigned })
      .set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
    encoder.encode();
    return encoder.getEncodedBuffer().slice();
  } finally {
    encoder.delete();
  }
}

/** A CT slice in JPEG 2000 Lossless whose header says `pixelRepresentation` (0 unsigned, 1 signed). */
export function j2kCtFile(codestream: Uint8Array, size: number, pixelRepresentation: 0 | 1, uid: string): Uint8Array {
  const elements: DicomElement[] = [
    { tag: 0x00080060, vr: 'CS', value: 'CT' },
    { tag: 0x00100010, vr: 'PN', value: 'TEST^SIGNE' },
    { tag: 0x0020000d, vr: 'UI', value: `${uid}.1` },
    { tag: 0x0020000e, vr: 'UI', value: `${uid}.2` },
    { tag: 0x00280002, vr: 'US', value: 1 },
    { tag: 0x00280004, vr: 'CS', value: 'MONOCHROME2' },
    { tag: 0x00280010, vr: 'US', value: size },
    { tag: 0x00280011, vr: 'US', value: size },
    { tag: 0x00280100, vr: 'US', value: 16 },
    { tag: 0x00280101, vr: 'US', value: 16 },
    { tag: 0x00280102, vr: 'US', value: 15 },
    { tag: 0x00280103, vr: 'US', value: pixelRepresentation },
    { tag: 0x00281052, vr: 'DS', value: '0' },
    { tag: 0x00281053, vr: 'DS', value: '1' },
  ];
  return writePart10({
    sopClassUid: CT_IMAGE_STORAGE,
    sopInstanceUid: `${uid}.3`,
    transferSyntaxUid: JPEG_2000_LOSSLESS,
    elements,
    pixels: { encapsulated: codestream },
  });
}
