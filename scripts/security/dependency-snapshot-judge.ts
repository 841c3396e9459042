// The production dependency tree against its reviewed snapshot, offline: npm audit needs the
// registry's audit service, which may be unreachable (it answers 405 on some networks), so every
// package and version that ships is also listed with the date a person reviewed it. A new one,
// or a new version, fails CI until it is reviewed and listed.

/** package-lock.json (lockfileVersion 2 or 3): each installed package by its path. */
export interface PackageLock {
  lockfileVersion?: number;
  packages?: Record<string, { version?: string; name?: string; dev?: boolean; link?: boolean }>;
}

export interface Snapshot {
  about: string;
  /** "name@version": the day it was reviewed (YYYY-MM-DD). */
  packages: Record<string, string>;
}

/** Every package that ships (not dev-only) as "name@version", sorted, each once. */
export function productionTree(lock: PackageLock): string[] {
  if (!lock.packages || (lock.lockfileVersion ?? 0) < 2) throw new Error('package-lock.json must be lockfileVersion 2 or 3 (npm 7 or later).');
  const found = new Set<string>();
  for (const [where, entry] of Object.entries(lock.packages)) {
    // The root ("") is the app itself; dev-only packages never ship; links point at an entry listed apart.
    if (where === '' || entry.dev || entry.link) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 'node_modules/'.length);
    if (!entry.version) throw new Error(`package-lock.json lists ${where} without a version.`);
    found.add(`${name}@${entry.version}`);
  }
  return [...found].sort();
}

/** Entries a reviewer could not have written: no date, or not a real day. */
export function invalidSnapshotEntries(snapshot: Partial<Snapshot>): string[] {
  if (!snapshot.packages || typeof snapshot.packages !== 'object') return ['the snapshot has no "packages" map'];
  return Object.entries(snapshot.packages)
    .filter(([key, day]) => !/^(@[^/@]+\/)?[^/@]+@\S+$/.test(key) || typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day)))
    .map(([key, day]) => `"${key}": ${JSON.stringify(day)} needs a name@version and the day it was reviewed (YYYY-MM-DD)`);
}

export function judgeSnapshot(tree: string[], snapshot: Snapshot): { unreviewed: string[]; stale: string[] } {
  const shipped = new Set(tree);
  return {
    unreviewed: tree.filter((p) => !(p in snapshot.packages)),
    stale: Object.keys(snapshot.packages).filter((p) => !shipped.has(p)),
  };
}
