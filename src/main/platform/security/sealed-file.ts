// Files kept encrypted on disk (photos, sounds, PDFs, DICOM): AES-256-GCM in records, so a file
// can be written in pieces as it arrives and read back as a stream. Each file has its own random
// id and a key derived from it; each record's nonce is its index, and the last record is marked,
// so a record changed, swapped, dropped or cut off is detected rather than read as data.
//
// Layout: "RELAISF1" | file id (16) | records: length (u32 BE) | last (u8) | ciphertext | tag (16)
//
// A write the disk cannot take whole (full, failing) leaves nothing behind: a whole file goes to
// a temporary first, and a piece appended is cut back to the last whole record. A torn record
// followed by good ones would read as a damaged file long after everyone was told it was kept.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';

const MAGIC = Buffer.from('RELAISF1', 'latin1');
const ID_BYTES = 16;
const HEADER_BYTES = MAGIC.length + ID_BYTES;
const RECORD_HEAD = 5;
const TAG_BYTES = 16;
/** Records are written at most this long; a longer one read back is garbage, not a record. */
export const MAX_RECORD_BYTES = 1 << 20;

export class SealedFileError extends Error {
  override name = 'SealedFileError';
}

function damaged(file: string, why: string): SealedFileError {
  return new SealedFileError(`The stored file ${file} is damaged or was altered (${why}): it cannot be read. Restore it from the regional server or a backup.`);
}

function nonceFor(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

function recordHead(length: number, last: boolean): Buffer {
  const head = Buffer.alloc(RECORD_HEAD);
  head.writeUInt32BE(length, 0);
  head[4] = last ? 1 : 0;
  return head;
}

export interface SealedAppender {
  /** Plain bytes written so far. */
  readonly written: number;
  append(bytes: Uint8Array): void;
  /** Writes the closing record; the file is readable only after this. */
  close(): void;
}

export type FileSealer = ReturnType<typeof createFileSealer>;

export function createFileSealer(filesKey: Buffer) {
  const fileKey = (id: Buffer) => Buffer.from(hkdfSync('sha256', filesKey, id, 'relais/file/v1', 32));

  function sealRecord(key: Buffer, index: number, plain: Uint8Array, last: boolean): Buffer {
    const head = recordHead(plain.length, last);
    const cipher = createCipheriv('aes-256-gcm', key, nonceFor(index));
    cipher.setAAD(head);
    return Buffer.concat([head, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  /** Splits plain bytes into records; the last one marked when `closing`. */
  function sealRecords(key: Buffer, firstIndex: number, plain: Uint8Array, closing: boolean): { bytes: Buffer; next: number } {
    const parts: Buffer[] = [];
    let index = firstIndex;
    for (let at = 0; at < plain.length || (closing && parts.length === 0); at += MAX_RECORD_BYTES) {
      const piece = plain.subarray(at, at + MAX_RECORD_BYTES);
      parts.push(sealRecord(key, index++, piece, closing && at + MAX_RECORD_BYTES >= plain.length));
    }
    return { bytes: Buffer.concat(parts), next: index };
  }

  function newHeader(): { header: Buffer; key: Buffer } {
    const id = randomBytes(ID_BYTES);
    return { header: Buffer.concat([MAGIC, id]), key: fileKey(id) };
  }

  /**
   * The plain bytes [start, end) of a sealed file, record by record, each checked as it is
   * decrypted. The sealed records are read into one buffer kept for the whole read, so the only
   * allocation per record is its plain output (a file streamed out costs its size once, not three
   * times). A read that reaches the end checks that the file ends where it says.
   */
  function* plainPieces(file: string, fd: number, start: number, end: number): Generator<Buffer> {
    const key = keyOf(file, fd);
    const records = recordMap(file, fd);
    const total = records.reduce((sum, r) => sum + r.length, 0);
    const sealed = Buffer.allocUnsafe(RECORD_HEAD + records.reduce((max, r) => Math.max(max, r.length), 0) + TAG_BYTES);
    for (const [index, record] of records.entries()) {
      if (record.plainStart > end) break;
      if (record.last && index < records.length - 1) throw damaged(file, 'bytes after its end');
      const recordEnd = record.plainStart + record.length;
      // An empty record (the closing one) is opened when the read reaches it: its tag proves the end.
      const wanted = record.length === 0 ? record.plainStart >= start : recordEnd > start && record.plainStart < end;
      if (!wanted) continue;
      const plain = openRecord(file, fd, key, index, record, sealed);
      const from = Math.max(0, start - record.plainStart);
      const to = Math.min(record.length, end - record.plainStart);
      if (to > from) yield from === 0 && to === plain.length ? plain : plain.subarray(from, to);
    }
    if (end >= total && !records.at(-1)?.last) throw damaged(file, 'cut off before its end');
  }

  /** Where each record sits and whether it says it is the last, from the record headers alone (no decryption). */
  function recordMap(file: string, fd: number): { plainStart: number; length: number; position: number; last: boolean }[] {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(RECORD_HEAD);
    const records: { plainStart: number; length: number; position: number; last: boolean }[] = [];
    let plainStart = 0;
    for (let position = HEADER_BYTES; position < size; ) {
      if (fs.readSync(fd, head, 0, RECORD_HEAD, position) !== RECORD_HEAD) throw damaged(file, 'cut off');
      const length = head.readUInt32BE(0);
      if (length > MAX_RECORD_BYTES || head[4]! > 1) throw damaged(file, 'a record header that makes no sense');
      records.push({ plainStart, length, position, last: head[4] === 1 });
      plainStart += length;
      position += RECORD_HEAD + length + TAG_BYTES;
    }
    return records;
  }

  /** One record decrypted and checked; `sealed` is a buffer the caller reuses, large enough for it. */
  function openRecord(
    file: string,
    fd: number,
    key: Buffer,
    index: number,
    record: { position: number; length: number },
    sealed: Buffer,
  ): Buffer {
    const size = RECORD_HEAD + record.length + TAG_BYTES;
    if (fs.readSync(fd, sealed, 0, size, record.position) !== size) throw damaged(file, 'cut off');
    const decipher = createDecipheriv('aes-256-gcm', key, nonceFor(index));
    decipher.setAAD(sealed.subarray(0, RECORD_HEAD));
    decipher.setAuthTag(sealed.subarray(RECORD_HEAD + record.length, size));
    try {
      const plain = decipher.update(sealed.subarray(RECORD_HEAD, RECORD_HEAD + record.length));
      decipher.final();
      return plain;
    } catch {
      throw damaged(file, `record ${index} does not match its key`);
    }
  }

  function keyOf(file: string, fd: number): Buffer {
    const header = Buffer.alloc(HEADER_BYTES);
    if (fs.readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged(file, 'not a sealed file');
    return fileKey(header.subarray(MAGIC.length));
  }

  function withFile<T>(file: string, use: (fd: number) => T): T {
    const fd = fs.openSync(file, 'r');
    try {
      return use(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  return {
    /** Writes a whole file, atomically (a crash leaves the old file or the new one, never half). */
    write(file: string, plain: Uint8Array): void {
      const { header, key } = newHeader();
      const temporary = `${file}.${randomBytes(6).toString('hex')}.part`;
      try {
        fs.writeFileSync(temporary, Buffer.concat([header, sealRecords(key, 0, plain, true).bytes]), { mode: 0o600 });
        fs.renameSync(temporary, file);
      } catch (error) {
        // A full disk: what part of the file fitted is of no use, and would fill the disk for good.
        fs.rmSync(temporary, { force: true });
        throw error;
      }
    },

    /** Starts a file written piece by piece (an upload, a drop); unreadable until closed. */
    appender(file: string): SealedAppender {
      const { header, key } = newHeader();
      try {
        fs.writeFileSync(file, header, { mode: 0o600 });
      } catch (error) {
        fs.rmSync(file, { force: true });
        throw error;
      }
      let index = 0;
      let written = 0;
      /** The file's length up to its last whole record: where a failed append is cut back to. */
      let whole = header.length;
      let closed = false;
      let broken: string | null = null;
      /** Appends records whole or not at all; the caller may send the same piece again. */
      const appendWhole = (records: Buffer) => {
        if (broken) throw new SealedFileError(broken);
        try {
          fs.appendFileSync(file, records);
        } catch (error) {
          try {
            fs.truncateSync(file, whole);
          } catch (cut) {
            broken = `${file} could not be cut back to its last whole record (${(cut as Error).message}): start the transfer again.`;
          }
          throw error;
        }
        whole += records.length;
      };
      return {
        get written() {
          return written;
        },
        append(bytes: Uint8Array) {
          if (closed) throw new SealedFileError(`${file} is already complete.`);
          if (bytes.length === 0) return;
          const sealed = sealRecords(key, index, bytes, false);
          appendWhole(sealed.bytes);
          index = sealed.next;
          written += bytes.length;
        },
        close() {
          if (closed) return;
          appendWhole(sealRecord(key, index, new Uint8Array(0), true));
          index++;
          closed = true;
        },
      };
    },

    /**
     * Seals plain pieces into a new `file` as they come, hashing them on the way: one pass, no
     * copy of the whole (an imported image is read once). Each piece becomes records of up to
     * MAX_RECORD_BYTES; an empty record closes the file, as an appender's does. The file is
     * created (never overwritten) and removed when anything fails: the caller writes it under a
     * temporary name and moves it into place. Returns the SHA-256 (hex) and size of the plain bytes.
     */
    writeFrom(file: string, pieces: Iterable<Uint8Array>): { sha256: string; size: number } {
      const { header, key } = newHeader();
      const hash = createHash('sha256');
      const fd = fs.openSync(file, 'wx', 0o600);
      let index = 0;
      let size = 0;
      let sealedBytes = header.length;
      const writeRecord = (plain: Uint8Array, last: boolean) => {
        const head = recordHead(plain.length, last);
        const cipher = createCipheriv('aes-256-gcm', key, nonceFor(index++));
        cipher.setAAD(head);
        const parts = [head, cipher.update(plain), cipher.final(), cipher.getAuthTag()];
        const length = parts.reduce((n, p) => n + p.length, 0);
        if (fs.writevSync(fd, parts) !== length) throw new SealedFileError(`${file}: the disk took only part of a record.`);
        sealedBytes += length;
      };
      try {
        fs.writeSync(fd, header);
        for (const piece of pieces) {
          for (let at = 0; at < piece.length; at += MAX_RECORD_BYTES) {
            const part = piece.subarray(at, at + MAX_RECORD_BYTES);
            hash.update(part);
            writeRecord(part, false);
            size += part.length;
          }
        }
        writeRecord(new Uint8Array(0), true);
        // What the disk holds is what was sealed: a short write cannot pass for the file.
        if (fs.fstatSync(fd).size !== sealedBytes) throw new SealedFileError(`${file}: the sealed copy is not whole on disk.`);
      } catch (error) {
        fs.closeSync(fd);
        fs.rmSync(file, { force: true });
        throw error;
      }
      fs.closeSync(fd);
      return { sha256: hash.digest('hex'), size };
    },

    /** The plain bytes record by record, each checked, without holding the file (a sync `chunks`). */
    *pieces(file: string): Generator<Buffer> {
      const fd = fs.openSync(file, 'r');
      try {
        yield* plainPieces(file, fd, 0, Infinity);
      } finally {
        fs.closeSync(fd);
      }
    },

    read(file: string): Buffer {
      return withFile(file, (fd) => Buffer.concat([...plainPieces(file, fd, 0, Infinity)]));
    },

    /** The SHA-256 (hex) of what the file holds, every record checked: a file kept is proven readable whole. */
    sha256(file: string): string {
      return withFile(file, (fd) => {
        const hash = createHash('sha256');
        for (const piece of plainPieces(file, fd, 0, Infinity)) hash.update(piece);
        return hash.digest('hex');
      });
    },

    /**
     * The plain bytes [start, end) in records of up to 1 MiB, for hashing and uploads without
     * holding the file; a resumed upload starts where the server is. Each record is checked, and
     * the file's end when the range reaches it.
     */
    async *chunks(file: string, start = 0, end = Infinity): AsyncGenerator<Buffer> {
      const fd = fs.openSync(file, 'r');
      try {
        for (const piece of plainPieces(file, fd, start, end)) {
          yield piece;
          // Lets the event loop breathe between records of a large file.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        fs.closeSync(fd);
      }
    },

    /** The plain size, from the record headers (no decryption). */
    plainSize(file: string): number {
      return withFile(file, (fd) => recordMap(file, fd).reduce((total, r) => total + r.length, 0));
    },

    /** Plain bytes [start, end), decrypting only the records that hold them. */
    readRange(file: string, start: number, end: number): Buffer {
      return withFile(file, (fd) => Buffer.concat([...plainPieces(file, fd, start, end)]));
    },

    isSealed(file: string): boolean {
      return withFile(file, (fd) => {
        const magic = Buffer.alloc(MAGIC.length);
        return fs.readSync(fd, magic, 0, MAGIC.length, 0) === MAGIC.length && magic.equals(MAGIC);
      });
    },
  };
}
