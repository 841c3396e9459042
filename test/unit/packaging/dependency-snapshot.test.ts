// The offline check of the production dependencies against their reviewed snapshot (issue 16,
// point 13): a new dependency, or a new version, that nobody reviewed fails CI even when npm
// audit cannot reach its service.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  invalidSnapshotEntries,
  judgeSnapshot,
  productionTree,
  type PackageLock,
  type Snapshot,
} from '../../../scripts/security/dependency-snapshot-judge';

const lock: PackageLock = {
  lockfileVersion: 3,
  packages: {
    '': { version: '0.1.0' },
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/ws': { version: '8.23.0' },
    'node_modules/@tus/server': { version: '2.4.5' },
    'node_modules/@tus/server/node_modules/debug': { version: '4.4.3' },
    'node_modules/string-width-cjs': { name: 'string-width', version: '4.2.3' },
    'node_modules/vitest': { version: '4.1.12', dev: true },
  },
};
const reviewed = (keys: string[]): Snapshot => ({
  about: 'test',
  packages: Object.fromEntries(keys.map((k) => [k, '2026-12-06'])),
});

describe('the production dependencies against their reviewed snapshot', () => {
  it('lists what ships: nested and aliased packages by their real names, never dev-only ones nor the app', () => {
    expect(productionTree(lock)).toEqual([
      '@tus/server@2.4.5',
      'debug@4.4.3',
      'string-width@4.2.3',
      'ws@8.23.0',
      'zod@4.6.7',
    ]);
  });

  it('fails a new dependency, and a new version of a reviewed one, that nobody reviewed', () => {
    const snapshot = reviewed(['@tus/server@2.4.5', 'debug@4.4.3', 'string-width@4.2.3', 'zod@4.6.7', 'ws@8.22.0']);
    expect(judgeSnapshot(productionTree(lock), snapshot)).toEqual({ unreviewed: ['ws@8.23.0'], stale: ['ws@8.22.0'] });
  });

  it('passes when every shipped package is reviewed', () => {
    expect(judgeSnapshot(productionTree(lock), reviewed(productionTree(lock)))).toEqual({ unreviewed: [], stale: [] });
  });

  it('refuses an entry without the day it was reviewed', () => {
    expect(
      invalidSnapshotEntries({ packages: { 'zod@4.6.7': '2026-12-06', 'ws@8.23.0': 'yes', nonsense: '2026-12-06' } }),
    ).toHaveLength(2);
    expect(invalidSnapshotEntries({})).toEqual(['the snapshot has no "packages" map']);
  });

  it("holds this repository's production tree: every package that ships was reviewed", () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const tree = productionTree(
      JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as PackageLock,
    );
    const snapshot = JSON.parse(
      fs.readFileSync(path.join(root, 'security/production-dependencies.json'), 'utf8'),
    ) as Snapshot;
    expect(invalidSnapshotEntries(snapshot)).toEqual([]);
    expect(judgeSnapshot(tree, snapshot)).toEqual({ unreviewed: [], stale: [] });
  });
});
