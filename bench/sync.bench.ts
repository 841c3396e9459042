// npm run bench -- sync: records and files made offline, then synced to the hub over loopback.
// Prints records per second; the files half (bench/sync-files.ts, its own station and hub) prints
// attachment MB/s beside a plain HTTP upload of the same bytes in the same run (ratio), the
// station's memory growth while files go out, and how a file resumes after a stop mid-way.
// RELAIS_BENCH_ENCOUNTERS (10000) and RELAIS_BENCH_MB (500) scale it down for a quick look.
// The hub runs in a child process: the memory figure is the station's alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { spawn } from 'node:child_process';
import { issueToken } from '../src/hub/tokens';
import { openStationStorage } from '../src/main/platform/storage';
import { silentLogger } from '../src/main/platform/logger';
import { createStation } from '../src/main/station';
import { createFhirClient } from '../src/main/sync/fhir-client';
import { createPushWorker } from '../src/main/sync/push-worker';
import { syncFilesFigures } from './sync-files';
import { rawInsertRate, recordLines, serverCapabilities } from './sync-records';
import { loadFhirDefinitions } from '../src/main/sync/fhir/validate';
import { stationDatabase } from '../test/helpers/station-database';
import { pushRecords } from '../test/helpers/push-records';

const ENCOUNTERS = Number(process.env.RELAIS_BENCH_ENCOUNTERS ?? 10_000);
const SECRET = 'bench-sync-secret';
const mb = (bytes: number) => bytes / (1024 * 1024);

async function value<T>(
  station: ReturnType<typeof createStation>,
  channel: Parameters<ReturnType<typeof createStation>['dispatch']>[0],
  input: unknown,
): Promise<T> {
  const result = await station.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Rows other than audit rows still in the outbox and not parked (told to wait, or not sent yet). */
const waitingRecords = (db: ReturnType<typeof openStationStorage>['db']) =>
  (db.prepare("SELECT count(*) AS n FROM outbox WHERE entity != 'audit' AND parked = 0").get() as { n: number }).n;

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-sync-'));
  const hubProcess = spawn(process.execPath, ['--import', 'tsx', path.resolve('bench/hub-child.ts')], {
    env: { ...process.env, SECRET, UPLOADS_DIR: path.join(dir, 'hub-uploads') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const hub = await new Promise<{ fhirUrl: string; uploadsUrl: string; plainUrl: string }>((resolve, reject) => {
    hubProcess.stdout.once('data', (d: Buffer) =>
      resolve(JSON.parse(d.toString()) as { fhirUrl: string; uploadsUrl: string; plainUrl: string }),
    );
    hubProcess.once('exit', (code) => reject(new Error(`the hub exited (${code})`)));
  });
  const token = issueToken(SECRET, {
    sub: 'bench',
    role: 'station',
    name: 'Bench',
    site: 'Bench',
    specialty: null,
    exp: Math.floor(Date.now() / 1000) + 24 * 3600,
  });
  const dataDir = path.join(dir, 'station');
  try {
    // Offline: no FHIR server known yet.
    const station = createStation({ dataDir, mode: 'browser', logger: silentLogger });
    const journal = stationDatabase(dataDir);
    const makeStart = performance.now();
    let patientId = '';
    for (let i = 0; i < ENCOUNTERS; i++) {
      if (i % 5 === 0) {
        const identity = {
          birthName: `BENCH${i
            .toString(36)
            .toUpperCase()
            .replace(/[0-9]/g, (d) => 'ABCDEFGHIJ'[Number(d)]!)}`,
          firstName: 'ANNE',
          birthDate: `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 9}`,
          sex: 'F',
          birthplaceCode: '29019',
          identityStatus: 'PROV',
        };
        const created = await value<{ status: string; patient?: { id: string } }>(station, 'patients.create', {
          identity,
          notDuplicateOf: [],
        });
        if (created.patient) patientId = created.patient.id;
      }
      const at = new Date().toISOString();
      const encounter = await value<{ id: string }>(station, 'encounters.create', {
        patientId,
        act: 'teleconsultation',
        assisted: true,
        requester: { name: 'IDE', role: 'nurse' },
        site: 'EHPAD',
        reason: 'Suivi',
      });
      await value(station, 'encounters.consent', {
        encounterId: encounter.id,
        scope: 'act',
        decision: 'given',
        givenBy: { kind: 'patient' },
        collectedBy: 'IDE',
        collectedAt: at,
      });
      await value(station, 'encounters.setStatus', { id: encounter.id, version: 1, status: 'in_progress' });
      await value(station, 'encounters.observe', {
        encounterId: encounter.id,
        vital: { code: 'spo2', value: 96, unit: '%' },
        takenAt: at,
        method: 'device',
        device: 'oximeter',
        takenBy: 'IDE',
      });
      await value(station, 'encounters.observe', {
        encounterId: encounter.id,
        vital: { code: 'heart_rate', value: 72, unit: '/min' },
        takenAt: at,
        method: 'device',
        device: 'oximeter',
        takenBy: 'IDE',
      });
    }
    const makeSeconds = (performance.now() - makeStart) / 1000;
    journal.close();
    await station.close();

    // Online: the push worker, as the station runs it, timed by kind.
    const { db, store } = openStationStorage(dataDir);
    const pending = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const client = createFhirClient({ baseUrl: hub.fhirUrl, token: () => token });
    const capabilities = await serverCapabilities(client);
    const worker = createPushWorker({
      ...pushRecords(db),
      client,
      capabilities: () => capabilities,
      attachments: store,
      now: () => new Date(),
    });
    // Definitions of FHIR (station and hub) load on first use: loaded before the baseline.
    loadFhirDefinitions();
    await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: `Bearer ${token}` } });
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const syncStart = performance.now();
    let pushed = 0;
    // The region's per-token limit (50 requests/s) pauses the sync as the station's service does:
    // it waits the pause the hub asked for and goes on. The waits are in the figures, and counted.
    let pauses = 0;
    let pausedSeconds = 0;
    for (;;) {
      const report = await worker.runOnce(2000);
      pushed += report.pushed;
      const pause = client.pace.waitMs();
      if (report.stoppedBy && pause > 0) {
        pauses++;
        pausedSeconds += pause / 1000;
        await new Promise((resolve) => setTimeout(resolve, pause));
        continue;
      }
      if (report.stoppedBy) throw new Error(report.stoppedBy);
      if (report.pushed > 0 || report.parked > 0 || report.conflicts > 0) continue;
      // Nothing was due: done, unless a row told to wait (after a pause) is not due yet.
      if (waitingRecords(db) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const syncSeconds = (performance.now() - syncStart) / 1000;
    clearInterval(sampler);
    const left = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const leftAudit = (db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'audit'").get() as { n: number }).n;
    db.close();

    const records = pushed;
    const rawRate = rawInsertRate(dir, records);
    const lines = [
      `\nSync over loopback: ${ENCOUNTERS} acts (consent, 2 vital signs each, a patient per 5 acts), made offline in ${makeSeconds.toFixed(1)} s; ${pending} outbox rows`,
      ...recordLines({ acts: ENCOUNTERS, records, seconds: syncSeconds, rawRate, batch: capabilities.batch }),
      `  paused by the hub's per-token limit (429)            ${pauses} times, ${pausedSeconds.toFixed(1)} s in all (included above)`,
      `  memory (RSS) while syncing                           ${mb(baseline).toFixed(0)} MB before, ${mb(peak).toFixed(0)} MB peak (+${mb(peak - baseline).toFixed(0)} MB)`,
      `  left in the outbox                                   ${left} (audit rows, which this bench's worker does not send: ${leftAudit})`,
    ];
    console.log(lines.join('\n'));
  } finally {
    hubProcess.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The files half, on a station and a hub of its own (bench/sync-files.ts). */
async function files(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-sync-files-'));
  try {
    console.log((await syncFilesFigures(dir)).join('\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('sync', () => {
  const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };
  bench('files made offline, then synced', files, once);
  bench('records made offline, then synced', run, once);
});
