// Reads a SQLite WAL file before the database is opened, to find a frame damaged in the middle of
// the log. SQLite replays frames until the first one whose salt or checksum is wrong and silently
// drops everything after it; a torn last frame (a SIGKILL during a write) is normal, and so is a
// bad frame of a transaction that had not committed yet; but commit frames of the same log
// generation (same salts) after a bad one mean transactions that were committed and are now lost.
// Format: https://www.sqlite.org/fileformat2.html#the_write_ahead_log
import fs from 'node:fs';

const HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export interface WalScan {
  /** Frames of the current log (carrying the header's salts; older frames further on are never replayed). */
  frames: number;
  /** Frames SQLite will replay (up to the last commit before the first bad frame). */
  replayed: number;
  /** The first bad frame (1-based) followed by frames of the same log; null when the log is whole. */
  damagedFrame: number | null;
  /** Commits after the damaged frame: transactions SQLite would drop without a word. */
  lostCommits: number;
  /** The header itself is damaged while frames follow: SQLite ignores the whole log. */
  headerDamaged: boolean;
}

/** SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic number says. */
function checksum(
  bytes: Buffer,
  start: number,
  end: number,
  bigEndian: boolean,
  s: [number, number],
): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Scans the WAL at `file`; null when there is none (or it holds no frame). */
export function scanWal(file: string): WalScan | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return null;
  }
  if (bytes.length < HEADER) return null;
  const magic = bytes.readUInt32BE(0);
  const pageSize = bytes.readUInt32BE(8);
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  // A log that is not empty but whose header SQLite cannot trust: SQLite ignores the whole log.
  if ((magic !== MAGIC_LE && magic !== MAGIC_BE) || !validPageSize)
    return bytes.length > HEADER
      ? { frames: 0, replayed: 0, damagedFrame: null, lostCommits: 0, headerDamaged: true }
      : null;
  const frameSize = FRAME_HEADER + pageSize;
  const whole = Math.floor((bytes.length - HEADER) / frameSize);
  if (whole === 0) return null;
  const bigEndian = magic === MAGIC_BE;
  const header = checksum(bytes, 0, 24, bigEndian, [0, 0]);
  if (header[0] !== bytes.readUInt32BE(24) || header[1] !== bytes.readUInt32BE(28)) {
    return { frames: whole, replayed: 0, damagedFrame: null, lostCommits: 0, headerDamaged: true };
  }
  const salt1 = bytes.readUInt32BE(16);
  const salt2 = bytes.readUInt32BE(20);
  const sameLog = (at: number) => bytes.readUInt32BE(at + 8) === salt1 && bytes.readUInt32BE(at + 12) === salt2;
  let frames = 0;
  for (let i = 0; i < whole; i++) if (sameLog(HEADER + i * frameSize)) frames++;
  let running = header;
  let replayed = 0;
  let firstBad: number | null = null;
  for (let i = 0; i < whole; i++) {
    const at = HEADER + i * frameSize;
    running = checksum(
      bytes,
      at + FRAME_HEADER,
      at + frameSize,
      bigEndian,
      checksum(bytes, at, at + 8, bigEndian, running),
    );
    if (!sameLog(at) || running[0] !== bytes.readUInt32BE(at + 16) || running[1] !== bytes.readUInt32BE(at + 20)) {
      firstBad = i;
      break;
    }
    if (bytes.readUInt32BE(at + 4) !== 0) replayed = i + 1; // a commit frame: the log is replayed up to here
  }
  if (firstBad === null) return { frames, replayed, damagedFrame: null, lostCommits: 0, headerDamaged: false };
  // Frames of this log after the bad one were written after it: the bad one is damage, not a torn end.
  let lostCommits = 0;
  let laterFrames = 0;
  for (let i = firstBad + 1; i < whole; i++) {
    const at = HEADER + i * frameSize;
    if (!sameLog(at)) continue;
    laterFrames++;
    if (bytes.readUInt32BE(at + 4) !== 0) lostCommits++;
  }
  if (laterFrames === 0) return { frames, replayed, damagedFrame: null, lostCommits: 0, headerDamaged: false };
  // The damaged frame's own transaction is lost too when it had not committed before it.
  lostCommits += bytes.readUInt32BE(HEADER + firstBad * frameSize + 4) !== 0 ? 1 : 0;
  // No commit at or after the bad frame: it belongs to a transaction that was still being written.
  // SQLite writes a page spilled twice in one transaction over its first frame and fixes that
  // frame's checksum only at the commit: a station killed before it leaves exactly this, and
  // nothing committed is lost (SQLite drops the unfinished transaction, as it should).
  if (lostCommits === 0) return { frames, replayed, damagedFrame: null, lostCommits: 0, headerDamaged: false };
  return { frames, replayed, damagedFrame: firstBad + 1, lostCommits, headerDamaged: false };
}
