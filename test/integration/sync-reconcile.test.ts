// A regional server that lost records (a restore from backup; the development hub restarted with
// an empty store) is noticed: the station checks what it believes synced against the region, at
// start, when its hub link comes back and now and then, and sends again what is missing, in
// dependency order, the files' bytes before their Media, its audit trail from the row the region
// lacks; an edit that meets a 404 is created again, never parked for good. A healthy region is
// checked with one count per resource type. Each test restarts a real hub on the same port with
// the same secrets, a new empty FHIR store and a new uploads folder.
import { afterEach, describe, expect, it } from 'vitest';
import { issueToken } from '../../src/hub/tokens';
import type { Logger } from '../../src/main/platform/logger';
import { createStation, type Station, type StationOptions } from '../../src/main/station';
import { contractValue as value } from '../helpers/contract-value';
import { auditRowsOnTheirWay } from '../helpers/audit-sync';
import { provisionalIdentity, validatedIdentity } from '../helpers/identities';
import { flatRequests, startRecordingProxy, type RecordingProxy } from '../helpers/recording-proxy';
import { addPhoto, makeRecords, resourcesOf, sha256Of, startRegion, type Region } from '../helpers/region-records';
import { stationDatabase } from '../helpers/station-database';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const SECRET = 'reconcile-secret';
const token = issueToken(SECRET, {
  sub: 'cart-12',
  role: 'station',
  name: 'Chariot 12',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 3600,
});
/** What a station built before this fix left for an edit that met the restarted region. */
const LEGACY_404 = 'Refused by the regional server (404): Not found.';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type Logged = { level: string; event: string; fields: Record<string, unknown> };
function capturingLogger(into: Logged[]): Logger {
  const at =
    (level: string) =>
    (event: string, fields: Record<string, unknown> = {}) =>
      void into.push({ level, event, fields });
  return { info: at('info'), warn: at('warn'), error: at('error') };
}

function openStation(
  dataDir: string,
  region: { hubUrl?: string; httpUrl: string },
  logs: Logged[],
  timing: StationOptions['syncTiming'],
): Station {
  const station = createStation({
    dataDir,
    mode: 'browser',
    logger: capturingLogger(logs),
    stationName: 'cart-12',
    hubToken: token,
    ...(region.hubUrl ? { hubUrl: region.hubUrl } : {}),
    fhirUrl: `${region.httpUrl}/fhir/R4`,
    uploadsUrl: `${region.httpUrl}/uploads`,
    syncTiming: timing,
  });
  cleanups.push(() => station.close());
  return station;
}

/** Until nothing waits: records, audit rows and files all sent, nothing parked. */
async function settled(station: Station, dataDir: string, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { sync } = await value(station, 'station.status', {});
    if (
      sync.pending === 0 &&
      sync.parked === 0 &&
      sync.uploads.length === 0 &&
      sync.lastSyncAt &&
      auditRowsOnTheirWay(dataDir) === 0
    )
      return;
    if (Date.now() > deadline) throw new Error(`the station never settled: ${JSON.stringify(sync)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function restartEmpty(region: Region, proxy: RecordingProxy | null): Promise<Region> {
  const port = region.hub.port;
  await region.hub.close();
  proxy?.clear();
  const restarted = await startRegion({ secret: SECRET, token, uploadsDir: tempDir(), port });
  cleanups.push(() => restarted.hub.close());
  return restarted;
}

async function firstRegion(): Promise<Region> {
  const region = await startRegion({ secret: SECRET, token, uploadsDir: tempDir() });
  cleanups.push(() => region.hub.close());
  return region;
}

/** Renames the patient at the station (a new version to send). */
async function editPatient(station: Station, id: string, usedName: string): Promise<void> {
  const patient = await value(station, 'patients.get', { id });
  await value(station, 'patients.update', { id, version: patient.version, identity: validatedIdentity({ usedName }) });
}

function parkPatientRowsAs404(dataDir: string, patientId: string): number {
  const db = stationDatabase(dataDir);
  try {
    return db
      .prepare("UPDATE outbox SET parked = 1, last_error = ? WHERE entity = 'patient' AND entity_id = ?")
      .run(LEGACY_404, patientId).changes;
  } finally {
    db.close();
  }
}

function auditSeqs(dataDir: string): { byId: Map<string, number>; last: number } {
  const db = stationDatabase(dataDir, { readonly: true });
  try {
    const rows = db.prepare('SELECT id, seq FROM audit_events ORDER BY seq').all() as { id: string; seq: number }[];
    return { byId: new Map(rows.map((r) => [r.id, r.seq])), last: rows.at(-1)?.seq ?? 0 };
  } finally {
    db.close();
  }
}

describe('reconciliation with a region that lost records', () => {
  it('sends again, in order and with the files’ bytes, what a restarted hub lost, once its link comes back', async () => {
    const dataDir = tempDir();
    let region = await firstRegion();
    const proxy = await startRecordingProxy(region.hub.port);
    cleanups.push(() => proxy.close());
    const logs: Logged[] = [];
    const station = openStation(dataDir, { hubUrl: region.hub.url, httpUrl: proxy.url }, logs, {
      debounceMs: 5,
      intervalMs: 100,
      pullIntervalMs: 60_000,
    });
    const made = await makeRecords(station);
    await settled(station, dataDir);

    // The hub restarts with nothing; meanwhile the patient is renamed, then a photo is added to an act it lost.
    region = await restartEmpty(region, proxy);
    await editPatient(station, made.patients[0]!, 'Kerherve');
    const late = await addPhoto(station, made.acts[1]!);
    await settled(station, dataDir);

    for (const [type, id] of [...resourcesOf(made), ['Media', late.id] as [string, string]]) {
      expect({ type, id, status: (await region.read(type, id)).status }).toEqual({ type, id, status: 200 });
    }
    expect((await region.read('Patient', made.patients[0]!)).json.name).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: 'KERHERVE' })]),
    );
    for (const photo of [...made.photos, late]) {
      const media = (await region.read('Media', photo.id)).json;
      expect(sha256Of(await region.download(media.content.url))).toBe(photo.sha256);
    }

    // In dependency order: the patient, its act, then what points at the act; each file's bytes before its Media.
    // What reached the new hub (a request cut with the old one's connections is not counted), a
    // batch's entries in its place.
    const requests = flatRequests(proxy.requests)
      .filter((r) => r.status !== null)
      .map((r) => `${r.method} ${r.path}`);
    const at = (type: string, id: string) => requests.findIndex((r) => r.startsWith(`PUT /fhir/R4/${type}/${id}`));
    for (const [i, patient] of made.patients.entries()) {
      expect(at('Patient', patient)).toBeGreaterThanOrEqual(0);
      expect(at('Patient', patient)).toBeLessThan(at('Encounter', made.acts[i]!));
      expect(at('Encounter', made.acts[i]!)).toBeLessThan(at('Observation', made.observations[i]!));
      expect(at('Encounter', made.acts[i]!)).toBeLessThan(at('Media', made.photos[i]!.id));
    }
    expect(at('Encounter', made.acts[1]!)).toBeLessThan(at('Media', late.id));
    const mediaPuts = requests.flatMap((r, i) => (r.startsWith('PUT /fhir/R4/Media/') ? [i] : []));
    const uploadPosts = requests.flatMap((r, i) => (r.startsWith('POST /uploads') ? [i] : []));
    expect(uploadPosts.length).toBeGreaterThanOrEqual(3);
    for (const [n, put] of mediaPuts.entries()) expect(uploadPosts[n]).toBeLessThan(put);

    // The audit trail from row 1, in order, before any new row: the region's copy starts again and agrees.
    const audit = auditSeqs(dataDir);
    const sent = requests
      .filter((r) => r.startsWith('PUT /fhir/R4/AuditEvent/'))
      .map((r) => audit.byId.get(r.split('/').at(-1)!)!);
    expect(sent[0], `audit rows in the order the new hub got them: ${sent.join(', ')}`).toBe(1);
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    expect(region.log.filter((l) => /audit_chain_(refused|started)/.test(l.event))).toEqual([]);
    const head = await fetch(new URL('/audit/head', region.hub.fhirUrl), {
      headers: { Authorization: `Bearer ${token}` },
    }).then((r) => r.json());
    expect(head).toMatchObject({ chains: [{ site: 'cart-12', seq: audit.last }] });
    expect(await value(station, 'audit.verify', {})).toMatchObject({ ok: true, warnings: [] });

    // Said on the sync screen and in the log.
    const details = await value(station, 'sync.details', {});
    expect(details.reconciliation).toMatchObject({
      lastResend: { records: expect.any(Number), resentAt: expect.any(String), refused: 0 },
      resending: 0,
      auditGap: null,
    });
    expect(details.reconciliation!.lastResend!.records).toBeGreaterThanOrEqual(11);
    const said = logs.find((l) => l.event === 'sync.resent');
    expect(said?.fields.text).toMatch(/^\d+ records missing at the region were sent again/);
  }, 90_000);

  it('sends an edit a station of the previous version parked as "404", when it starts on a restored region', async () => {
    const dataDir = tempDir();
    let region = await firstRegion();
    const logs: Logged[] = [];
    const timing = { debounceMs: 5, intervalMs: 100, pullIntervalMs: 60_000 };
    let station = openStation(dataDir, { httpUrl: `http://127.0.0.1:${region.hub.port}` }, logs, timing);
    const created = await value(station, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    await settled(station, dataDir);

    region = await restartEmpty(region, null);
    await editPatient(station, created.patient.id, 'Le Bihan');
    await station.close();
    expect(parkPatientRowsAs404(dataDir, created.patient.id)).toBe(1);

    station = openStation(dataDir, { httpUrl: `http://127.0.0.1:${region.hub.port}` }, logs, timing);
    await settled(station, dataDir);
    expect((await region.read('Patient', created.patient.id)).json.name).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: 'LE BIHAN' })]),
    );
  }, 60_000);

  it('makes "Réessayer l’envoi" send a parked record now, and says what came of it', async () => {
    const dataDir = tempDir();
    let region = await firstRegion();
    const logs: Logged[] = [];
    // No pass runs by itself: the test drives them, as a person pressing the buttons would.
    const station = openStation(dataDir, { httpUrl: `http://127.0.0.1:${region.hub.port}` }, logs, {
      debounceMs: 600_000,
      intervalMs: 600_000,
      pullIntervalMs: 600_000,
    });
    const created = await value(station, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    await value(station, 'sync.now', {});
    expect((await region.read('Patient', created.patient.id)).status).toBe(200);

    region = await restartEmpty(region, null);
    await editPatient(station, created.patient.id, 'Guivarch');
    expect(parkPatientRowsAs404(dataDir, created.patient.id)).toBe(1);
    expect((await value(station, 'station.status', {})).sync.parked).toBe(1);

    const retried = await value(station, 'sync.retry', { entity: 'patient', entityId: created.patient.id });
    expect(retried, JSON.stringify(logs.filter((l) => l.event.startsWith('sync')))).toMatchObject({
      outcome: 'sent',
      error: null,
    });
    expect((await value(station, 'station.status', {})).sync.parked).toBe(0);
    expect((await region.read('Patient', created.patient.id)).json.name).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: 'GUIVARCH' })]),
    );
  }, 60_000);

  it('checks a healthy region cheaply: one count per resource type, whatever the number of records', async () => {
    const dataDir = tempDir();
    const region = await firstRegion();
    const proxy = await startRecordingProxy(region.hub.port);
    cleanups.push(() => proxy.close());
    const logs: Logged[] = [];
    const timing = { debounceMs: 5, intervalMs: 100, pullIntervalMs: 600_000 };
    let station = openStation(dataDir, { httpUrl: proxy.url }, logs, timing);
    for (let i = 0; i < 30; i++) {
      const created = await value(station, 'patients.create', {
        identity: provisionalIdentity({
          birthName: `Ker${LETTERS[i % 26]}${LETTERS[Math.floor(i / 26)]}ec`,
          firstName: `Anne${LETTERS[i % 26]}`,
          birthDate: `${1950 + i}-${String((i % 12) + 1).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`,
        }),
        notDuplicateOf: [],
      });
      if (created.status !== 'created') throw new Error('no patient');
      const act = await value(station, 'encounters.create', {
        patientId: created.patient.id,
        act: 'teleconsultation',
        assisted: true,
        requester: { name: 'IDE Morvan', role: 'nurse' },
        site: 'EHPAD',
        reason: 'Suivi',
      });
      await value(station, 'encounters.observe', {
        encounterId: act.id,
        vital: { code: 'spo2', value: 96, unit: '%' },
        takenAt: new Date().toISOString(),
        method: 'manual',
        takenBy: 'IDE Morvan',
      });
    }
    await settled(station, dataDir);
    await station.close();

    // A restart: the check at start finds everything where it should be.
    proxy.clear();
    const restartedAt = new Date().toISOString();
    station = openStation(dataDir, { httpUrl: proxy.url }, logs, timing);
    const deadline = Date.now() + 20_000;
    let details = await value(station, 'sync.details', {});
    while ((details.reconciliation?.checkedAt ?? '') < restartedAt) {
      if (Date.now() > deadline)
        throw new Error(`no reconciliation after the restart: ${JSON.stringify(details.reconciliation)}`);
      await new Promise((r) => setTimeout(r, 50));
      details = await value(station, 'sync.details', {});
    }
    expect(details.reconciliation).toMatchObject({ missing: 0 });
    const asked = proxy.requests.filter(
      (r) => r.path.startsWith('/fhir/R4/') && !r.path.startsWith('/fhir/R4/metadata'),
    );
    const types = ['AuditEvent', 'Encounter', 'Observation', 'Patient'];
    expect(asked.map((r) => `${r.method} ${r.path.split('?')[0]}`).sort()).toEqual(
      types.map((t) => `GET /fhir/R4/${t}`),
    );
    for (const r of asked) expect(r.path).toMatch(/[?&]_summary=count(&|$)/);
  }, 90_000);
});
