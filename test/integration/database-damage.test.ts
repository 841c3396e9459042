// A damaged database (issue 17, point 3): 64 bytes flipped in the middle of a real station's
// encrypted database, on a page of its patients. The station starts read-only in a "damaged" state
// that it says, with what is damaged; no write reaches the file (its bytes are unchanged); reads
// that still work keep working. The technician checks the daily backup, restores it (the damaged
// file kept aside), and the region gives back what the backup lacks: the patients made after it.
// The three made while the region was unreachable are lost, and the report says so and counts them.
// Then a WAL frame damaged after a SIGKILL: SQLite would silently drop every transaction after it;
// the station says so, keeps the files aside untouched, and the region gives the records back.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { auditRowsSettled } from '../helpers/audit-sync';
import {
  DATABASE,
  databaseFingerprint,
  flipBytesInTable,
  flipBytesInWalFrame,
  outboxDrained,
  patientNumber,
  regionStation,
} from '../helpers/database-damage';
import { openStation } from '../helpers/station';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir('relais-db-damage-');
const SECRET = 'database-damage-secret';
const token = issueToken(SECRET, {
  sub: 'cart-17',
  role: 'station',
  name: 'Chariot 17',
  site: 'EHPAD Ker Maria',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 900,
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The hub behind a proxy the test can cut: the region unreachable, without stopping it (its store is in memory). */
async function region(): Promise<{ hub: RunningHub; proxy: TcpProxy; urls: { hubUrl: string; fhirUrl: string } }> {
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'coturn-secret',
    turnUrls: [],
    offers: [],
    httpRatePerSecond: 1e6,
    httpBurst: 1e6,
  });
  cleanups.push(() => hub.close());
  const proxy = await startTcpProxy(hub.port);
  cleanups.push(() => proxy.close());
  const via = (url: string) => url.replace(`:${hub.port}/`, `:${proxy.port}/`);
  return { hub, proxy, urls: { hubUrl: via(hub.url), fhirUrl: via(hub.fhirUrl) } };
}

const stationAt = (dir: string, urls: { hubUrl: string; fhirUrl: string }) => regionStation(dir, urls, token, cleanups);

async function createPatients(station: ReturnType<typeof stationAt>, from: number, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = from; n < from + count; n++) {
    const created = await station.value('patients.create', { identity: patientNumber(n), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error(`patient ${n} not created`);
    ids.push(created.patient.id);
  }
  return ids;
}

describe('a damaged database', () => {
  it('starts read-only and says what is damaged, then a checked backup is restored and the region gives back what it lacks', async () => {
    const { hub, proxy, urls } = await region();
    const dir = tempDir();
    const first = stationAt(dir, urls);
    const early = await createPatients(first, 0, 100);
    await outboxDrained(dir);
    await first.close();

    // The next start takes the day's backup (there is none yet); 50 more patients reach the region.
    const second = stationAt(dir, urls);
    const backups = await second.value('database.backups', {});
    expect(backups).toEqual([expect.objectContaining({ reason: 'daily' })]);
    const later = await createPatients(second, 100, 50);
    await outboxDrained(dir);
    // Three more while the region cannot be reached: they stay on this station only.
    proxy.cut();
    const unsent = await createPatients(second, 150, 3);
    await second.close();

    const page = flipBytesInTable(dir, 'patients');
    const before = databaseFingerprint(dir);
    const third = stationAt(dir, urls);
    // Writes are refused, with what happened and what to do.
    const refused = await third.call('patients.create', { identity: patientNumber(300), notDuplicateOf: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/damaged.*restore/i);
    const status = await third.value('station.status', {});
    expect(status.database).toMatchObject({ state: 'damaged', damaged: expect.arrayContaining(['patients']) });
    expect(status.database.problem).toMatch(/quick_check/);

    // Reads keep working where the pages are readable; the others say the record is in a damaged part.
    const outcomes = { ok: 0, damaged: 0, other: [] as string[] };
    for (const id of [...early, ...later, ...unsent]) {
      const read = await third.call('patients.get', { id });
      if (read.ok) outcomes.ok++;
      else if (read.error.code === 'database_damaged') outcomes.damaged++;
      else outcomes.other.push(read.error.code);
    }
    expect(outcomes.other).toEqual([]);
    expect(outcomes.ok).toBeGreaterThan(100);
    expect(outcomes.damaged).toBeGreaterThan(0);
    console.info(
      `page ${page} damaged: ${outcomes.ok} of 153 patients readable, ${outcomes.damaged} in the damaged part`,
    );

    // The technician's full check says the same; nothing was written to the damaged file.
    const check = await third.value('database.check', {});
    expect(check).toMatchObject({ ok: false, damaged: expect.arrayContaining(['patients']) });
    expect(databaseFingerprint(dir)).toEqual(before);

    // Pick the backup, check it, restore it: the damaged file is kept aside.
    const [backup] = await third.value('database.backups', {});
    const checked = await third.value('database.checkBackup', { name: backup!.name });
    expect(checked).toMatchObject({ ok: true, patients: 100 });
    proxy.restore();
    const report = await third.value('database.decide', {
      action: 'restore',
      backup: backup!.name,
      by: 'Yann Le Goff (technicien)',
    });
    expect(report).toMatchObject({
      decision: 'restore',
      backup: backup!.name,
      regionReached: true,
      broughtBack: { patients: 50 },
    });
    expect(fs.existsSync(report.setAside!)).toBe(true);
    expect(path.dirname(report.setAside!)).toMatch(/damaged/);
    // The three the region never got are lost: said, and counted from the audit trail.
    expect(report.lost.events).toBeGreaterThanOrEqual(3);
    expect(report.lost.detail.join(' ')).toMatch(/3 patients created/);
    expect(report.messages.join(' ')).toMatch(/lost/);

    // The registry holds the backup's 100 and the region's 50, not the 3 lost; it writes again.
    const after = await third.value('station.status', {});
    expect(after.database.state).toBe('ok');
    expect(after.patientCount).toBe(150);
    for (const id of [...early, ...later]) expect((await third.call('patients.get', { id })).ok).toBe(true);
    await createPatients(third, 200, 1);
    await auditRowsSettled(dir);
    // The trail goes on from the region's last row: verified against it, and the new rows accepted.
    expect(await third.value('audit.verify', {})).toMatchObject({ ok: true, warnings: [] });
    expect((await third.value('station.status', {})).sync).toMatchObject({ auditRefused: 0, parked: 0 });
    const regionPatients = await fetch(`${hub.fhirUrl}/Patient?_count=1000`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(((await regionPatients.json()) as { entry?: unknown[] }).entry).toHaveLength(151);
  });
});

/** Runs test/crash/records-child.ts until the region holds its patients, then kills it with SIGKILL. */
async function killedAfterSync(dir: string, urls: { hubUrl: string; fhirUrl: string }, count: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/crash/records-child.ts')], {
    env: {
      ...process.env,
      DATA_DIR: dir,
      HUB_URL: urls.hubUrl,
      FHIR_URL: urls.fhirUrl,
      TOKEN: token,
      COUNT: String(count),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('synced') && resolve());
    child.once('exit', (code) => reject(new Error(`the child exited by itself (${code}): ${output}`)));
  });
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('a damaged WAL frame after a SIGKILL', () => {
  it('is said instead of silently dropping the transactions after it, nothing is written, and the region gives the records back', async () => {
    const { urls } = await region();
    const dir = tempDir();
    await killedAfterSync(dir, urls, 20);
    const { frames, damaged } = flipBytesInWalFrame(dir);
    const before = databaseFingerprint(dir);

    const station = stationAt(dir, urls);
    const refused = await station.call('patients.create', { identity: patientNumber(300), notDuplicateOf: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_damaged' } });
    const status = await station.value('station.status', {});
    expect(status.database.state).toBe('damaged');
    expect(status.database.problem).toMatch(
      new RegExp(`WAL.*frame ${damaged + 1} of ${frames}: SQLite would silently drop the [1-9][0-9]* transactions`),
    );
    console.info(`WAL frame ${damaged + 1} of ${frames} damaged: ${status.patientCount} of 20 patients readable`);
    // A copy of the files as found is kept aside before anything else, and nothing was written.
    const evidence = path.join(dir, 'damaged');
    expect(
      fs
        .readdirSync(evidence, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('relais.sqlite-wal')),
    ).toHaveLength(1);
    await station.value('patients.search', {});
    expect(databaseFingerprint(dir)).toEqual(before);

    // No backup holds these records: the technician starts empty on purpose, and the region gives them back.
    expect(await station.value('database.backups', {})).toEqual([]);
    const report = await station.value('database.decide', { action: 'start_empty', by: 'Yann Le Goff (technicien)' });
    expect(report).toMatchObject({
      decision: 'start_empty',
      regionReached: true,
      broughtBack: { patients: 20 },
      lost: { events: 0 },
    });
    expect((await station.value('station.status', {})).patientCount).toBe(20);
    await createPatients(station, 100, 1);
    await auditRowsSettled(dir);
    expect(await station.value('audit.verify', {})).toMatchObject({ ok: true, warnings: [] });
    expect((await station.value('station.status', {})).sync).toMatchObject({ auditRefused: 0, parked: 0 });
    const decided = (await station.value('audit.recent', { limit: 5 })).find(
      (row) => row.event === 'database.started_empty',
    );
    expect(decided).toMatchObject({ person: 'Yann Le Goff (technicien)' });
  });
});

describe('a database whose first page is damaged', () => {
  it('is held as damaged when a backup opens with the same key, and the backup is restored', async () => {
    const dir = tempDir();
    const first = openStation(dir);
    const kept = await first.value('patients.create', { identity: patientNumber(1), notDuplicateOf: [] });
    await first.close();
    // The next start takes the day's backup; then the first page (the schema) is damaged.
    const second = openStation(dir);
    await second.value('patients.create', { identity: patientNumber(2), notDuplicateOf: [] });
    await second.close();
    const file = path.join(dir, DATABASE);
    const bytes = fs.readFileSync(file);
    for (let i = 200; i < 264; i++) bytes[i]! ^= 0x5a;
    fs.writeFileSync(file, bytes);

    const station = openStation(dir);
    cleanups.push(() => station.close());
    const status = await station.value('station.status', {});
    expect(status.database).toMatchObject({
      state: 'damaged',
      problem: expect.stringMatching(/does not open with the station's data key, while backup .* does/),
    });
    expect(await station.call('patients.create', { identity: patientNumber(3), notDuplicateOf: [] })).toMatchObject({
      ok: false,
      error: { code: 'database_damaged' },
    });
    const [backup] = await station.value('database.backups', {});
    const report = await station.value('database.decide', {
      action: 'restore',
      backup: backup!.name,
      by: 'Yann Le Goff (technicien)',
    });
    // No region here: what the backup lacks (the second patient) is lost, and said.
    expect(report).toMatchObject({ regionReached: false, lost: { events: 1 } });
    expect(report.messages.join(' ')).toMatch(/No regional server is configured/);
    expect(kept.status === 'created' && (await station.call('patients.get', { id: kept.patient.id })).ok).toBe(true);
    expect((await station.value('station.status', {})).database.state).toBe('ok');
  });
});
