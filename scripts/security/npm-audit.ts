// CI: first, offline, every package that ships against its reviewed snapshot
// (security/production-dependencies.json): a new package or version nobody reviewed fails. Then
// `npm audit --omit=dev --audit-level=high` against security/npm-audit-allowlist.json: a high or
// critical finding not listed (package + advisory, with its reason) fails; an audit service that
// cannot be reached is said plainly as NOT RUN (never as passed: .ci/run's closing line says it),
// and fails only when RELAIS_AUDIT_REQUIRED=1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { invalidEntries, judgeAudit, type Accepted, type AuditReport } from './audit-judge';
import { invalidSnapshotEntries, judgeSnapshot, productionTree, type PackageLock, type Snapshot } from './dependency-snapshot-judge';

const root = path.resolve(import.meta.dirname, '../..');

const snapshot = JSON.parse(fs.readFileSync(path.join(root, 'security/production-dependencies.json'), 'utf8')) as Snapshot;
const tree = productionTree(JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as PackageLock);
const badEntries = invalidSnapshotEntries(snapshot);
const { unreviewed, stale: gone } = judgeSnapshot(tree, snapshot);
for (const line of badEntries) console.log(`dependency snapshot: ${line}`);
for (const p of unreviewed) console.log(`UNREVIEWED  ${p}: review it (advisories, licence, maintainers, install scripts), then add "${p}": "<day>" to security/production-dependencies.json`);
for (const p of gone) console.log(`stale       ${p}: no longer shipped, remove it from security/production-dependencies.json`);
const snapshotOk = badEntries.length === 0 && unreviewed.length === 0 && gone.length === 0;
console.log(`dependency snapshot: ${tree.length} shipped packages, ${unreviewed.length} unreviewed, ${gone.length} stale`);
const allowlist = JSON.parse(fs.readFileSync(path.join(root, 'security/npm-audit-allowlist.json'), 'utf8')) as { accepted: Accepted[] };
const invalid = invalidEntries(allowlist.accepted);
if (invalid.length > 0) {
  for (const line of invalid) console.log(`npm audit: allowlist entry ${line}`);
  process.exit(1);
}

const run = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
type Answer = AuditReport & { message?: string; error?: { summary?: string } };
const parse = (text: string): Answer | null => {
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return null;
  }
};
const report = parse(run.stdout);
if (!report || report.error || report.message || !report.vulnerabilities) {
  const why = report?.message || report?.error?.summary || (run.error ? String(run.error) : 'no answer');
  console.log(`npm audit: NOT RUN: the registry's audit service could not be reached (${why.trim()}). Production dependencies were not checked against advisories; only against their reviewed snapshot.`);
  process.exit(!snapshotOk || process.env.RELAIS_AUDIT_REQUIRED === '1' ? 1 : 0);
}

const { found, unexplained, stale } = judgeAudit(report, allowlist.accepted);
for (const f of found) console.log(`${unexplained.includes(f) ? 'UNEXPLAINED' : 'accepted   '} ${f.severity} ${f.package}: ${f.title} (${f.advisory})`);
for (const a of stale) console.log(`stale       ${a.package} ${a.advisory}: no longer reported, remove it from the allowlist`);
console.log(`npm audit: ${found.length} high/critical finding(s), ${unexplained.length} unexplained`);
process.exit(snapshotOk && unexplained.length === 0 ? 0 : 1);
