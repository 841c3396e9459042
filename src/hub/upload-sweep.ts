// What nobody will finish, removed from the hub's uploads folder (at start, then hourly): an
// upload left unfinished longer than the region allows (the station restarts one it no longer
// finds), and the pieces a crash leaves (tus writes each upload as `<id>` and `<id>.json`: a file
// whose description was never written, a description whose file was removed, one cut off mid-write).
// Finished uploads are the region's files: never touched here. Names that are not tus uploads'
// (lost+found on a volume, the IT's own files) are not the hub's to touch either.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fsSync from 'node:fs';

const UPLOAD_NAME = /^([0-9a-f]{32})(\.json)?$/;
/**
 * A piece younger than this may be an upload being created right now (by this hub, or by the one
 * it replaces during a rolling restart): left for a later sweep.
 */
export const PIECES_AFTER_MS = 3600_000;

export interface SweepOptions {
  /** An upload whose file has not grown for this long is abandoned. */
  abandonedAfterMs: number;
  now: () => number;
  /** Removes these files of an upload, freeing what the quota counted for its owner (its announced size). */
  remove(names: string[], counted: { owner: string; size: number } | null): Promise<void>;
}

interface Found {
  data?: fsSync.Stats;
  info?: fsSync.Stats;
}

async function readInfo(file: string): Promise<{ size?: unknown; metadata?: { owner?: unknown } } | null> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as { size?: unknown; metadata?: { owner?: unknown } };
  } catch {
    return null;
  }
}

export async function sweepUploads(
  directory: string,
  options: SweepOptions,
): Promise<{ abandoned: number; pieces: number }> {
  const found = new Map<string, Found>();
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch {
    return { abandoned: 0, pieces: 0 }; // no folder yet: nothing stored
  }
  for (const name of names) {
    const match = UPLOAD_NAME.exec(name);
    if (!match) continue;
    const stats = await fs.stat(path.join(directory, name)).catch(() => null);
    if (!stats?.isFile()) continue;
    const entry = found.get(match[1]!) ?? {};
    if (match[2]) entry.info = stats;
    else entry.data = stats;
    found.set(match[1]!, entry);
  }
  const outcome = { abandoned: 0, pieces: 0 };
  const now = options.now();
  for (const [id, { data, info }] of found) {
    const described = info ? await readInfo(path.join(directory, `${id}.json`)) : null;
    const size = typeof described?.size === 'number' ? described.size : null;
    const owner = typeof described?.metadata?.owner === 'string' ? described.metadata.owner : null;
    const counted = owner ? { owner, size: size ?? 0 } : null;
    const present = [...(data ? [id] : []), ...(info ? [`${id}.json`] : [])];
    if (data && described) {
      if (size !== null && data.size >= size) continue; // finished: the region's file
      if (now - data.mtimeMs <= options.abandonedAfterMs) continue; // still being sent
      await options.remove(present, counted);
      outcome.abandoned++;
      continue;
    }
    // A piece: one half only, or a description nobody can read.
    const newest = Math.max(data?.mtimeMs ?? 0, info?.mtimeMs ?? 0);
    if (now - newest <= PIECES_AFTER_MS) continue;
    await options.remove(present, counted);
    outcome.pieces += present.length;
  }
  return outcome;
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // someone else's process: alive
  }
};

/**
 * A development hub's temporary uploads folder, named with its process id. The folders of hubs no
 * longer running (killed outright: they never removed theirs) are removed first: they hold
 * patients' files in the clear.
 */
export function makeTemporaryUploadsFolder(): string {
  const parent = os.tmpdir();
  for (const name of fsSync.readdirSync(parent)) {
    const pid = /^relais-hub-uploads-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      if (fsSync.statSync(path.join(parent, name)).uid !== process.getuid?.()) continue; // another account's
      fsSync.rmSync(path.join(parent, name), { recursive: true, force: true });
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
  return fsSync.mkdtempSync(path.join(parent, `relais-hub-uploads-${process.pid}-`));
}
