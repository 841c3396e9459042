// The outbox pushed to the hub's FHIR endpoint: records made offline arrive once, in their
// current state; a retry after a lost answer makes no duplicate; an unreachable server waits.
import { describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { createEncounterRepository } from '../../src/main/acts/encounter-repository';
import { createPatientRepository } from '../../src/main/patients/patient-repository';
import { createSyncRepository } from '../../src/main/sync/sync-repository';
import { createFhirClient } from '../../src/main/sync/fhir-client';
import { createPushWorker } from '../../src/main/sync/push-worker';
import { PARIS_1906_MATRICULE, validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { openStationStorage } from '../../src/main/platform/storage';
import { outboxOf, reportPdfsOf, SECRET, token, useSyncPush } from '../helpers/sync-push';

const { tempDir, fhirUrl, server, offlineRecords, workerOn, losingOnePatientAnswer } = useSyncPush();

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
      fetch(String(input).replace(fhirUrl(), restarted.fhirUrl), init),
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
    const { worker, db } = workerOn(dir);
    expect(await worker.runOnce()).toMatchObject({ pushed: 4, parked: 0, conflicts: 0, stoppedBy: null }); // patient, request, act, consent

    expect((await server(`/ServiceRequest/${act.id}`)).json).toMatchObject({
      status: 'active',
      intent: 'order',
      requester: { identifier: { value: '810001234567' } },
      performerType: { text: 'dermatologie' },
    });
    expect((await server(`/Encounter/${act.id}`)).json.basedOn).toEqual([{ reference: `ServiceRequest/${act.id}` }]);

    // The report is signed, which closes the act (pushed by a new run, as after a restart): the
    // request follows; both professionals exist once on the server (created only if none had their IdNatPS).
    db.close();
    const signed = await station.value('encounters.report', {
      encounterId: act.id,
      text: 'Naevus bénin, surveillance annuelle.',
      author: dermatologist,
    });
    const restarted = workerOn(dir);
    expect(await restarted.worker.runOnce()).toMatchObject({ pushed: 3, parked: 0, conflicts: 0 }); // report, request, act
    const document = (await server(`/DocumentReference/${signed.id}`)).json;
    expect(document).toMatchObject({
      status: 'current',
      docStatus: 'final',
      context: { encounter: [{ reference: `Encounter/${act.id}` }] },
      content: [{ attachment: { contentType: 'application/pdf' } }, { attachment: { url: `Binary/${signed.id}` } }],
    });
    const binary = (await server(`/${document.content[1].attachment.url}`)).json;
    expect(Buffer.from(binary.data, 'base64').toString('utf8')).toBe('Naevus bénin, surveillance annuelle.');
    expect((await server(`/ServiceRequest/${act.id}`)).json.status).toBe('completed');
    for (const idNatPs of ['810001234567', '810003456789']) {
      const found = await server(`/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|${idNatPs}`);
      expect(found.json.entry).toHaveLength(1);
    }
    expect(outboxOf(dir)).toEqual([]);
    restarted.db.close();
    station.close();
  });
});
