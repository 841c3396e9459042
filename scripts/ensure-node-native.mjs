// Before tests: native modules must be built for Node. After `npm start` under Electron they are
// built for Electron's ABI, so rebuild them for Node once, saying so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { requireProjectNode } from './node-version.mjs';

requireProjectNode();

const marker = 'node_modules/.relais-native-abi';
try {
  const Database = (await import('better-sqlite3')).default;
  new Database(':memory:').close();
  process.exit(0);
} catch (error) {
  process.stdout.write(
    `better-sqlite3 does not load in Node (${String(error.message).split('\n')[0]}): rebuilding it for Node.\n`,
  );
}
// The npm that runs this script (npm_execpath), on this very Node: the module is rebuilt for the
// Node the tests will load it in, whatever npm or node comes first on PATH.
const rebuild = ['rebuild', 'better-sqlite3'];
const npmCli = process.env.npm_execpath;
const result = npmCli
  ? spawnSync(process.execPath, [npmCli, ...rebuild], { stdio: 'inherit' })
  : spawnSync('npm', rebuild, { stdio: 'inherit' });
if (result.status === 0) fs.rmSync(marker, { force: true });
process.exit(result.status ?? 1);
