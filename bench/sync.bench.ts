// npm run bench -- sync: records and files made offline, then synced to the hub over loopback.
// Prints records per second, attachment MB/s beside a plain HTTP upload of the same bytes in the
// same run (ratio), peak memory while files go out, and how a file resumes after a stop mid-way.
// RELAIS_BENCH_ENCOUNTERS (10000) and RELAIS_BENCH_MB (500) scale it down for a quick look.
// The hub runs in a child process: the memory figure is the station's alone.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
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
import { fileSource, uploadFile } from '../src/main/sync/resumable-upload';
import { startThrottledLink } from './throttled-link';
import { rawInsertRate, recordLines, serverCapabilities } from './sync-records';
import { validateFhir } from '../src/main/sync/fhir/validate';
import { stationDatabase } from '../test/helpers/station-database';
import { pushRecords } from '../test/helpers/push-records';

const ENCOUNTERS = Number(process.env.RELAIS_BENCH_ENCOUNTERS ?? 10_000);
const MEGABYTES = Number(process.env.RELAIS_BENCH_MB ?? 500);
const FILE_MB = 5;
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
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;

/** The same bytes over plain HTTP to a sink in the hub's process that writes them to disk: the reference rate. */
async function plainUploadRate(files: string[], plainUrl: string): Promise<number> {
  const { port } = new URL(plainUrl);
  const start = performance.now();
  let bytes = 0;
  for (const file of files) {
    bytes += fs.statSync(file).size;
    await new Promise<void>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method: 'PUT', path: '/', headers: { 'Content-Length': fs.statSync(file).size } },
        (res) => res.resume().on('end', () => resolve()),
      );
      req.on('error', reject);
      fs.createReadStream(file).pipe(req);
    });
  }
  return mb(bytes) / ((performance.now() - start) / 1000);
}

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
    const fileCount = Math.max(1, Math.round(MEGABYTES / FILE_MB));
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
      let callId: string | null = null;
      if (i < fileCount) {
        callId = `bench-call-${i}`;
        journal
          .prepare(
            "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES (?, 'outgoing', 'dr', 'Dr', 'expert', 'CHU', ?)",
          )
          .run(callId, at);
      }
      const encounter = await value<{ id: string }>(station, 'encounters.create', {
        patientId,
        act: 'teleconsultation',
        assisted: true,
        requester: { name: 'IDE', role: 'nurse' },
        site: 'EHPAD',
        reason: 'Suivi',
        callId,
      });
      await value(station, 'encounters.consent', {
        encounterId: encounter.id,
        scope: 'act',
        decision: 'given',
        givenBy: { kind: 'patient' },
        collectedBy: 'IDE',
        collectedAt: at,
      });
      if (callId) {
        // A call's file is kept only with the patient's consent to recording, on the call's act.
        await value(station, 'encounters.consent', {
          encounterId: encounter.id,
          scope: 'recording',
          decision: 'given',
          givenBy: { kind: 'patient' },
          collectedBy: 'IDE',
          collectedAt: at,
        });
        const bytes = randomBytes(FILE_MB * 1024 * 1024);
        const begun = await value<{ uploadId: string }>(station, 'attachments.begin', {
          callId,
          kind: 'auscultation',
          mime: 'audio/wav',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          bodySite: 'mitral',
          device: 'Stéthoscope',
          author: 'IDE',
          takenAt: at,
        });
        for (let offset = 0; offset < bytes.length; offset += 393_216) {
          await value(station, 'attachments.chunk', {
            uploadId: begun.uploadId,
            offset,
            data: bytes.subarray(offset, offset + 393_216).toString('base64'),
          });
        }
        await value(station, 'attachments.finish', { uploadId: begun.uploadId });
      }
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
    let fileBytes = 0;
    let fileSeconds = 0;
    const fileMs: number[] = [];
    const client = createFhirClient({ baseUrl: hub.fhirUrl, token: () => token });
    const capabilities = await serverCapabilities(client);
    const worker = createPushWorker({
      ...pushRecords(db),
      client,
      capabilities: () => capabilities,
      attachments: store,
      upload: async (request) => {
        const start = performance.now();
        const done = await uploadFile({ ...request, endpoint: hub.uploadsUrl, token });
        fileSeconds += (performance.now() - start) / 1000;
        fileMs.push(performance.now() - start);
        fileBytes += request.source.size;
        return done;
      },
      now: () => new Date(),
    });
    // Definitions of FHIR (station and hub) load on first use: loaded before the baseline.
    validateFhir({ resourceType: 'Basic', code: { text: 'warm-up' } });
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

    // The stored files are sealed: their plain bytes are written out for the transfer comparisons.
    const plainDir = path.join(dir, 'plain-files');
    fs.mkdirSync(plainDir);
    const files = fs
      .readdirSync(path.join(dataDir, 'attachments'))
      .flatMap((d) => fs.readdirSync(path.join(dataDir, 'attachments', d)))
      .map((sha) => {
        fs.writeFileSync(path.join(plainDir, sha), store.read(sha));
        return path.join(plainDir, sha);
      });
    const plainRate = await plainUploadRate(files, hub.plainUrl);
    const tusRate = mb(fileBytes) / fileSeconds;

    // The same comparison over a 100 Mbit/s link (20 of the files), where the network, not the
    // per-request costs of the loopback, sets the pace.
    const someFiles = files.slice(0, 20);
    const tusLink = await startThrottledLink(Number(new URL(hub.uploadsUrl).port));
    const plainLink = await startThrottledLink(Number(new URL(hub.plainUrl).port));
    const linkStart = performance.now();
    for (const file of someFiles) {
      await uploadFile({
        endpoint: `http://127.0.0.1:${tusLink.port}${new URL(hub.uploadsUrl).pathname}`,
        token,
        source: fileSource(file),
        sha256: path.basename(file),
        contentType: 'audio/wav',
      });
    }
    const linkBytes = someFiles.reduce((n, f) => n + fs.statSync(f).size, 0);
    const tusLinkRate = mb(linkBytes) / ((performance.now() - linkStart) / 1000);
    const plainLinkRate = await plainUploadRate(someFiles, `http://127.0.0.1:${plainLink.port}/`);
    await tusLink.close();
    await plainLink.close();

    // Resume: a 200 MB file stopped at half, then resumed from the server's offset.
    const big = path.join(dir, 'big.wav');
    const bigBytes = randomBytes(200 * 1024 * 1024);
    fs.writeFileSync(big, bigBytes);
    const bigSha = createHash('sha256').update(bigBytes).digest('hex');
    let url: string | null = null;
    const stop = new AbortController();
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(big),
      sha256: bigSha,
      contentType: 'audio/wav',
      onUrl: (u) => (url = u),
      onProgress: (sent, total) => sent >= total / 2 && stop.abort(),
      signal: stop.signal,
    }).catch(() => {});
    const resumeStart = performance.now();
    let firstProgress = -1;
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token,
      source: fileSource(big),
      sha256: bigSha,
      contentType: 'audio/wav',
      resumeUrl: url,
      onProgress: (sent) => firstProgress < 0 && (firstProgress = sent),
    });
    const resumeSeconds = (performance.now() - resumeStart) / 1000;

    const records = pushed - files.length;
    const rawRate = rawInsertRate(dir, records);
    const lines = [
      `\nSync over loopback: ${ENCOUNTERS} acts (consent, 2 vital signs each, a patient per 5 acts), ${files.length} files of ${FILE_MB} MB, made offline in ${makeSeconds.toFixed(1)} s; ${pending} outbox rows`,
      ...recordLines({
        acts: ENCOUNTERS,
        records,
        seconds: syncSeconds - fileSeconds,
        rawRate,
        batch: capabilities.batch,
      }),
      `  paused by the hub's per-token limit (429)            ${pauses} times, ${pausedSeconds.toFixed(1)} s in all (included above)`,
      `  files (tus, SHA-256 checked as the bytes arrive)     ${mb(fileBytes).toFixed(0)} MB at ${tusRate.toFixed(0)} MB/s (per file: median ${percentile(fileMs, 0.5).toFixed(0)} ms, p90 ${percentile(fileMs, 0.9).toFixed(0)} ms, max ${Math.max(...fileMs).toFixed(0)} ms)`,
      `  plain HTTP PUT of the same bytes, hub process        ${plainRate.toFixed(0)} MB/s; ratio ${(tusRate / plainRate).toFixed(2)} (target >= 0.80)`,
      `  the same over a 100 Mbit/s link (${someFiles.length} files)          tus ${tusLinkRate.toFixed(1)} MB/s, plain ${plainLinkRate.toFixed(1)} MB/s; ratio ${(tusLinkRate / plainLinkRate).toFixed(2)}`,
      `  memory (RSS) while syncing                           ${mb(baseline).toFixed(0)} MB before, ${mb(peak).toFixed(0)} MB peak (+${mb(peak - baseline).toFixed(0)} MB for ${mb(fileBytes).toFixed(0)} MB of files)`,
      `  200 MB file stopped at half, resumed                 from byte ${firstProgress} (${((100 * firstProgress) / bigBytes.length).toFixed(0)} %), done in ${resumeSeconds.toFixed(1)} s`,
      `  left in the outbox                                   ${left} (audit rows, which this bench's worker does not send: ${leftAudit})`,
    ];
    console.log(lines.join('\n'));
  } finally {
    hubProcess.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('sync', () => {
  bench('records and files made offline, then synced', run, {
    iterations: 1,
    warmupIterations: 0,
    time: 0,
    warmupTime: 0,
  });
});
