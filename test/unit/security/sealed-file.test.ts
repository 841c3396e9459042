// Sealed files: what is written reads back byte for byte, whole or streamed, written at once or
// piece by piece; the bytes on disk show nothing of the content; and any change to the file (a
// flipped bit, a record swapped, dropped or cut off, bytes added, another key) is refused with a
// clear error instead of being read as data.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSealer, MAX_RECORD_BYTES, SealedFileError } from '../../../src/main/platform/security/sealed-file';
import { useTempDir } from '../../helpers/temp-dir';
import { mulberry32 } from '../../helpers/prng';

const tempDir = useTempDir('relais-sealed-');
const sealer = createFileSealer(randomBytes(32));
const NAME = Buffer.from('LE BIHAN Yvonne, née le 12/03/1941');

async function streamed(file: string, start?: number, end?: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of sealer.chunks(file, start, end)) parts.push(part);
  return Buffer.concat(parts);
}

/** Three records: two full ones and a short last one. */
function threeRecordFile(): { file: string; plain: Buffer } {
  const file = path.join(tempDir(), 'photo');
  const plain = Buffer.concat([randomBytes(2 * MAX_RECORD_BYTES), NAME]);
  sealer.write(file, plain);
  return { file, plain };
}

const recordSpan = (length: number) => 5 + length + 16;
const HEADER = 24;

describe('sealed files', () => {
  it('read back byte for byte, whole and streamed, across record boundaries and when empty', async () => {
    for (const size of [0, 1, MAX_RECORD_BYTES - 1, MAX_RECORD_BYTES, MAX_RECORD_BYTES + 1, 3 * MAX_RECORD_BYTES + 7]) {
      const file = path.join(tempDir(), `f-${size}`);
      const plain = randomBytes(size);
      sealer.write(file, plain);
      expect(sealer.read(file).equals(plain)).toBe(true);
      expect((await streamed(file)).equals(plain)).toBe(true);
      expect(sealer.plainSize(file)).toBe(size);
      expect(sealer.isSealed(file)).toBe(true);
    }
  });

  it('give any range of their plain bytes, decrypting only the records that hold it (a resumed upload)', () => {
    const { file, plain } = threeRecordFile();
    const random = mulberry32(11);
    const ranges: [number, number][] = [[0, 0], [0, plain.length], [MAX_RECORD_BYTES - 3, MAX_RECORD_BYTES + 3], [plain.length - 5, plain.length + 100], [1_966_080, 1_966_080 + 8 * 1024 * 1024]];
    for (let i = 0; i < 50; i++) {
      const start = Math.floor(random() * plain.length);
      ranges.push([start, start + Math.floor(random() * 3 * MAX_RECORD_BYTES)]);
    }
    for (const [start, end] of ranges) expect(sealer.readRange(file, start, end).equals(plain.subarray(start, end)), `${start}-${end}`).toBe(true);
  });

  it('stream any range record by record: the records before a damaged one first, then its error', async () => {
    const { file, plain } = threeRecordFile();
    for (const [start, end] of [[0, plain.length], [MAX_RECORD_BYTES - 3, MAX_RECORD_BYTES + 3], [plain.length - 5, Infinity]] as const)
      expect((await streamed(file, start, end)).equals(plain.subarray(start, end)), `${start}-${end}`).toBe(true);
    const bytes = fs.readFileSync(file);
    bytes[HEADER + recordSpan(MAX_RECORD_BYTES) + 5 + 100]! ^= 0x01; // in the second record
    fs.writeFileSync(file, bytes);
    const parts: Buffer[] = [];
    await expect(async () => {
      for await (const part of sealer.chunks(file, 1000)) parts.push(part);
    }).rejects.toThrow(/record 1 does not match its key/);
    expect(Buffer.concat(parts).equals(plain.subarray(1000, MAX_RECORD_BYTES))).toBe(true);
    // A range that ends before the damage reads whole.
    expect((await streamed(file, 0, MAX_RECORD_BYTES)).equals(plain.subarray(0, MAX_RECORD_BYTES))).toBe(true);
  });

  it('show nothing of their content on disk, and differ each time the same content is written', () => {
    const dir = tempDir();
    sealer.write(path.join(dir, 'a'), NAME);
    sealer.write(path.join(dir, 'b'), NAME);
    const a = fs.readFileSync(path.join(dir, 'a'));
    const b = fs.readFileSync(path.join(dir, 'b'));
    expect(a.includes(Buffer.from('BIHAN'))).toBe(false);
    expect(a.subarray(HEADER).equals(b.subarray(HEADER))).toBe(false);
    expect(fs.statSync(path.join(dir, 'a')).mode & 0o777).toBe(0o600);
  });

  it('written piece by piece as chunks arrive, read the same as written at once, and only once closed', () => {
    const file = path.join(tempDir(), 'upload.part');
    const plain = randomBytes(MAX_RECORD_BYTES * 2 + 333);
    const appender = sealer.appender(file);
    const random = mulberry32(7);
    for (let at = 0; at < plain.length; ) {
      const n = Math.min(plain.length - at, 1 + Math.floor(random() * 300_000));
      appender.append(plain.subarray(at, at + n));
      at += n;
    }
    expect(appender.written).toBe(plain.length);
    expect(() => sealer.read(file)).toThrow(/cut off before its end/);
    appender.close();
    expect(sealer.read(file).equals(plain)).toBe(true);
    expect(() => appender.append(Buffer.from('late'))).toThrow(SealedFileError);
  });

  it('refuse a flipped bit, with a message that says what to do', () => {
    const { file } = threeRecordFile();
    const bytes = fs.readFileSync(file);
    bytes[HEADER + 5 + 100]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    expect(() => sealer.read(file)).toThrow(/damaged or was altered \(record 0 does not match its key\).*Restore it/);
  });

  it('refuse records swapped, a record dropped, the end cut off, or bytes added after the end', () => {
    const { file, plain } = threeRecordFile();
    const original = fs.readFileSync(file);
    const first = original.subarray(HEADER, HEADER + recordSpan(MAX_RECORD_BYTES));
    const second = original.subarray(HEADER + recordSpan(MAX_RECORD_BYTES), HEADER + 2 * recordSpan(MAX_RECORD_BYTES));
    const last = original.subarray(HEADER + 2 * recordSpan(MAX_RECORD_BYTES));
    const header = original.subarray(0, HEADER);
    expect(last.length).toBe(recordSpan(plain.length - 2 * MAX_RECORD_BYTES));

    const variants: [string, Buffer, RegExp][] = [
      ['swapped', Buffer.concat([header, second, first, last]), /record 0 does not match/],
      ['dropped', Buffer.concat([header, first, last]), /record 1 does not match/],
      ['cut after a record', Buffer.concat([header, first, second]), /cut off before its end/],
      ['cut inside a record', original.subarray(0, original.length - 10), /cut off/],
      ['bytes added', Buffer.concat([original, first]), /bytes after its end/],
    ];
    for (const [what, bytes, error] of variants) {
      fs.writeFileSync(file, bytes);
      expect(() => sealer.read(file), what).toThrow(error);
    }
  });

  it('refuse to open with another key, and say a plain file is not a sealed one', () => {
    const { file } = threeRecordFile();
    expect(() => createFileSealer(randomBytes(32)).read(file)).toThrow(/does not match its key/);
    const plain = path.join(tempDir(), 'plain.dcm');
    fs.writeFileSync(plain, NAME);
    expect(sealer.isSealed(plain)).toBe(false);
    expect(() => sealer.read(plain)).toThrow(/not a sealed file/);
  });

  it('never read garbage as content: 300 random corruptions of a sealed file all throw SealedFileError', () => {
    const file = path.join(tempDir(), 'sound');
    const plain = randomBytes(50_000);
    sealer.write(file, plain);
    const original = fs.readFileSync(file);
    const random = mulberry32(2026);
    for (let i = 0; i < 300; i++) {
      const bytes = Buffer.from(original);
      const at = Math.floor(random() * bytes.length);
      bytes[at] = (bytes[at]! + 1 + Math.floor(random() * 255)) & 0xff;
      fs.writeFileSync(file, random() < 0.2 ? bytes.subarray(0, at) : bytes);
      expect(() => sealer.read(file)).toThrow(SealedFileError);
    }
  });
});
