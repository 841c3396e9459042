// The DICOM transfer syntaxes the station meets, by UID (PS3.5 annex A / PS3.6 table A-1): how
// the pixels are encoded, and whether the station can show them. A syntax that cannot be shown
// is said by name, so that the person knows what to ask the modality or PACS for.
export interface TransferSyntax {
  uid: string;
  name: string;
  /** A syntax of the standard (else: unknown, refused). */
  known: boolean;
  /** Pixels in fragments (compressed), rather than native. */
  encapsulated: boolean;
  /** The station has a decoder for its pixels (codecs.ts; 12-bit JPEG Extended excepted). */
  decodable: boolean;
}

const TABLE: Record<string, Omit<TransferSyntax, 'uid' | 'known'>> = {
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian', encapsulated: false, decodable: true },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian', encapsulated: false, decodable: true },
  '1.2.840.10008.1.2.1.99': { name: 'Deflated Explicit VR Little Endian', encapsulated: false, decodable: true },
  '1.2.840.10008.1.2.2': { name: 'Explicit VR Big Endian (retired)', encapsulated: false, decodable: true },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.50': { name: 'JPEG Baseline (8-bit)', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.51': { name: 'JPEG Extended (12-bit)', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG Lossless', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.70': { name: 'JPEG Lossless, first-order prediction', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS Lossless', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS Near-Lossless', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 Lossless', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', encapsulated: true, decodable: true },
  '1.2.840.10008.1.2.4.100': { name: 'MPEG2 video', encapsulated: true, decodable: false },
  '1.2.840.10008.1.2.4.102': { name: 'MPEG-4 AVC/H.264 video', encapsulated: true, decodable: false },
};

export function transferSyntax(uid: string): TransferSyntax {
  const known = TABLE[uid];
  return known
    ? { uid, known: true, ...known }
    : { uid, name: `unknown (${uid})`, known: false, encapsulated: false, decodable: false };
}
