// The station's files by content: photos, sounds, PDFs and imported DICOM, each kept once under
// attachments/<2 hex>/<sha256>, sealed (encrypted) on disk. Every reader goes through here, so no
// part of the station reads or writes a patient's file in the clear.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SealedFileError, type FileSealer } from '../security/sealed-file';

export type AttachmentStore = ReturnType<typeof createAttachmentStore>;
/** What keeping a file did: stored it, found it kept already, or replaced a damaged copy of it. */
export type StoreOutcome = 'stored' | 'already_kept' | 'replaced_damaged';

export function createAttachmentStore(dir: string, sealer: FileSealer) {
  const pathOf = (sha256: string) => path.join(dir, sha256.slice(0, 2), sha256);
  const folderFor = (sha256: string) => fs.mkdirSync(path.dirname(pathOf(sha256)), { recursive: true, mode: 0o700 });

  /** Throws SealedFileError unless the sealed file reads back whole as `sha256`. */
  function checkStored(sha256: string, file: string): void {
    const actual = sealer.sha256(file);
    if (actual !== sha256) throw new SealedFileError(`The stored copy ${file} reads back as ${actual}, not ${sha256}.`);
  }

  /** Whether a copy is kept under this name, and whether it reads back whole as its name says. */
  function existing(sha256: string): 'none' | 'sound' | 'damaged' {
    if (!fs.existsSync(pathOf(sha256))) return 'none';
    try {
      checkStored(sha256, pathOf(sha256));
      return 'sound';
    } catch (error) {
      if (error instanceof SealedFileError) return 'damaged';
      throw error;
    }
  }

  return {
    has: (sha256: string) => fs.existsSync(pathOf(sha256)),
    read: (sha256: string) => sealer.read(pathOf(sha256)),
    /** The plain bytes [start, end) record by record: a file is streamed, never held whole. */
    chunks: (sha256: string, start = 0, end = Infinity) => sealer.chunks(pathOf(sha256), start, end),
    size: (sha256: string) => sealer.plainSize(pathOf(sha256)),
    readRange: (sha256: string, start: number, end: number) => sealer.readRange(pathOf(sha256), start, end),

    /**
     * Keeps bytes under their SHA-256 (once: the same content twice is stored once). A copy kept
     * already that no longer reads back as its name says (torn by a full disk in an earlier
     * version, damaged since) is replaced by this one.
     */
    put(sha256: string, plain: Uint8Array): StoreOutcome {
      const kept = existing(sha256);
      if (kept === 'sound') return 'already_kept';
      folderFor(sha256);
      sealer.write(pathOf(sha256), plain);
      try {
        checkStored(sha256, pathOf(sha256));
      } catch (error) {
        // Written whole yet not read back (a failing disk): kept, it would be taken for the file.
        fs.rmSync(pathOf(sha256), { force: true });
        throw error;
      }
      return kept === 'damaged' ? 'replaced_damaged' : 'stored';
    },

    /**
     * Keeps a file given as plain pieces (read from a drive, unsealed from a drop) in one pass:
     * sealed into a temporary in a shard folder while its SHA-256 is computed, then moved under
     * that name; dropped when a sound copy is kept already (a damaged one is replaced). Unlike
     * `put`, the copy is not read back: reading it from the page cache right after writing it
     * proves nothing about the disk, every record carries its tag (damage is caught when it is
     * read), and the sealer checks that the disk holds every sealed byte. A stop midway leaves a
     * `.part`, removed at the next start (leftover-files.ts).
     */
    putFrom(pieces: Iterable<Uint8Array>): { sha256: string; size: number; outcome: StoreOutcome } {
      const temporary = path.join(dir, randomBytes(1).toString('hex'), `${randomBytes(8).toString('hex')}.part`);
      fs.mkdirSync(path.dirname(temporary), { recursive: true, mode: 0o700 });
      const { sha256, size } = sealer.writeFrom(temporary, pieces);
      try {
        const kept = existing(sha256);
        if (kept === 'sound') {
          fs.rmSync(temporary, { force: true });
          return { sha256, size, outcome: 'already_kept' };
        }
        folderFor(sha256);
        fs.renameSync(temporary, pathOf(sha256));
        return { sha256, size, outcome: kept === 'damaged' ? 'replaced_damaged' : 'stored' };
      } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw error;
      }
    },

    /**
     * Moves a completed sealed file (an upload) into place once it reads back whole as `sha256`,
     * or drops it when a sound copy is kept already (a damaged one is replaced). Throws
     * SealedFileError when the new file does not read back (it is removed: nothing is kept).
     */
    adopt(sha256: string, sealedFile: string): StoreOutcome {
      const kept = existing(sha256);
      if (kept === 'sound') {
        fs.rmSync(sealedFile, { force: true });
        return 'already_kept';
      }
      try {
        checkStored(sha256, sealedFile);
      } catch (error) {
        fs.rmSync(sealedFile, { force: true });
        throw error;
      }
      folderFor(sha256);
      fs.renameSync(sealedFile, pathOf(sha256));
      return kept === 'damaged' ? 'replaced_damaged' : 'stored';
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
