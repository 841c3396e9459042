// The outbox pushed to the hub's FHIR endpoint: records made offline arrive once, in their
// current state; a retry after a lost answer makes no duplicate; a record changed on the server
// and here becomes a conflict with both versions, never merged; an unreachable server waits.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { createEncounterRepository } from '../../src/main/acts/encounter-repository';
import { createPatientRepository } from '../../src/main/patients/patient-repository';
import { createSyncRepository } from '../../src/main/sync/sync-repository';
import { createFhirClient } from '../../src/main/sync/fhir-client';
import { createPushWorker } from '../../src/main/sync/push-worker';
import { readCapabilities } from '../../src/main/sync/server-capabilities';
import { createConflictResolution } from '../../src/main/sync/conflict-resolution';
import { createLocalResources } from '../../src/main/sync/local-resources';
import { createOutboxRepository } from '../../src/main/platform/database/outbox-repository';
import { createReportPdfRepository } from '../../src/main/acts/report-pdf-repository';
import { createReportPdfService } from '../../src/main/acts/report-pdf-service';
import { MARTIN_IN_NATIONAL_BASE, PARIS_1906_MATRICULE, validatedIdentity } from '../helpers/identities';
import { startInsiDouble, type InsiDouble } from '../helpers/insi-double';
import { qualifyThroughInsi } from '../helpers/insi-station';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';
import { openStationStorage } from '../../src/main/platform/storage';
import { pushRecords } from '../helpers/push-records';

const SECRET = 'sync-hub-secret';
const token = issueToken(SECRET, {
  sub: 'cart-1',
  role: 'station',
  name: 'Chariot 1',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const tempDir = useTempDir();
let hub: RunningHub;
let insi: InsiDouble;
beforeAll(async () => {
  hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  insi = await startInsiDouble({ people: [MARTIN_IN_NATIONAL_BASE] });
});
afterAll(async () => {
  await hub.close();
  await insi.close();
});

async function server(pathAndQuery: string) {
  const response = await fetch(`${hub.fhirUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

/** A station with a patient (validated, or qualified through INSi), an act with consent and two vital signs, made offline. */
async function offlineRecords(options: { qualified?: boolean } = {}) {
  const dir = tempDir();
  const station = openStation(dir, undefined, { insi: { url: insi.url, token: null } });
  let patientId: string;
  if (options.qualified) patientId = (await qualifyThroughInsi(station)).id;
  else {
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('no patient');
    patientId = created.patient.id;
  }
  const at = new Date().toISOString();
  const encounter = await station.value('encounters.create', {
    patientId,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD',
    reason: 'Plaie du talon',
  });
  await station.value('encounters.consent', {
    encounterId: encounter.id,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: 'IDE Morvan',
    collectedAt: at,
  });
  const started = await station.value('encounters.setStatus', { id: encounter.id, version: 1, status: 'in_progress' });
  await station.value('encounters.observe', {
    encounterId: encounter.id,
    vital: { code: 'spo2', value: 95, unit: '%' },
    takenAt: at,
    method: 'device',
    device: 'oximeter',
    takenBy: 'IDE Morvan',
  });
  await station.value('encounters.observe', {
    encounterId: encounter.id,
    vital: { code: 'blood_pressure', systolic: 150, diastolic: 90, unit: 'mm[Hg]' },
    takenAt: at,
    method: 'manual',
    takenBy: 'IDE Morvan',
  });
  return { dir, station, patientId, encounter: started };
}

const reportPdfsOf = (db: Database.Database) =>
  createReportPdfService({
    encounters: createEncounterRepository(db),
    patients: createPatientRepository(db),
    pdfs: createReportPdfRepository(db),
    now: () => new Date(),
  });

function workerOn(dir: string, fetchImpl?: typeof fetch, capabilities?: ReturnType<typeof readCapabilities>) {
  const db = openStationStorage(dir).db;
  const worker = createPushWorker({
    ...pushRecords(db),
    client: createFhirClient({ baseUrl: hub.fhirUrl, token: () => token, ...(fetchImpl ? { fetch: fetchImpl } : {}) }),
    now: () => new Date(),
    random: () => 0.5,
    ...(capabilities ? { capabilities: () => capabilities } : {}),
  });
  return { worker, db, sync: createSyncRepository(db) };
}

/** Once armed, the next Patient request reaches the server and its answer is lost on the way back. */
function losingOnePatientAnswer() {
  const network = {
    armed: false,
    fetch: (async (input, init) => {
      const response = await fetch(input, init);
      if (network.armed && String(input).includes('/Patient/')) {
        network.armed = false;
        throw new TypeError('socket hang up');
      }
      return response;
    }) as typeof fetch,
  };
  return network;
}

const outboxOf = (dir: string) => {
  const db = stationDatabase(dir, { readonly: true });
  // The audit trail's rows ride the same outbox; they are checked in test/integration/audit-trail.test.ts.
  const rows = db
    .prepare("SELECT entity, parked, last_error FROM outbox WHERE entity != 'audit' ORDER BY seq")
    .all() as { entity: string; parked: number; last_error: string | null }[];
  db.close();
  return rows;
};

describe('sync push', () => {
  it('sends records made offline, once each in their current state, and empties the outbox', async () => {
    const { dir, station, patientId, encounter } = await offlineRecords({ qualified: true });
    const { worker, db } = workerOn(dir);
    const report = await worker.runOnce();
    expect(report).toEqual({
      pushed: 5,
      parked: 0,
      auditRefused: 0,
      conflicts: 0,
      stoppedBy: null,
      regionLost: 0,
      unreachable: false,
    }); // patient, encounter, consent, 2 observations
    expect(outboxOf(dir)).toEqual([]);
    // Qualified through INSi: its INS is sent (FR Core Patient INS).
    expect((await server(`/Patient/${patientId}`)).json.identifier[1].value).toBe(PARIS_1906_MATRICULE);
    expect((await server(`/Encounter/${encounter.id}`)).json).toMatchObject({
      status: 'in-progress',
      class: { code: 'VR' },
    });
    expect((await server(`/Observation?encounter=Encounter/${encounter.id}`)).json.entry).toHaveLength(2);
    expect((await server(`/Encounter/${encounter.id}/_history`)).json.entry).toHaveLength(1); // versions 1 and 2 went as one push
    expect((await station.value('station.status', {})).sync.lastSyncAt).not.toBeNull();
    db.close();
    station.close();
  });

  it('retries after a lost answer without making a second resource', async () => {
    const { dir, station, patientId } = await offlineRecords();
    const network = losingOnePatientAnswer();
    network.armed = true;
    const { worker, db } = workerOn(dir, network.fetch);
    const first = await worker.runOnce();
    expect(first.stoppedBy).toMatch(/did not answer/);
    expect(outboxOf(dir)[0]).toMatchObject({
      entity: 'patient',
      parked: 0,
      last_error: expect.stringMatching(/socket hang up/),
    });
    db.prepare('UPDATE outbox SET next_attempt_at = NULL').run(); // the back-off has passed
    const second = await worker.runOnce();
    expect(second).toMatchObject({ pushed: 5, conflicts: 0, stoppedBy: null });
    const found = await server(`/Patient?identifier=urn:ietf:rfc:3986|urn:uuid:${patientId}`);
    expect(found.json.entry).toHaveLength(1);
    // Validated, her card's number typed "to be checked": it never reaches the region.
    expect(JSON.stringify(found.json.entry[0].resource)).not.toContain(PARIS_1906_MATRICULE);
    db.close();
    station.close();
  });

  it('recognises its own write whose answer was lost, even after a later edit here', async () => {
    const { dir, station, patientId } = await offlineRecords();
    const network = losingOnePatientAnswer();
    const { worker, db } = workerOn(dir, network.fetch);
    await worker.runOnce(); // everything synced once: the server's versions are known
    await station.value('patients.update', {
      id: patientId,
      version: 1,
      identity: validatedIdentity({ usedName: 'MORVAN' }),
    });
    network.armed = true;
    await worker.runOnce(); // version 2 reached the server; the station never heard
    // The nurse corrects the used name again before the retry: version 3 goes over our own version 2.
    await station.value('patients.update', {
      id: patientId,
      version: 2,
      identity: validatedIdentity({ usedName: 'KERVELLA' }),
    });
    db.prepare('UPDATE outbox SET next_attempt_at = NULL').run();
    const third = await worker.runOnce();
    expect(third).toMatchObject({ pushed: 1, conflicts: 0, stoppedBy: null });
    expect(outboxOf(dir)).toEqual([]);
    const found = await server(`/Patient?identifier=urn:ietf:rfc:3986|urn:uuid:${patientId}`);
    expect(found.json.entry).toHaveLength(1);
    expect(found.json.entry[0].resource.name[1].family).toBe('KERVELLA');
    db.close();
    station.close();
  });

  it('keeps both versions when the act changed on the server and here, and merges nothing', async () => {
    const { dir, station, encounter } = await offlineRecords();
    const { worker, db, sync } = workerOn(dir);
    await worker.runOnce();
    // The expert's side closes the act on the regional server...
    const onServer = (await server(`/Encounter/${encounter.id}`)).json;
    const changed = await fetch(`${hub.fhirUrl}/Encounter/${encounter.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ ...onServer, reasonCode: [{ text: 'Plaie du talon, surinfectée' }] }),
    });
    expect(changed.status).toBe(200);
    // ...while the nurse ends it here.
    await station.value('encounters.setStatus', {
      id: encounter.id,
      version: encounter.version,
      status: 'awaiting_report',
    });
    const report = await worker.runOnce();
    expect(report).toMatchObject({ pushed: 0, conflicts: 1 });
    const [conflict] = sync.openConflicts();
    expect(conflict).toMatchObject({
      entity: 'encounter',
      entityId: encounter.id,
      local: { status: 'finished' },
      server: { status: 'in-progress', reasonCode: [{ text: 'Plaie du talon, surinfectée' }] },
    });
    expect((await server(`/Encounter/${encounter.id}`)).json.reasonCode[0].text).toBe('Plaie du talon, surinfectée'); // untouched
    expect(outboxOf(dir)).toEqual([
      expect.objectContaining({ entity: 'encounter', parked: 1, last_error: expect.stringMatching(/both versions/) }),
    ]);
    db.close();
    station.close();
  });

  it('waits, in order, while the server cannot be reached', async () => {
    const { dir, station } = await offlineRecords();
    const db = openStationStorage(dir).db;
    const worker = createPushWorker({
      sync: createSyncRepository(db),
      patients: createPatientRepository(db),
      encounters: createEncounterRepository(db),
      reportPdfs: reportPdfsOf(db),
      client: createFhirClient({ baseUrl: 'http://127.0.0.1:9/fhir/R4', token: () => token, timeoutMs: 2000 }),
      now: () => new Date('2026-11-23T10:00:00.000Z'),
      random: () => 0.5,
      inTransaction: (work) => db.transaction(work)(),
    });
    const report = await worker.runOnce();
    expect(report).toMatchObject({ pushed: 0, stoppedBy: expect.stringMatching(/did not answer/) });
    const row = db
      .prepare("SELECT entity, attempts, next_attempt_at FROM outbox WHERE entity != 'audit' ORDER BY seq LIMIT 1")
      .get();
    expect(row).toEqual({ entity: 'patient', attempts: 1, next_attempt_at: '2026-11-23T10:00:01.000Z' }); // 1 s x 2^0 x jitter 1.0
    expect((await worker.runOnce()).pushed).toBe(0); // not due yet: nothing sent out of order
    // The region comes back (the hub link is up again): every row backing off is due at once, in order.
    const sync = createSyncRepository(db);
    expect(sync.retryNow()).toBeGreaterThan(0);
    expect(sync.due(['patient', 'encounter'], '2026-11-23T10:00:00.000Z', 10).map((r) => r.entity)[0]).toBe('patient');
    expect(db.prepare('SELECT count(*) AS n FROM outbox WHERE next_attempt_at IS NOT NULL').get()).toEqual({ n: 0 });
    db.close();
    station.close();
  });

  it('creates again an update the region answers 404 (it lost the record), and never parks it', async () => {
    const { dir, station, patientId } = await offlineRecords();
    const first = workerOn(dir);
    expect((await first.worker.runOnce()).pushed).toBe(5);
    first.db.close();
    // The region comes back without it (a restarted development hub): the next version meets a 404.
    const restarted = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    const patient = await station.value('patients.get', { id: patientId });
    await station.value('patients.update', {
      id: patientId,
      version: patient.version,
      identity: validatedIdentity({ usedName: 'Kerautret' }),
    });
    const { worker, db } = workerOn(dir, (input, init) =>
      fetch(String(input).replace(hub.fhirUrl, restarted.fhirUrl), init),
    );
    expect(await worker.runOnce()).toMatchObject({ pushed: 0, parked: 0, regionLost: 1, stoppedBy: null });
    expect(await worker.runOnce()).toMatchObject({ pushed: 1, parked: 0, regionLost: 0 });
    expect(outboxOf(dir)).toEqual([]);
    const held = (await fetch(`${restarted.fhirUrl}/Patient/${patientId}`, {
      headers: { Authorization: `Bearer ${token}` },
    }).then((r) => r.json())) as { name: { family: string }[] };
    expect(held.name.map((n) => n.family)).toContain('KERAUTRET');
    db.close();
    await restarted.close();
    await station.close();
  });

  it('does less with a server that can do less: no If-Match where versions are not checked, and Consent kept here', async () => {
    const { dir, station, patientId } = await offlineRecords();
    const metadata = (await server('/metadata')).json;
    // The same endpoint, described as a server without versioned updates on Patient and
    // without Consent at all.
    const statement = {
      ...metadata,
      rest: [
        {
          ...metadata.rest[0],
          resource: metadata.rest[0].resource
            .filter((r: { type: string }) => r.type !== 'Consent')
            .map((r: { type: string }) => (r.type === 'Patient' ? { ...r, versioning: 'versioned' } : r)),
        },
      ],
    };
    const ifMatchByPath: [string, string | null][] = [];
    const watching: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT')
        ifMatchByPath.push([
          new URL(String(input)).pathname.split('/').slice(-2, -1)[0]!,
          new Headers(init.headers).get('If-Match'),
        ]);
      return fetch(input, init);
    };
    const { worker, db, sync } = workerOn(dir, watching, readCapabilities(statement));
    const first = await worker.runOnce();
    expect(first).toMatchObject({ pushed: 4, conflicts: 0 }); // all but the consent
    expect(outboxOf(dir)).toEqual([
      expect.objectContaining({
        entity: 'consent',
        parked: 0,
        last_error: expect.stringMatching(/does not accept Consent updates/),
      }),
    ]);

    // An update here goes without If-Match, after reading the server's copy...
    await station.value('patients.update', {
      id: patientId,
      version: 1,
      identity: validatedIdentity({ usedName: 'MORVAN' }),
    });
    ifMatchByPath.length = 0;
    expect(await worker.runOnce()).toMatchObject({ pushed: 1, conflicts: 0 });
    expect(ifMatchByPath).toEqual([['Patient', null]]);
    // ...and that read is what finds a change made on the server meanwhile.
    const onServer = (await server(`/Patient/${patientId}`)).json;
    await fetch(`${hub.fhirUrl}/Patient/${patientId}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ ...onServer, gender: 'other' }),
    });
    await station.value('patients.update', {
      id: patientId,
      version: 2,
      identity: validatedIdentity({ usedName: 'KERVELLA' }),
    });
    expect(await worker.runOnce()).toMatchObject({ pushed: 0, conflicts: 1 });
    expect(sync.openConflicts()[0]).toMatchObject({ entity: 'patient', server: { gender: 'other' } });
    expect((await server(`/Patient/${patientId}`)).json.gender).toBe('other'); // not written over
    db.close();
    station.close();
  });

  it('sends a téléexpertise as a ServiceRequest with its act, a signed report as Binary and DocumentReference, and each professional once', async () => {
    const dir = tempDir();
    const station = openStation(dir);
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('no patient');
    const gp = { name: 'Dr Guillou', role: 'physician' as const, rpps: '10001234567' };
    const dermatologist = {
      name: 'Dr Le Goff',
      role: 'physician' as const,
      rpps: '10003456789',
      specialty: 'dermatologie',
    };
    const act = await station.value('encounters.create', {
      patientId: created.patient.id,
      act: 'teleexpertise',
      assisted: false,
      requester: gp,
      expert: dermatologist,
      specialty: 'dermatologie',
      site: 'Cabinet de Pleyben',
      reason: 'Naevus du dos',
    });
    await station.value('encounters.consent', {
      encounterId: act.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'Dr Guillou',
      collectedAt: new Date().toISOString(),
    });
    await station.value('encounters.setStatus', { id: act.id, version: 1, status: 'in_progress' });
    const signed = await station.value('encounters.report', {
      encounterId: act.id,
      text: 'Naevus bénin, surveillance annuelle.',
      author: dermatologist,
    });
    const { worker, db } = workerOn(dir);
    expect(await worker.runOnce()).toMatchObject({ pushed: 5, parked: 0, conflicts: 0, stoppedBy: null }); // patient, request, act, consent, report

    expect((await server(`/ServiceRequest/${act.id}`)).json).toMatchObject({
      status: 'active',
      intent: 'order',
      requester: { identifier: { value: '810001234567' } },
      performerType: { text: 'dermatologie' },
    });
    expect((await server(`/Encounter/${act.id}`)).json.basedOn).toEqual([{ reference: `ServiceRequest/${act.id}` }]);
    const document = (await server(`/DocumentReference/${signed.id}`)).json;
    expect(document).toMatchObject({
      status: 'current',
      docStatus: 'final',
      context: { encounter: [{ reference: `Encounter/${act.id}` }] },
      content: [{ attachment: { contentType: 'application/pdf' } }, { attachment: { url: `Binary/${signed.id}` } }],
    });
    const binary = (await server(`/${document.content[1].attachment.url}`)).json;
    expect(Buffer.from(binary.data, 'base64').toString('utf8')).toBe('Naevus bénin, surveillance annuelle.');

    // The act closes (pushed by a new run, as after a restart): the request follows; both
    // professionals exist once on the server (created only if none had their IdNatPS).
    db.close();
    await station.value('encounters.setStatus', { id: act.id, version: 2, status: 'closed' });
    const restarted = workerOn(dir);
    expect(await restarted.worker.runOnce()).toMatchObject({ pushed: 2, conflicts: 0 });
    expect((await server(`/ServiceRequest/${act.id}`)).json.status).toBe('completed');
    for (const idNatPs of ['810001234567', '810003456789']) {
      const found = await server(`/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|${idNatPs}`);
      expect(found.json.entry).toHaveLength(1);
    }
    expect(outboxOf(dir)).toEqual([]);
    restarted.db.close();
    station.close();
  });

  it('parks a record the hub forbids (403 forbidden) and sends the rest; a bare 403 waits', async () => {
    const { dir, station, patientId } = await offlineRecords();
    let answer: 'forbidden' | 'bare' = 'forbidden';
    const hub: typeof fetch = async (input, init) => {
      if (init?.method === 'PUT' && String(input).includes('/Patient/')) {
        const body =
          answer === 'forbidden'
            ? JSON.stringify({
                resourceType: 'OperationOutcome',
                issue: [
                  { severity: 'error', code: 'forbidden', details: { text: 'Another station wrote this resource.' } },
                ],
              })
            : 'Forbidden';
        return new Response(body, {
          status: 403,
          headers: { 'Content-Type': answer === 'forbidden' ? 'application/fhir+json' : 'text/plain' },
        });
      }
      return fetch(input, init);
    };
    const { worker, db, sync } = workerOn(dir, hub);
    expect(await worker.runOnce()).toMatchObject({ pushed: 4, parked: 1, stoppedBy: null });
    expect(sync.parkedRows(10)).toEqual([
      expect.objectContaining({
        entity: 'patient',
        entityId: patientId,
        error: 'Refused by the regional server (403): Another station wrote this resource.',
      }),
    ]);
    db.close();
    station.close();

    const second = await offlineRecords();
    answer = 'bare';
    const other = workerOn(second.dir, hub);
    expect(await other.worker.runOnce()).toMatchObject({
      pushed: 0,
      parked: 0,
      stoppedBy: expect.stringContaining('403'),
    });
    other.db.close();
    second.station.close();
  });

  it('keeps a refused record aside with the server’s reason, and sends it again when a person asks', async () => {
    const { dir, station, patientId } = await offlineRecords();
    let refuse = true;
    // The regional server refuses the patient once (a rule of its own, since fixed there).
    const strict: typeof fetch = async (input, init) => {
      if (refuse && init?.method === 'PUT' && String(input).includes('/Patient/')) {
        const outcome = {
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'error',
              code: 'business-rule',
              details: { text: 'Lieu de naissance inconnu du référentiel régional' },
            },
          ],
        };
        return new Response(JSON.stringify(outcome), {
          status: 422,
          headers: { 'Content-Type': 'application/fhir+json' },
        });
      }
      return fetch(input, init);
    };
    const { worker, db, sync } = workerOn(dir, strict);
    expect(await worker.runOnce()).toMatchObject({ pushed: 4, parked: 1 }); // the rest is not held back
    expect(sync.parkedRows(10)).toEqual([
      expect.objectContaining({
        entity: 'patient',
        entityId: patientId,
        error: 'Refused by the regional server (422): Lieu de naissance inconnu du référentiel régional.',
      }),
    ]);
    expect(await worker.runOnce()).toMatchObject({ pushed: 0, parked: 0 }); // parked: not tried again by itself

    refuse = false;
    const resolution = createConflictResolution({
      sync,
      outbox: createOutboxRepository(db),
      local: createLocalResources({ patients: createPatientRepository(db), encounters: createEncounterRepository(db) }),
      taker: { take: () => undefined },
      now: () => new Date(),
      inTransaction: (work) => db.transaction(work)(),
    });
    expect(resolution.retry('patient', patientId)).toEqual({ retried: 1 });
    expect(await worker.runOnce()).toMatchObject({ pushed: 1, parked: 0 });
    expect((await server(`/Patient/${patientId}`)).status).toBe(200);
    expect(() => resolution.retry('patient', patientId)).toThrow(/Nothing of this record waits/);
    db.close();
    station.close();
  });
});
