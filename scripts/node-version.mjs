// Relais runs on Node.js 22 LTS (package.json engines; installed by scripts/setup/node22.sh).
// Checked before tests and `npm start`: another Node would build the native modules for itself
// and fail later with a less clear error, or run dependencies that need Node 22.
import fs from 'node:fs';

const packageJson = new URL('../package.json', import.meta.url);

// engines.node is a caret range (`^22.12.0`): same major, at least that minor and patch.
export function nodeSatisfiesEngines(version = process.versions.node) {
  const range = JSON.parse(fs.readFileSync(packageJson, 'utf8')).engines.node;
  const [major, minor, patch] = version.split('.').map(Number);
  const [wantMajor, wantMinor, wantPatch] = range.replace(/^\^/, '').split('.').map(Number);
  const ok = major === wantMajor && (minor > wantMinor || (minor === wantMinor && patch >= wantPatch));
  return { ok, range };
}

export function requireProjectNode(version = process.versions.node) {
  const { ok, range } = nodeSatisfiesEngines(version);
  if (ok) return;
  process.stderr.write(
    `Relais demande Node.js ${range} (22 LTS) ; celui-ci est v${version} (${process.execPath}).\n` +
      '  Installez-le avec scripts/setup/node22.sh, puis, dans chaque terminal : . .node/env.sh\n' +
      `Relais needs Node.js ${range} (22 LTS); this one is v${version} (${process.execPath}).\n` +
      '  Install it with scripts/setup/node22.sh, then, in each shell: . .node/env.sh\n',
  );
  process.exit(1);
}
