// The layout of docs/ARCHITECTURE.md, checked on the tree: each feature of src/main has its public
// index.ts, its contract file src/shared/<feature>/channels.ts (assembled by contract.ts), and at
// least one test that imports it. A new feature folder without them fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';

const root = process.cwd();
// The folders of src/main that are not features: the kernel, the dispatcher, the process adapters.
const NOT_FEATURES = new Set(['platform', 'contract', 'electron', 'host']);

const foldersOf = (dir: string): string[] =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

const mainFeatures = foldersOf('src/main').filter((name) => !NOT_FEATURES.has(name));
const sharedChannelFiles = foldersOf('src/shared').filter((name) =>
  fs.existsSync(path.join(root, 'src/shared', name, 'channels.ts')),
);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

// Every relative import of every test file, resolved to the repository path it reaches.
const testImports: { file: string; target: string }[] = filesUnder('test').flatMap((file) => {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|vi\.mock\(\s*)'(\.[^']+)'/g)].map((m) => ({
    file,
    target: path
      .relative(root, path.resolve(root, path.dirname(file), m[1]!))
      .split(path.sep)
      .join('/'),
  }));
});

describe('the layout by feature', () => {
  it('finds the features of src/main', () => {
    expect(mainFeatures).toEqual(expect.arrayContaining(['acts', 'devices', 'imaging', 'patients', 'station', 'sync']));
    expect(mainFeatures).not.toContain('services');
    expect(mainFeatures).not.toContain('db');
  });

  it.each(mainFeatures)('src/main/%s has its public index.ts', (feature) => {
    expect(fs.existsSync(path.join(root, 'src/main', feature, 'index.ts'))).toBe(true);
  });

  it.each(mainFeatures)('src/main/%s declares its channels in src/shared/%s/channels.ts', (feature) => {
    expect(sharedChannelFiles).toContain(feature);
  });

  it.each(mainFeatures)('src/main/%s is imported by at least one test', (feature) => {
    const importers = testImports.filter(
      ({ target }) => target === `src/main/${feature}` || target.startsWith(`src/main/${feature}/`),
    );
    expect(importers.map((i) => i.file)).not.toEqual([]);
  });

  it.each(sharedChannelFiles)(
    'src/shared/%s/channels.ts belongs to a feature of src/main and is assembled by contract.ts',
    async (feature) => {
      expect(mainFeatures).toContain(feature);
      const declared = (await import(`../../src/shared/${feature}/channels.ts`)) as Record<
        string,
        Record<string, unknown>
      >;
      const lists = Object.entries(declared).filter(([name]) => /_(CHANNELS|EVENTS)$/.test(name));
      expect(lists).not.toEqual([]);
      for (const [name, list] of lists) {
        const assembled: Record<string, unknown> = name.endsWith('_EVENTS') ? contract.events : contract.invoke;
        for (const [key, spec] of Object.entries(list)) expect(assembled[key], `${name} ${key}`).toBe(spec);
      }
    },
  );
});
