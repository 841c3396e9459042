// The station's files by content: photos, sounds, PDFs and imported DICOM, each kept once under
// attachments/<2 hex>/<sha256>, sealed (encrypted) on disk. Every reader goes through here, so no
// part of the station reads or writes a patient's file in the clear.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileSealer } from '../security/sealed-file';

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;

export function createAttachmentStore(dir: string, sealer: FileSealer) {
  const pathOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);
  const folderFor = (sha256: string) => fs.mkdirSync(path.dirname(pathOf(sha256)), { recursive: true, mode: 0o700 });

  return {
    has: (sha256: string) => fs.existsSync(pathOf(sha256)),
    read: (sha256: string) => sealer.read(pathOf(sha256)),
    chunks: (sha256: string) => sealer.chunks(pathOf(sha256)),
    size: (sha256: string) => sealer.plainSize(pathOf(sha256)),
    readRange: (sha256: string, start: number, end: number) => sealer.readRange(pathOf(sha256), start, end),

    /** Keeps bytes under their SHA-256 (once: the same content twice is stored once). */
    put(sha256: string, plain: Uint8Array): void {
      if (fs.existsSync(pathOf(sha256))) return;
      folderFor(sha256);
      sealer.write(pathOf(sha256), plain);
    },

    /** Moves a completed sealed file (an upload) into place, or drops it when the content is already kept. */
    adopt(sha256: string, sealedFile: string): void {
      if (fs.existsSync(pathOf(sha256))) {
        fs.rmSync(sealedFile);
        return;
      }
      folderFor(sha256);
      fs.renameSync(sealedFile, pathOf(sha256));
    },

    /**
     * Seals the files an earlier version kept in the clear. A file whose bytes no longer match its
     * name is sealed as it is and reported: it is someone's record, damaged or not.
     */
    sealLegacyFiles(): { sealed: number; mismatched: string[] } {
      const outcome = { sealed: 0, mismatched: [] as string[] };
      if (!fs.existsSync(dir)) return outcome;
      for (const folder of fs.readdirSync(dir, { withFileTypes: true })) {
        if (!folder.isDirectory()) continue;
        for (const entry of fs.readdirSync(path.join(dir, folder.name), { withFileTypes: true })) {
          const file = path.join(dir, folder.name, entry.name);
          if (!entry.isFile() || !/^[0-9a-f]{64}$/.test(entry.name) || sealer.isSealed(file)) continue;
          const plain = fs.readFileSync(file);
          if (createHash('sha256').update(plain).digest('hex') !== entry.name) outcome.mismatched.push(file);
          sealer.write(file, plain);
          outcome.sealed++;
        }
      }
      return outcome;
    },
  };
}
