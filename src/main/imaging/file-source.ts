// Where the files of a scan are read from: a drive's files as they are, or the station's own
// folders (drops, PACS retrievals), whose files are sealed. The scan reads a file's head (its
// header, up to the pixel data) and reads it whole only when the head does not tell; the import
// reads each file once, piece by piece, hashing and sealing each piece as it comes.
import fs from 'node:fs';
import type { FileSealer } from '../platform/security/sealed-file';

/** Pieces a plain file is read in: the sealer's record size, so each piece is one sealed record. */
const PIECE_BYTES = 1 << 20;

export interface FileSource {
  /** The station's own sealed folders (a worker that reads them needs the files key). */
  readonly sealed: boolean;
  size(file: string): number;
  /** The first `bytes` bytes (fewer when the file is shorter). */
  head(file: string, bytes: number): Uint8Array;
  whole(file: string): Uint8Array;
  /**
   * The file in pieces, in order. A piece may be a view of a buffer reused for the next one:
   * use it before asking for the next.
   */
  pieces(file: string): Iterable<Uint8Array>;
}

function* plainPieces(file: string): Generator<Uint8Array> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, PIECE_BYTES, null);
      if (read === 0) return;
      yield buffer.subarray(0, read);
    }
  } finally {
    fs.closeSync(fd);
  }
}

export const plainFiles: FileSource = {
  sealed: false,
  size: (file) => fs.statSync(file).size,
  head(file, bytes) {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.allocUnsafe(bytes);
      const read = fs.readSync(fd, buffer, 0, bytes, 0);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
    } finally {
      fs.closeSync(fd);
    }
  },
  whole: (file) => new Uint8Array(fs.readFileSync(file)),
  pieces: plainPieces,
};

export function sealedFiles(sealer: FileSealer): FileSource {
  return {
    sealed: true,
    size: (file) => sealer.plainSize(file),
    head: (file, bytes) => new Uint8Array(sealer.readRange(file, 0, bytes)),
    whole: (file) => new Uint8Array(sealer.read(file)),
    pieces: (file) => sealer.pieces(file),
  };
}
