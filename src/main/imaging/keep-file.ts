// Keeps one scanned file in the station's sealed store: read once, piece by piece, each piece
// hashed and sealed as it comes (attachment-store.ts putFrom). Runs inline or in the imaging
// worker (keep-pool.ts); a file the source cannot give again, or that changed since the scan, is
// refused with its name and what to do.
import { AppFailure } from '../contract/failure';
import type { AttachmentStore } from '../platform/files/attachment-store';
import type { ScannedFile } from './dicom-scan';
import type { FileSource } from './file-source';

/** Keeps one scanned file in the sealed store: inline, or by a worker. */
export type KeepFile = (file: ScannedFile, source: FileSource) => Promise<KeptFile>;
/** A file as the scan found it: where, and how long it was. */
export type FileToKeep = Pick<ScannedFile, 'file' | 'size'>;
export interface KeptFile {
  sha256: string;
  size: number;
}

/** A failure to read the source file (the disc, the drive, a sealed drop), told apart from the store's own. */
class SourceReadError extends Error {}

function* readPieces(file: FileToKeep, source: FileSource): Generator<Uint8Array> {
  const pieces = source.pieces(file.file)[Symbol.iterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = pieces.next();
    } catch (error) {
      throw new SourceReadError((error as Error).message);
    }
    if (next.done) return;
    yield next.value;
  }
}

/** The file read once, piece by piece, each piece hashed and sealed as it comes; refused when it changed since the scan. */
export function keepFile(file: FileToKeep, source: FileSource, store: AttachmentStore): KeptFile {
  let kept: KeptFile;
  try {
    kept = store.putFrom(readPieces(file, source));
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    throw new AppFailure(
      'validation_failed',
      `The file ${file.file} could not be read again (${error.message}): its study was not imported. Check the disc or drive, scan it again and import.`,
    );
  }
  if (kept.size !== file.size)
    throw new AppFailure(
      'validation_failed',
      `The file ${file.file} changed since the scan (${kept.size} bytes, ${file.size} then): its study was not imported. Scan the drive again and import.`,
    );
  return kept;
}
