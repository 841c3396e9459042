// A deleted or rolled-back database (issue 17, point 4). With the data key kept, a deleted database
// used to start as an empty registry and an older copy as if it were current, and the first search
// rewrote the audit anchor. Now the chain is checked against its anchor (the anchor file, and the
// region's copy of the last row it acknowledged) at start, before anything writes: a missing or
// older database is said, nothing is written (not even the audit row of the first call), and a
// person decides: start empty on purpose, keep the older database, or restore a backup, recorded in
// the audit trail with who decided; then the region gives back what it holds.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { auditRowsSettled } from '../helpers/audit-sync';
import { DATABASE, databaseFingerprint, outboxDrained, patientNumber, regionStation } from '../helpers/database-damage';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir('relais-db-rollback-');
const SECRET = 'database-rollback-secret';
const token = issueToken(SECRET, {
  sub: 'cart-18',
  role: 'station',
  name: 'Chariot 18',
  site: 'EHPAD Ker Maria',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 900,
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function region(): Promise<RunningHub> {
  const hub = await startHub({
    secret: SECRET,
    turnSecret: 'coturn-secret',
    turnUrls: [],
    offers: [],
    httpRatePerSecond: 1e6,
    httpBurst: 1e6,
  });
  cleanups.push(() => hub.close());
  return hub;
}

const stationAt = (dir: string, hub: RunningHub) =>
  regionStation(dir, { hubUrl: hub.url, fhirUrl: hub.fhirUrl }, token, cleanups);

async function recordAndSync(dir: string, hub: RunningHub, from: number, count: number): Promise<string[]> {
  const station = stationAt(dir, hub);
  const ids: string[] = [];
  for (let n = from; n < from + count; n++) {
    const created = await station.value('patients.create', { identity: patientNumber(n), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error(`patient ${n} not created`);
    ids.push(created.patient.id);
  }
  await outboxDrained(dir);
  await station.close();
  return ids;
}

const removeDatabase = (dir: string) => {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dir, `${DATABASE}${suffix}`), { force: true });
};

describe('a deleted or rolled-back database', () => {
  it('says a deleted database, writes nothing, and starts empty only when a person decides; the region gives the records back', async () => {
    const hub = await region();
    const dir = tempDir();
    const ids = await recordAndSync(dir, hub, 0, 5);
    removeDatabase(dir);
    const before = databaseFingerprint(dir);

    const station = stationAt(dir, hub);
    // The first call is a search: it answers (nothing here), and neither its audit row nor anything else is written.
    expect(await station.value('patients.search', {})).toEqual([]);
    const refused = await station.call('patients.create', { identity: patientNumber(40), notDuplicateOf: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_held' } });
    const status = await station.value('station.status', {});
    expect(status.database.state).toBe('missing');
    expect(status.database.problem).toMatch(/anchor file knows row 5/);
    expect(databaseFingerprint(dir)).toEqual(before);
    expect(before[DATABASE]).toBe('absent');

    const report = await station.value('database.decide', { action: 'start_empty', by: 'Dr Anne Riou' });
    expect(report).toMatchObject({
      decision: 'start_empty',
      regionReached: true,
      broughtBack: { patients: 5, auditRows: 5 },
    });
    for (const id of ids) expect((await station.call('patients.get', { id })).ok).toBe(true);
    const decided = (await station.value('audit.recent', { limit: 20 })).find(
      (row) => row.event === 'database.started_empty',
    );
    expect(decided).toMatchObject({ person: 'Dr Anne Riou', action: 'execute' });
    // The search made while it waited is recorded too, before the decision.
    expect(
      (await station.value('audit.recent', { limit: 20 })).filter(
        (row) => row.event === 'patients.search' && row.seq < decided!.seq,
      ),
    ).toHaveLength(1);
    await auditRowsSettled(dir);
    expect(await station.value('audit.verify', {})).toMatchObject({ ok: true, warnings: [] });
  });

  it('says an older copy put over the current database, writes nothing, and goes on with it only when a person decides', async () => {
    const hub = await region();
    const dir = tempDir();
    await recordAndSync(dir, hub, 0, 5);
    const older = path.join(tempDir(), 'older.sqlite');
    fs.copyFileSync(path.join(dir, DATABASE), older);
    const newer = await recordAndSync(dir, hub, 5, 5);
    removeDatabase(dir);
    fs.copyFileSync(older, path.join(dir, DATABASE));
    const before = databaseFingerprint(dir);

    const station = stationAt(dir, hub);
    expect(await station.value('patients.search', {})).toHaveLength(5);
    const refused = await station.call('patients.create', { identity: patientNumber(40), notDuplicateOf: [] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'database_held' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/older/);
    expect((await station.value('station.status', {})).database).toMatchObject({
      state: 'older',
      problem: expect.stringMatching(/ends at row 5, but the audit anchor file knows row 10/),
    });
    // The anchor is not rewritten by the search: the next start still knows.
    expect(databaseFingerprint(dir)).toEqual(before);

    const report = await station.value('database.decide', { action: 'keep', by: 'Dr Anne Riou' });
    expect(report).toMatchObject({
      decision: 'keep',
      regionReached: true,
      broughtBack: { patients: 5, auditRows: 5 },
      lost: { events: 0 },
    });
    for (const id of newer) expect((await station.call('patients.get', { id })).ok).toBe(true);
    await auditRowsSettled(dir);
    expect(await station.value('audit.verify', {})).toMatchObject({ ok: true, warnings: [] });
  });

  it('keeps the stored files only the newer database knew: left alone while held, then set aside with the decision, never cleaned up', async () => {
    const hub = await region();
    const dir = tempDir();
    await recordAndSync(dir, hub, 0, 3);
    const older = path.join(tempDir(), 'older.sqlite');
    fs.copyFileSync(path.join(dir, DATABASE), older);
    await recordAndSync(dir, hub, 3, 2);
    // A photo the newer database pointed to (its bytes may be the only copy): the older one does not.
    const sha = 'ab'.repeat(32);
    const photo = path.join(dir, 'attachments', 'ab', sha);
    fs.mkdirSync(path.dirname(photo), { recursive: true });
    fs.writeFileSync(photo, 'sealed bytes only the newer database knew');
    removeDatabase(dir);
    fs.copyFileSync(older, path.join(dir, DATABASE));

    const station = stationAt(dir, hub);
    expect((await station.value('station.status', {})).database.state).toBe('older');
    // The start-up clean-up would take it for an import's leftover beside a database with patients.
    expect(fs.existsSync(photo)).toBe(true);

    await station.value('database.decide', { action: 'keep', by: 'Dr Anne Riou' });
    expect(fs.existsSync(photo)).toBe(false);
    const aside = fs.readdirSync(path.join(dir, 'damaged')).filter((name) => name.endsWith('-older-files'));
    expect(aside).toHaveLength(1);
    const kept = path.join(dir, 'damaged', aside[0]!, 'attachments', 'ab', sha);
    expect(fs.readFileSync(kept, 'utf8')).toBe('sealed bytes only the newer database knew');
    await station.close();
    const again = stationAt(dir, hub);
    expect((await again.value('station.status', {})).database.state).toBe('ok');
    expect(fs.existsSync(kept)).toBe(true);
  });

  it('hears from the region that the whole data folder was rolled back, anchor file included', async () => {
    const hub = await region();
    const dir = tempDir();
    await recordAndSync(dir, hub, 0, 5);
    const copy = path.join(tempDir(), 'folder');
    fs.cpSync(dir, copy, { recursive: true });
    await recordAndSync(dir, hub, 5, 5);
    fs.rmSync(dir, { recursive: true });
    fs.cpSync(copy, dir, { recursive: true });
    const before = databaseFingerprint(dir);

    const station = stationAt(dir, hub);
    for (let i = 0; i < 200 && (await station.value('station.status', {})).database.state === 'ok'; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await station.value('station.status', {})).database).toMatchObject({
      state: 'older',
      problem: expect.stringMatching(/ends at row 5, but the regional server acknowledged row 10/),
    });
    expect(await station.call('patients.create', { identity: patientNumber(40), notDuplicateOf: [] })).toMatchObject({
      ok: false,
      error: { code: 'database_held' },
    });
    expect(databaseFingerprint(dir)).toEqual(before);
  });
});
