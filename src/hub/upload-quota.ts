// The room each owner (a token's subject) takes in the hub's uploads folder, against a quota: an
// upload is counted at its announced length when it is created, and freed when it is removed.
// Counted once from the folder's metadata files (the tus file store writes `<id>.json` beside
// each upload) at the first use after a start, then kept in memory.
import fs from 'node:fs/promises';
import path from 'node:path';

export interface UploadQuota {
  /** Counts `size` bytes for this owner; null when it fits, else why not (answered 413). */
  reserve(owner: string, size: number): Promise<string | null>;
  /** Removes an upload (`remove`), then frees its room. */
  freeing(owner: string, size: number, remove: () => Promise<void>): Promise<void>;
}

const megabytes = (bytes: number) => `${Number((bytes / 1e6).toPrecision(3))} MB`;

async function usageIn(directory: string): Promise<Map<string, number>> {
  const usage = new Map<string, number>();
  let names: string[];
  try {
    names = await fs.readdir(directory);
  } catch {
    return usage; // no folder yet: nothing stored
  }
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      const text = await fs.readFile(path.join(directory, name), 'utf8');
      const upload = JSON.parse(text) as { size?: unknown; offset?: unknown; metadata?: { owner?: unknown } };
      const owner = upload.metadata?.owner;
      const size =
        typeof upload.size === 'number' ? upload.size : typeof upload.offset === 'number' ? upload.offset : 0;
      if (typeof owner === 'string') usage.set(owner, (usage.get(owner) ?? 0) + size);
    } catch {
      // a metadata file being written or damaged: tus itself cannot serve that upload either
    }
  }
  return usage;
}

export function createUploadQuota(directory: string, quotaBytes: number): UploadQuota {
  let loaded: Promise<Map<string, number>> | null = null;
  const usage = () => (loaded ??= usageIn(directory));
  return {
    async reserve(owner, size) {
      const used = await usage();
      const taken = used.get(owner) ?? 0;
      if (taken + size > quotaBytes) {
        return (
          `Upload quota reached: this station's files on the regional hub take ${megabytes(taken)}, and this one (${megabytes(size)}) ` +
          `would pass its quota of ${megabytes(quotaBytes)} (RELAIS_HUB_UPLOAD_QUOTA_GB). ` +
          'The regional IT raises the quota or removes old uploads.'
        );
      }
      used.set(owner, taken + size);
      return null;
    },
    async freeing(owner, size, remove) {
      // Counted before the file goes, so that a first count made now still sees it.
      const used = await usage();
      await remove();
      used.set(owner, Math.max(0, (used.get(owner) ?? 0) - size));
    },
  };
}
