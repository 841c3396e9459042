// What the damage tests do to a station's files from outside: flip bytes in the pages of one table
// (found with SQLite's dbstat, opened with the station's key), flip bytes in a WAL frame, take the
// files' fingerprints (to show nothing was written), and count what waits in the outbox.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IdentityInput } from '../../src/shared/patients/patient';
import type { StationOptions } from '../../src/main/station';
import { openStation } from './station';
import { stationDatabase } from './station-database';

export const DATABASE = 'relais.sqlite';
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** A provisional identity of its own for each n: no two are possible duplicates of each other. */
export function patientNumber(n: number, family = 'Kerbrat'): IdentityInput {
  const letters = String(n).replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!);
  return {
    birthName: `${family}${letters}`,
    firstName: ['Anne', 'Louise', 'Marie', 'Paul', 'Jean', 'Luc', 'Rose', 'Yves', 'Iris', 'Marc'][n % 10]!,
    birthDate: new Date(Date.UTC(1930, 0, 1 + n * 97)).toISOString().slice(0, 10),
    sex: n % 2 === 0 ? 'F' : 'M',
    birthplaceCode: '29019',
    identityStatus: 'PROV',
  };
}

/**
 * Flips 64 bytes in the middle of the table's leaf page nearest the middle of the file: "64 flipped
 * bytes in the middle of the database", on a page that holds records (a free page would be harmless).
 * Returns the page number.
 */
export function flipBytesInTable(dataDir: string, table: string): number {
  const db = stationDatabase(dataDir, { readonly: true });
  const pages = (
    db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table) as {
      pageno: number;
    }[]
  ).map((p) => p.pageno);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const file = path.join(dataDir, DATABASE);
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0)
    throw new Error('close the station first: its pages are still in the WAL');
  const middle = fs.statSync(file).size / pageSize / 2;
  const page = pages.reduce((best, p) => (Math.abs(p - middle) < Math.abs(best - middle) ? p : best), pages[0]!);
  const bytes = fs.readFileSync(file);
  const at = (page - 1) * pageSize + pageSize / 2;
  for (let i = 0; i < 64; i++) bytes[at + i]! ^= 0x5a;
  fs.writeFileSync(file, bytes);
  return page;
}

/**
 * Flips 64 bytes inside the page of the middle frame of the WAL's current log (the frames carrying
 * the header's salts, from the start: older frames further on are never replayed). Returns how many
 * frames the current log holds and which one (0-based) was damaged.
 */
export function flipBytesInWalFrame(dataDir: string): { frames: number; damaged: number } {
  const file = path.join(dataDir, `${DATABASE}-wal`);
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt32BE(8);
  const frameSize = FRAME_HEADER + pageSize;
  const [salt1, salt2] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  let frames = 0;
  for (let at = WAL_HEADER; at + frameSize <= bytes.length; at += frameSize, frames++) {
    if (bytes.readUInt32BE(at + 8) !== salt1 || bytes.readUInt32BE(at + 12) !== salt2) break;
  }
  if (frames < 4) throw new Error(`the WAL's current log holds ${frames} frames: nothing to damage in its middle`);
  const damaged = Math.floor(frames / 2);
  const at = WAL_HEADER + damaged * frameSize + FRAME_HEADER + 1000;
  for (let i = 0; i < 64; i++) bytes[at + i]! ^= 0x5a;
  fs.writeFileSync(file, bytes);
  return { frames, damaged };
}

/**
 * Each file of the database (main, WAL) and the audit anchor, by content: equal fingerprints,
 * nothing written. An empty file is as good as none (a read-only connection may create an empty WAL).
 */
export function databaseFingerprint(dataDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [DATABASE, `${DATABASE}-wal`, 'audit-anchor.json']) {
    const file = path.join(dataDir, name);
    const bytes = fs.existsSync(file) ? fs.readFileSync(file) : null;
    out[name] = bytes && bytes.length > 0 ? createHash('sha256').update(bytes).digest('hex') : 'absent';
  }
  return out;
}

/** Rows still waiting in the outbox (not parked). */
export function outboxWaiting(dataDir: string): number {
  const db = stationDatabase(dataDir, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM outbox WHERE parked = 0').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export async function outboxDrained(dataDir: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (outboxWaiting(dataDir) > 0) {
    if (Date.now() > deadline)
      throw new Error(`the outbox still holds ${outboxWaiting(dataDir)} rows after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A station on `dir` reaching the region at `urls` with `hubToken`, syncing every few
 * milliseconds, closed once whether the test closes it or `cleanups` does.
 */
export function regionStation(
  dir: string,
  urls: { hubUrl: string; fhirUrl: string },
  hubToken: string,
  cleanups: (() => Promise<void> | void)[],
) {
  const station = openStation(dir, undefined, {
    ...urls,
    hubToken,
    syncTiming: { debounceMs: 5, intervalMs: 40, pullIntervalMs: 100 },
  } satisfies Partial<StationOptions>);
  let closed = false;
  const close = async () => {
    if (!closed) await station.close();
    closed = true;
  };
  cleanups.push(close);
  return { ...station, close };
}
