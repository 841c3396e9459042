// Relais requires Node.js 22 LTS (issue 19, point 8): the tests run on it, and package.json's
// engines, .nvmrc and the setup script that installs it (scripts/setup/node22.sh) name the same one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

type Version = [number, number, number];

function parse(version: string): Version {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  if (!match) throw new Error(`not a version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

// Only the caret form is accepted: `^22.x.y` keeps the project on the 22 LTS line.
function satisfiesCaret(version: string, range: string): boolean {
  if (!range.startsWith('^')) throw new Error(`engines.node should be a caret range, got ${range}`);
  const [major, minor, patch] = parse(version);
  const [wantMajor, wantMinor, wantPatch] = parse(range.slice(1));
  if (major !== wantMajor) return false;
  return minor > wantMinor || (minor === wantMinor && patch >= wantPatch);
}

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string; npm?: string } };
const setupScript = fs.readFileSync('scripts/setup/node22.sh', 'utf8');
const pinned = (name: string) => new RegExp(`^${name}=(\\S+)$`, 'm').exec(setupScript)?.[1] ?? '';

describe('Node.js version', () => {
  it('package.json requires Node 22 LTS and names a minimum npm', () => {
    expect(pkg.engines.node).toMatch(/^\^22\.\d+\.\d+$/);
    expect(pkg.engines.npm).toBeDefined();
  });

  it('.nvmrc and the setup script pin the same Node 22, within engines', () => {
    const nvmrc = fs.readFileSync('.nvmrc', 'utf8').trim();
    expect(pinned('NODE_VERSION')).toBe(nvmrc);
    expect(satisfiesCaret(nvmrc, pkg.engines.node)).toBe(true);
  });

  it('the setup script checks an sha512 integrity for node and npm', () => {
    expect(pinned('NODE_INTEGRITY')).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
    expect(pinned('NPM_INTEGRITY')).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it('the tests run on the Node the project requires', () => {
    expect(satisfiesCaret(process.versions.node, pkg.engines.node), `running on Node ${process.version}`).toBe(true);
  });
});

// scripts/node-version.mjs stops `npm test` (pretest) and `npm start` on another Node.
function checkAs(version: string) {
  const code = `import('./scripts/node-version.mjs').then((m) => m.requireProjectNode(${JSON.stringify(version)}))`;
  return spawnSync(process.execPath, ['-e', code], { encoding: 'utf8' });
}

describe('npm test and npm start on another Node', () => {
  it.each(['20.20.2', '22.11.0', '23.0.0', '24.1.0'])(
    'refuse Node %s, saying what to do in French and English',
    (version) => {
      const run = checkAs(version);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Relais demande Node.js ${pkg.engines.node}`);
      expect(run.stderr).toContain(`Relais needs Node.js ${pkg.engines.node} (22 LTS); this one is v${version}`);
      expect(run.stderr).toContain('scripts/setup/node22.sh');
    },
  );

  it('go on with the Node that .nvmrc names', () => {
    const run = checkAs(fs.readFileSync('.nvmrc', 'utf8').trim());
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });
});
