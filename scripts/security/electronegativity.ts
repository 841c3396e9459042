// CI: the static scan of the built app with @doyensec/electronegativity, its findings judged
// against security/electronegativity-findings.json (each explained). Bounded in time.
// Usage (after `npm run build`): npx tsx scripts/security/electronegativity.ts
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Explained {
  check: string;
  file: string;
  explanation: string;
}

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'out');
if (!fs.existsSync(path.join(out, 'main/index.cjs'))) {
  console.error('electronegativity: out/ is missing: run `npm run build` first.');
  process.exit(2);
}

// The tool reads .js/.ts/.html only: the built main and preload are .cjs, so they are copied
// as .js (same bytes) or they would silently not be scanned.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-scan-'));
const input = path.join(work, 'app');
let copied = 0;
const copy = (dir: string) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    if (entry.isDirectory()) copy(from);
    else if (/\.(cjs|js|html)$/.test(entry.name)) {
      const to = path.join(input, path.relative(out, from)).replace(/\.cjs$/, '.js');
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
      copied += 1;
    }
  }
};
copy(out);

const electronVersion = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const csv = path.join(work, 'findings.csv');
const bin = path.join(root, 'node_modules/.bin/electronegativity');
// It asks the network for Electron's releases (and goes on without): the timeout bounds it.
const run = spawnSync(bin, ['-i', input, '-o', csv, '-r', '-e', electronVersion], { cwd: work, encoding: 'utf8', timeout: 300_000 });
if (run.status !== 0 || !fs.existsSync(csv)) {
  console.log(`electronegativity: the scan did not complete (${run.error ? String(run.error) : `exit ${run.status}`}).`);
  console.log((run.stdout + run.stderr).split('\n').slice(-15).join('\n'));
  process.exit(1);
}

// CSV: issue,"severity","confidence","filename","location",sample,description,url
const findings = fs
  .readFileSync(csv, 'utf8')
  .split('\n')
  .slice(1)
  .map((line) => /^([A-Z0-9_]+),"([A-Z]+)","([A-Z]+)","([^"]*)","([^"]*)"/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  // Build hashes change with every build: "chunks/station-BKX3RNHS.js" is "chunks/station.js".
  .map((m) => ({ check: m[1]!, severity: m[2]!, confidence: m[3]!, file: m[4]!.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js'), location: m[5]! }));
const list = (JSON.parse(fs.readFileSync(path.join(root, 'security/electronegativity-findings.json'), 'utf8')) as { explained: Explained[] }).explained;
const explained = (f: { check: string; file: string }) => list.some((e) => e.check === f.check && e.file === f.file);
const unexplained = findings.filter((f) => !explained(f));
for (const f of findings) console.log(`${explained(f) ? 'explained  ' : 'UNEXPLAINED'} ${f.severity}/${f.confidence} ${f.check} ${f.file}:${f.location}`);
for (const e of list.filter((e) => !findings.some((f) => f.check === e.check && f.file === e.file))) console.log(`gone        ${e.check} ${e.file}: no longer found, remove it from the list`);
console.log(`electronegativity: ${copied} built files scanned, ${findings.length} finding(s), ${unexplained.length} unexplained (report: ${csv})`);
process.exit(unexplained.length === 0 ? 0 : 1);
