// The sync honours the region's "too many requests" (429 with Retry-After, in seconds or as an
// HTTP date): nothing more goes to the server before that time, whatever asks (the next pass, a
// network comeback), and the record that met the 429 waits without being parked or counted as
// a failure. Against the real hub's per-token limit, and small servers answering 429 to the FHIR
// requests and to the uploads.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { createSyncRepository } from '../../src/main/sync/sync-repository';
import { createLogger } from '../../src/main/platform/logger';
import { createFhirClient, FhirRateLimitedError } from '../../src/main/sync/fhir-client';
import { createPushWorker } from '../../src/main/sync/push-worker';
import { consentTo } from '../helpers/consent';
import { contractValue } from '../helpers/contract-value';
import { provisionalIdentity, validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';
import { stationDatabase } from '../helpers/station-database';
import { pushRecords } from '../helpers/push-records';

const SECRET = 'rate-secret';
const token = issueToken(SECRET, {
  sub: 'cart-3',
  role: 'station',
  name: 'Chariot 3',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const tempDir = useTempDir();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A station's folder with a patient and an act with its consent and two vital signs, made offline. */
async function offlineRecords(): Promise<string> {
  const dir = tempDir();
  const station = openStation(dir);
  const created = await station.value('patients.create', { identity: validatedIdentity() });
  if (created.status !== 'created') throw new Error('no patient');
  const at = new Date().toISOString();
  const act = await station.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD',
    reason: 'Plaie du talon',
  });
  await station.value('encounters.consent', {
    encounterId: act.id,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: 'IDE Morvan',
    collectedAt: at,
  });
  await station.value('encounters.observe', {
    encounterId: act.id,
    vital: { code: 'spo2', value: 95, unit: '%' },
    takenAt: at,
    method: 'device',
    device: 'oximeter',
    takenBy: 'IDE Morvan',
  });
  await station.value('encounters.observe', {
    encounterId: act.id,
    vital: { code: 'heart_rate', value: 80, unit: '/min' },
    takenAt: at,
    method: 'device',
    device: 'oximeter',
    takenBy: 'IDE Morvan',
  });
  await station.close();
  return dir;
}

/** Every request the client makes, with when it left and what came back. */
function recordedFetch() {
  const requests: { at: number; status: number; retryAfter: string | null }[] = [];
  const doFetch = (async (input, init) => {
    const at = Date.now();
    const response = await fetch(input, init);
    requests.push({ at, status: response.status, retryAfter: response.headers.get('retry-after') });
    return response;
  }) as typeof fetch;
  return { requests, fetch: doFetch };
}

function workerOn(dir: string, baseUrl: string, doFetch: typeof fetch) {
  const db = stationDatabase(dir);
  cleanups.push(() => void db.close());
  const client = createFhirClient({ baseUrl, token: () => token, fetch: doFetch, timeoutMs: 5000 });
  const worker = createPushWorker({ ...pushRecords(db), client, now: () => new Date(), random: () => 0.5 });
  const outbox = () =>
    db
      .prepare(
        "SELECT entity, attempts, parked, last_error, next_attempt_at FROM outbox WHERE entity != 'audit' ORDER BY seq",
      )
      .all() as {
      entity: string;
      attempts: number;
      parked: number;
      last_error: string | null;
      next_attempt_at: string | null;
    }[];
  return { worker, client, db, sync: createSyncRepository(db), outbox };
}

/** A server answering 429 to everything, with this Retry-After. */
async function refusingServer(retryAfter: () => string): Promise<{ url: string; hits: () => number }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res
      .writeHead(429, { 'Retry-After': retryAfter(), 'Content-Type': 'application/fhir+json' })
      .end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'throttled' }] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits: () => hits };
}

describe('a 429 from the region', () => {
  it('paces the push to the hub’s per-token limit: nothing sent before Retry-After, nothing parked, no attempt counted', async () => {
    const hub = await startHub({
      secret: SECRET,
      turnSecret: 'x',
      turnUrls: [],
      offers: [],
      httpRatePerSecond: 2,
      httpBurst: 2,
    });
    cleanups.push(() => hub.close());
    const net = recordedFetch();
    const { worker, client, outbox } = workerOn(await offlineRecords(), hub.fhirUrl, net.fetch);

    const first = await worker.runOnce();
    expect(first).toMatchObject({
      pushed: 2,
      parked: 0,
      conflicts: 0,
      stoppedBy: expect.stringContaining('asked to slow down'),
    });
    expect(net.requests.map((r) => (r.status === 429 ? 429 : r.status < 300 ? 'ok' : r.status))).toEqual([
      'ok',
      'ok',
      429,
    ]);
    expect(net.requests[2]!.retryAfter).toBe('1');
    expect(outbox()[0]).toMatchObject({
      entity: 'consent',
      attempts: 0,
      parked: 0,
      last_error: expect.stringContaining('too many requests'),
    });

    // At once again (a local change, the sync's timer): the pause holds, nothing reaches the hub.
    const second = await worker.runOnce();
    expect(second).toMatchObject({ pushed: 0, stoppedBy: expect.stringContaining('asked to slow down') });
    expect(net.requests).toHaveLength(3);

    for (let pass = 0; pass < 40 && outbox().length > 0; pass++) {
      await waitFor(() => client.pace.waitMs() === 0, 'the end of the pause the hub asked for');
      await worker.runOnce();
    }
    expect(outbox()).toEqual([]);
    // Every request after a 429 left once its Retry-After had passed.
    net.requests.forEach((r, i) => {
      const previous429 = net.requests.slice(0, i).findLast((p) => p.status === 429);
      if (previous429) expect(r.at).toBeGreaterThanOrEqual(previous429.at + Number(previous429.retryAfter) * 1000);
    });
    expect(net.requests.filter((r) => r.status === 429).length).toBeLessThanOrEqual(
      net.requests.filter((r) => r.status < 300).length,
    );
  });

  it('waits until the HTTP date the server gives, even when the region comes back online meanwhile', async () => {
    const until = new Date(Math.ceil(Date.now() / 1000) * 1000 + 120_000);
    const server = await refusingServer(() => until.toUTCString());
    const { worker, client, sync, outbox } = workerOn(await offlineRecords(), `${server.url}/fhir/R4`, fetch);

    const report = await worker.runOnce();
    expect(report).toMatchObject({ pushed: 0, parked: 0, stoppedBy: expect.stringContaining('asked to slow down') });
    expect(server.hits()).toBe(1);
    expect(client.pace.waitMs()).toBeGreaterThan(100_000);
    const [patient] = outbox();
    expect(patient).toMatchObject({ entity: 'patient', attempts: 0, parked: 0 });
    expect(Date.parse(patient!.next_attempt_at!)).toBeGreaterThanOrEqual(until.getTime() - 1000);

    sync.retryNow(); // the hub link came back: rows backing off are due again...
    await worker.runOnce();
    await expect(client.read('Patient', 'x')).rejects.toBeInstanceOf(FhirRateLimitedError);
    expect(server.hits()).toBe(1); // ...but the server's pause still holds for every request
    expect(outbox().every((r) => r.attempts === 0 && r.parked === 0)).toBe(true);
  });

  it('stops a file’s upload answered 429, and holds the FHIR requests too: one limit for both', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const uploads = await refusingServer(() => '60');
    const lines: { event: string; stoppedBy?: string }[] = [];
    const dir = tempDir();
    const logger = createLogger((line) => lines.push(JSON.parse(line) as (typeof lines)[number]));
    const station = openStation(dir, undefined, {
      logger,
      hubToken: token,
      fhirUrl: hub.fhirUrl,
      uploadsUrl: `${uploads.url}/uploads`,
      syncTiming: { debounceMs: 5, intervalMs: 50 },
    });
    cleanups.push(() => station.close());
    const db = stationDatabase(dir);
    cleanups.push(() => void db.close());
    db.prepare(
      "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('call-1', 'outgoing', 'dr', 'Dr Le Goff', 'expert', 'CHU', ?)",
    ).run(new Date().toISOString());
    const created = await contractValue(station, 'patients.create', {
      identity: validatedIdentity(),
      notDuplicateOf: [],
    });
    if (created.status !== 'created') throw new Error('no patient');
    const act = await contractValue(station, 'encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Souffle ?',
      callId: 'call-1',
    });
    await consentTo(station, act.id);
    const bytes = randomBytes(2000);
    const { uploadId } = await contractValue(station, 'attachments.begin', {
      callId: 'call-1',
      kind: 'auscultation',
      mime: 'audio/wav',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bodySite: 'mitral',
      device: 'Stéthoscope',
      author: 'IDE Morvan',
      takenAt: new Date().toISOString(),
    });
    await contractValue(station, 'attachments.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
    await contractValue(station, 'attachments.finish', { uploadId });

    await waitFor(
      () =>
        uploads.hits() > 0 && lines.some((l) => l.event === 'sync.pass' && l.stoppedBy?.includes('asked to slow down')),
      'the upload answered 429',
    );
    const row = () => db.prepare("SELECT attempts, parked, last_error FROM outbox WHERE entity = 'attachment'").get();
    expect(row()).toMatchObject({ attempts: 0, parked: 0, last_error: expect.stringContaining('waits 60 s') });
    // A record made now waits too: the passes go on (every 50 ms) and send nothing anywhere.
    const passesBefore = lines.filter((l) => l.event === 'sync.pass').length;
    await contractValue(station, 'patients.create', { identity: provisionalIdentity(), notDuplicateOf: [] });
    await waitFor(() => lines.filter((l) => l.event === 'sync.pass').length >= passesBefore + 3, 'three more passes');
    expect(uploads.hits()).toBe(1);
    expect((await contractValue(station, 'station.status', {})).sync).toMatchObject({
      pending: expect.any(Number),
      parked: 0,
      lastError: expect.stringContaining('asked to slow down'),
    });
    expect(db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'patient'").get()).toEqual({ n: 1 }); // the new patient waits
    expect(row()).toMatchObject({ attempts: 0, parked: 0 });
  });
});
