// Writes DICOM Part 10 files (PS3.10): the preamble, the meta header in Explicit VR Little
// Endian with its group length, then the dataset in Explicit VR Little Endian, elements in tag
// order, values padded to even length as each VR requires. Pixel data is either native bytes
// or one encapsulated frame (PS3.5 A.4: an empty offset table item, the frame's fragment, and
// the sequence delimiter). Only what the station writes: its secondary captures.
import { randomUUID } from 'node:crypto';

export type Vr = 'AE' | 'CS' | 'DA' | 'DS' | 'IS' | 'LO' | 'PN' | 'SH' | 'TM' | 'UI' | 'US' | 'OB' | 'OW' | 'LT' | 'ST';
export interface DicomElement {
  tag: number; // (group << 16) | element
  vr: Vr;
  value: string | number | Uint8Array;
}

const LONG_VRS = new Set<Vr>(['OB', 'OW']);

/** A UID made from a random UUID (PS3.5 B.2): unique without a registered root. */
export function newUid(): string {
  return `2.25.${BigInt(`0x${randomUUID().replace(/-/g, '')}`).toString()}`;
}

function valueBytes({ vr, value }: DicomElement): Buffer {
  if (vr === 'US') {
    const b = Buffer.alloc(2);
    b.writeUInt16LE(Number(value));
    return b;
  }
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  const text = Buffer.from(String(value), 'latin1');
  // UIDs pad with a NUL, text with a space (PS3.5 6.2).
  return text.length % 2 === 0 ? text : Buffer.concat([text, Buffer.from([vr === 'UI' ? 0 : 0x20])]);
}

function encode(element: DicomElement): Buffer {
  const value = valueBytes(element);
  const padded = value.length % 2 === 0 ? value : Buffer.concat([value, Buffer.from([0])]);
  const long = LONG_VRS.has(element.vr);
  const header = Buffer.alloc(long ? 12 : 8);
  header.writeUInt16LE(element.tag >>> 16, 0);
  header.writeUInt16LE(element.tag & 0xffff, 2);
  header.write(element.vr, 4, 'latin1');
  if (long) header.writeUInt32LE(padded.length, 8);
  else {
    if (padded.length > 0xffff)
      throw new RangeError(`Element ${element.tag.toString(16)} is too long for ${element.vr}.`);
    header.writeUInt16LE(padded.length, 6);
  }
  return Buffer.concat([header, padded]);
}

/** Pixel data as one encapsulated frame (compressed), with an empty basic offset table. */
function encapsulated(frame: Uint8Array): Buffer {
  const item = (bytes: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeUInt16LE(0xfffe, 0);
    header.writeUInt16LE(0xe000, 2);
    header.writeUInt32LE(bytes.length, 4);
    return Buffer.concat([header, bytes]);
  };
  const fragment = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  const even = fragment.length % 2 === 0 ? fragment : Buffer.concat([fragment, Buffer.from([0])]);
  const header = Buffer.alloc(12);
  header.writeUInt16LE(0x7fe0, 0);
  header.writeUInt16LE(0x0010, 2);
  header.write('OB', 4, 'latin1');
  header.writeUInt32LE(0xffffffff, 8); // undefined length
  const delimiter = Buffer.alloc(8);
  delimiter.writeUInt16LE(0xfffe, 0);
  delimiter.writeUInt16LE(0xe0dd, 2);
  return Buffer.concat([header, item(Buffer.alloc(0)), item(even), delimiter]);
}

export function writePart10(options: {
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
  elements: DicomElement[];
  pixels: { native: Uint8Array; vr?: 'OB' | 'OW' } | { encapsulated: Uint8Array };
}): Uint8Array {
  const meta = [
    { tag: 0x00020001, vr: 'OB' as const, value: Uint8Array.from([0, 1]) },
    { tag: 0x00020002, vr: 'UI' as const, value: options.sopClassUid },
    { tag: 0x00020003, vr: 'UI' as const, value: options.sopInstanceUid },
    { tag: 0x00020010, vr: 'UI' as const, value: options.transferSyntaxUid },
    { tag: 0x00020012, vr: 'UI' as const, value: '2.25.1234567890123456789' }, // implementation class of Relais
    { tag: 0x00020013, vr: 'SH' as const, value: 'RELAIS' },
  ].map(encode);
  const metaBody = Buffer.concat(meta);
  // (0002,0000) File Meta Information Group Length, UL: the bytes of the meta elements after it.
  const ul = Buffer.alloc(12);
  ul.writeUInt16LE(0x0002, 0);
  ul.writeUInt16LE(0x0000, 2);
  ul.write('UL', 4, 'latin1');
  ul.writeUInt16LE(4, 6);
  ul.writeUInt32LE(metaBody.length, 8);
  const elements = [
    ...options.elements,
    { tag: 0x00080016, vr: 'UI' as const, value: options.sopClassUid },
    { tag: 0x00080018, vr: 'UI' as const, value: options.sopInstanceUid },
  ].sort((a, b) => a.tag - b.tag);
  const dataset = Buffer.concat(elements.map(encode));
  // Native pixels are OW when wider than 8 bits (PS3.5 8.2), OB otherwise.
  const pixels =
    'native' in options.pixels
      ? encode({ tag: 0x7fe00010, vr: options.pixels.vr ?? 'OB', value: options.pixels.native })
      : encapsulated(options.pixels.encapsulated);
  return new Uint8Array(
    Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'latin1'), ul, metaBody, dataset, pixels]),
  );
}

export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
