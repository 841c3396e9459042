// docs/ARCHITECTURE.md and the tree agree: every feature folder of main, shared and the renderer is
// named in the map, and every path the map names exists. A folder added, moved or removed without
// the map following fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();
const doc = fs.readFileSync(path.join(root, 'docs/ARCHITECTURE.md'), 'utf8');
const foldersOf = (dir: string): string[] =>
  fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

// The paths the map names in backquotes. Renderer paths are written from src/renderer
// (`features/acts/`, `ui/...`, `webrtc/...`); a `<feature>` is a pattern, not a path.
const named = [...doc.matchAll(/`([^`\s]+)`/g)]
  .map((m) => m[1]!)
  .filter((p) => /^(src|devices|scripts|test|bench|docs|features|ui|webrtc)\//.test(p) && !p.includes('<'))
  .map((p) => (/^(features|ui|webrtc)\//.test(p) ? `src/renderer/${p}` : p));

describe('docs/ARCHITECTURE.md and the tree', () => {
  it('names every folder of src/main, src/shared and src/renderer/features', () => {
    const missing = [
      ...foldersOf('src/main').map((f) => `src/main/${f}/`),
      ...foldersOf('src/shared').map((f) => `src/shared/${f}/`),
    ]
      .filter((folder) => !doc.includes(`\`${folder}`))
      .concat(
        foldersOf('src/renderer/features')
          .filter((f) => !doc.includes(`\`features/${f}/`))
          .map((f) => `features/${f}/`),
      );
    expect(missing).toEqual([]);
  });

  it('names only paths that exist', () => {
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
  });
});
