// Walks a folder (a CD or USB drive's mount point, or a folder of exported images) and reads
// every file as DICOM (its header; the whole file when the header does not tell), without
// following links out of it and within fixed bounds, yielding to the event loop as it goes so
// that the station stays responsive. Groups what it read by study and series; counts what it
// refused by reason, with a few examples of each.
import fs from 'node:fs';
import path from 'node:path';
import { readDicom, readDicomHead, type DicomInstance } from './dicom-file';
import { plainFiles, type FileSource } from './file-source';

/** How long the scan works before it lets the station's other work run (a VISCA ACK is 1-4 video frames). */
const SCAN_SLICE_MS = 4;

export const MAX_SCAN_FILES = 20_000;
const MAX_DEPTH = 12;
const MAX_FILE_BYTES = 2 * 1024 * 1024 * 1024;
const EXAMPLES_PER_REASON = 5;

export interface ScannedFile {
  file: string;
  /** Its size at the scan: the import refuses a file that changed since. */
  size: number;
  instance: DicomInstance;
}

export interface ScanResult {
  files: number;
  found: ScannedFile[];
  refused: Map<string, { count: number; examples: { file: string; detail: string }[] }>;
}

/** Why a folder cannot be read, as a code the screen translates (imaging.folder_*), with the folder. */
export class ScanFolderError extends Error {
  constructor(
    readonly reason: 'folder_relative' | 'folder_missing' | 'folder_not_a_folder',
    readonly folder: string,
    message: string,
  ) {
    super(message);
  }
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > MAX_DEPTH || out.length >= MAX_SCAN_FILES) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // an unreadable folder on a damaged disc: its files are simply not found
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_SCAN_FILES) return;
      const full = path.join(dir, entry.name);
      // Links are not followed: a link could lead out of the drive, or in a circle.
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(root, 0);
  return out;
}

/** How much of a file the scan reads first: its header, up to the pixel data, fits in it. */
const HEAD_BYTES = 64 * 1024;

export async function scanFolder(
  folder: string,
  onProgress: (done: number, total: number) => void,
  source: FileSource = plainFiles,
): Promise<ScanResult> {
  if (!path.isAbsolute(folder))
    throw new ScanFolderError(
      'folder_relative',
      folder,
      'Give the full path of the folder or drive (for instance /media/cdrom).',
    );
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new ScanFolderError(
      'folder_missing',
      folder,
      `There is no folder ${folder}: check that the disc or drive is inserted and mounted.`,
    );
  }
  if (!stat.isDirectory())
    throw new ScanFolderError('folder_not_a_folder', folder, `${folder} is a file, not a folder.`);
  const files = listFiles(folder);
  const found: ScannedFile[] = [];
  const refused: ScanResult['refused'] = new Map();
  const refuse = (file: string, reason: string, detail: string) => {
    const entry = refused.get(reason) ?? { count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < EXAMPLES_PER_REASON) entry.examples.push({ file: path.relative(folder, file), detail });
    refused.set(reason, entry);
  };
  let sliceStart = performance.now();
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    try {
      const size = source.size(file);
      if (size > MAX_FILE_BYTES)
        refuse(file, 'too_large', `The file is ${size} bytes, over the ${MAX_FILE_BYTES} the station reads.`);
      else {
        // The header alone when it tells all; the whole file otherwise (compressed pixels, odd files).
        const result = readDicomHead(source.head(file, HEAD_BYTES), size) ?? readDicom(source.whole(file));
        if (result.ok) found.push({ file, size, instance: result.instance });
        else refuse(file, result.reason, result.detail);
      }
    } catch (error) {
      refuse(file, 'unreadable', `The file could not be read from the disc (${(error as Error).message}).`);
    }
    // The station's other work (a camera command during a stroke call) waits at most a slice of
    // the scan: the loop gives the event loop its turn every few milliseconds, whatever a file costs.
    if (i % 20 === 19 || i === files.length - 1) onProgress(i + 1, files.length);
    if (performance.now() - sliceStart >= SCAN_SLICE_MS || i === files.length - 1) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return { files: files.length, found, refused };
}
