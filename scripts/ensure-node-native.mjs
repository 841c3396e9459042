// Before tests: native modules must be built for Node. After `npm start` under Electron they are
// built for Electron's ABI, so rebuild them for Node once, saying so.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const marker = 'node_modules/.relais-native-abi';
try {
  const Database = (await import('better-sqlite3')).default;
  new Database(':memory:').close();
  process.exit(0);
} catch (error) {
  process.stdout.write(`better-sqlite3 does not load in Node (${String(error.message).split('\n')[0]}): rebuilding it for Node.\n`);
}
const result = spawnSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' });
if (result.status === 0) fs.rmSync(marker, { force: true });
process.exit(result.status ?? 1);
