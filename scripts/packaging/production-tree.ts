// The packages the app ships (package.json dependencies, recursively, as Node would resolve
// them) and which of them carry native code: shared by the config test and the package check.
import fs from 'node:fs';
import path from 'node:path';

export interface ShippedPackage {
  name: string;
  dir: string;
}

// Node's lookup: <dir>/node_modules/<name>, then each parent's, up to the project.
function resolvePackageDir(name: string, fromDir: string, projectDir: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (fs.existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.resolve(dir) === path.resolve(projectDir)) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function readManifest(dir: string): {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
} {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

export function shippedPackages(projectDir: string): ShippedPackage[] {
  const seen = new Map<string, ShippedPackage>();
  const visit = (dir: string) => {
    const manifest = readManifest(dir);
    const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {})];
    for (const name of names) {
      const found = resolvePackageDir(name, dir, projectDir);
      // An optional dependency for another OS is simply absent.
      if (!found || seen.has(found)) continue;
      seen.set(found, { name, dir: found });
      visit(found);
    }
  };
  visit(projectDir);
  return [...seen.values()];
}

function hasNodeFile(dir: string, depth = 0): boolean {
  if (depth > 6 || !fs.existsSync(dir)) return false;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.node')) return true;
    if (entry.isDirectory() && entry.name !== 'node_modules' && hasNodeFile(path.join(dir, entry.name), depth + 1))
      return true;
  }
  return false;
}

// A package with native code: built by node-gyp (binding.gyp) or shipping a compiled .node.
export function nativePackages(projectDir: string): ShippedPackage[] {
  return shippedPackages(projectDir).filter(
    (p) => fs.existsSync(path.join(p.dir, 'binding.gyp')) || hasNodeFile(p.dir),
  );
}
