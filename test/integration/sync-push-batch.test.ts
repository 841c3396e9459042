// Records go to the real hub in FHIR batch Bundles when its CapabilityStatement offers batches:
// each entry's answer handled as a single answer (done, conflict, parked); a Bundle sent again
// after its answer was lost creates nothing twice; a server without batches gets single PUTs, and
// one that refuses a Bundle gets the records one request each.
import { describe, expect, it } from 'vitest';
import { readCapabilities } from '../../src/main/sync/server-capabilities';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { outboxOf, token, useSyncPush } from '../helpers/sync-push';

const { fhirUrl, server, offlineRecords, workerOn, tempDir } = useSyncPush();

/** The hub's own statement (batches offered), or the same without batches. */
async function capabilities(batch = true) {
  const statement = (await server('/metadata')).json;
  if (!batch) statement.rest = [{ ...statement.rest[0], interaction: undefined }];
  return readCapabilities(statement);
}

/** A fetch to the hub that records each request (method and path; a batch's entries) and may change or lose them. */
function watchedNetwork() {
  const network = {
    requests: [] as string[],
    /** Changes a batch's entries before the hub sees them (a rule of the region the station does not know). */
    tamper: null as ((entry: { resource: Record<string, unknown> }) => void) | null,
    /** The next batch reaches the hub, and its answer is lost on the way back. */
    loseNextBatchAnswer: false,
    /** Answers the batch itself, without the hub (a server that does not take them). */
    refuseBatch: null as Response | null,
    fetch: (async (input, init) => {
      const path = new URL(String(input)).pathname.replace(/^\/fhir\/R4/, '');
      const batch = init?.method === 'POST' && path === '';
      network.requests.push(`${init?.method ?? 'GET'} ${batch ? '(batch)' : path}`);
      if (batch && network.refuseBatch) return network.refuseBatch.clone();
      if (batch && network.tamper) {
        const bundle = JSON.parse(String(init!.body)) as { entry: { resource: Record<string, unknown> }[] };
        bundle.entry.forEach(network.tamper);
        init = { ...init, body: JSON.stringify(bundle) };
      }
      const response = await fetch(input, init);
      if (batch && network.loseNextBatchAnswer) {
        network.loseNextBatchAnswer = false;
        throw new TypeError('socket hang up');
      }
      return response;
    }) as typeof fetch,
  };
  return network;
}

const observe = (station: Awaited<ReturnType<typeof offlineRecords>>['station'], encounterId: string, value: number) =>
  station.value('encounters.observe', {
    encounterId,
    vital: { code: 'heart_rate', value, unit: '/min' },
    takenAt: new Date().toISOString(),
    method: 'device',
    device: 'oximeter',
    takenBy: 'IDE Morvan',
  });

/** How many resources of this type the hub holds for this client-made id (by its identifier). */
async function heldOnce(type: string, id: string): Promise<number> {
  const found = await server(`/${type}?identifier=${encodeURIComponent(`urn:ietf:rfc:3986|urn:uuid:${id}`)}`);
  return (found.json.entry ?? []).length;
}

describe('sync push in batch Bundles', () => {
  it('sends records made offline in one Bundle, and handles each answer: done, conflict, refused', async () => {
    const { dir, station, patientId, encounter } = await offlineRecords();
    const network = watchedNetwork();
    const { worker, db, sync } = workerOn(dir, network.fetch, await capabilities());
    expect(await worker.runOnce()).toMatchObject({ pushed: 5, parked: 0, conflicts: 0, stoppedBy: null });
    expect(network.requests).toEqual(['POST (batch)']); // patient, act, consent, two measures: one request
    expect(outboxOf(dir)).toEqual([]);

    // The act is changed at the region (the expert's side) while it ends here: a conflict. The
    // region refuses a new measure by a rule of its own (here: its code removed on the way). The
    // patient's new name and another measure have nothing against them.
    const onServer = (await server(`/Encounter/${encounter.id}`)).json;
    const changed = await fetch(`${fhirUrl()}/Encounter/${encounter.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ ...onServer, reasonCode: [{ text: 'Plaie du talon, surinfectée' }] }),
    });
    expect(changed.status).toBe(200);
    await station.value('encounters.setStatus', {
      id: encounter.id,
      version: encounter.version,
      status: 'awaiting_report',
    });
    await station.value('patients.update', {
      id: patientId,
      version: 1,
      identity: validatedIdentity({ usedName: 'MORVAN' }),
    });
    const refused = await observe(station, encounter.id, 71);
    const fine = await observe(station, encounter.id, 72);
    network.tamper = ({ resource }) => {
      if (resource.id === refused.id) delete resource.code;
    };
    network.requests.length = 0;

    expect(await worker.runOnce()).toMatchObject({ pushed: 2, parked: 1, conflicts: 1, stoppedBy: null });
    // One Bundle; the conflict's 412 is told from a lost write of ours by reading the act (twice: as a single 412 is).
    expect(network.requests).toEqual([
      'POST (batch)',
      `GET /Encounter/${encounter.id}`,
      `GET /Encounter/${encounter.id}`,
    ]);
    expect(sync.openConflicts()).toEqual([
      expect.objectContaining({
        entity: 'encounter',
        entityId: encounter.id,
        local: expect.objectContaining({ status: 'finished' }),
        server: expect.objectContaining({ reasonCode: [{ text: 'Plaie du talon, surinfectée' }] }),
      }),
    ]);
    expect(sync.parkedRows(10)).toEqual([
      expect.objectContaining({
        entity: 'encounter',
        entityId: encounter.id,
        error: expect.stringMatching(/both versions/),
      }),
      expect.objectContaining({
        entity: 'observation',
        entityId: refused.id,
        error: 'Refused by the regional server (400): Missing required property.',
      }),
    ]);
    expect((await server(`/Observation/${refused.id}`)).status).toBe(404);
    expect((await server(`/Observation/${fine.id}`)).json.valueQuantity.value).toBe(72);
    expect((await server(`/Patient/${patientId}`)).json.name).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: 'MORVAN' })]),
    );
    expect((await server(`/Encounter/${encounter.id}`)).json.reasonCode[0].text).toBe('Plaie du talon, surinfectée'); // not written over
    db.close();
    station.close();
  });

  it('sends a Bundle again after its answer was lost, and nothing is made twice', async () => {
    const { dir, station, patientId, encounter } = await offlineRecords();
    const network = watchedNetwork();
    const { worker, db, sync } = workerOn(dir, network.fetch, await capabilities());
    // Lost on the first sending: nothing acknowledged yet.
    network.loseNextBatchAnswer = true;
    expect(await worker.runOnce()).toMatchObject({ pushed: 0, unreachable: true, stoppedBy: expect.any(String) });
    expect(sync.retryNow()).toBe(1); // the link is back
    expect(await worker.runOnce()).toMatchObject({ pushed: 5, parked: 0, conflicts: 0 });

    // Lost again on updates: the Bundle names the versions it replaced, which are gone by the retry.
    await station.value('patients.update', {
      id: patientId,
      version: 1,
      identity: validatedIdentity({ usedName: 'MORVAN' }),
    });
    await station.value('encounters.setStatus', {
      id: encounter.id,
      version: encounter.version,
      status: 'awaiting_report',
    });
    const measure = await observe(station, encounter.id, 64);
    network.loseNextBatchAnswer = true;
    expect(await worker.runOnce()).toMatchObject({ pushed: 0, unreachable: true });
    sync.retryNow();
    network.requests.length = 0;
    // Our own writes, recognised as such (the server's copy is what was sent): done, no conflict.
    expect(await worker.runOnce()).toMatchObject({ pushed: 3, parked: 0, conflicts: 0 });
    expect(network.requests.filter((r) => r.startsWith('PUT'))).toEqual([]);
    expect(outboxOf(dir)).toEqual([]);

    const onServer = (await server(`/Patient/${patientId}`)).json;
    expect(onServer.name).toEqual(expect.arrayContaining([expect.objectContaining({ family: 'MORVAN' })]));
    expect((await server(`/Encounter/${encounter.id}`)).json.status).toBe('finished');
    expect(await heldOnce('Patient', patientId)).toBe(1);
    expect(await heldOnce('Encounter', encounter.id)).toBe(1);
    expect(await heldOnce('Observation', measure.id)).toBe(1);
    db.close();
    station.close();
  });

  it('sends single PUTs to a server whose statement offers no batch, and to one that refuses a Bundle', async () => {
    const { dir, station } = await offlineRecords();
    const network = watchedNetwork();
    const single = workerOn(dir, network.fetch, await capabilities(false));
    expect(await single.worker.runOnce()).toMatchObject({ pushed: 5, parked: 0, conflicts: 0 });
    expect(network.requests.map((r) => r.split('/')[0])).toEqual(Array(5).fill('PUT '));
    expect(network.requests).not.toContain('POST (batch)');
    single.db.close();
    station.close();

    // A server that says it takes batches, then answers the Bundle itself 405: one request each,
    // now and for the rest of the run (it is not asked again).
    const other = await offlineRecords();
    const refusing = watchedNetwork();
    refusing.refuseBatch = new Response(
      JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported' }] }),
      { status: 405, headers: { 'Content-Type': 'application/fhir+json' } },
    );
    const worker = workerOn(other.dir, refusing.fetch, await capabilities());
    expect(await worker.worker.runOnce()).toMatchObject({ pushed: 5, parked: 0, stoppedBy: null });
    expect(refusing.requests[0]).toBe('POST (batch)');
    expect(refusing.requests.slice(1).map((r) => r.split('/')[0])).toEqual(Array(5).fill('PUT '));
    await observe(other.station, other.encounter.id, 66);
    refusing.requests.length = 0;
    expect(await worker.worker.runOnce()).toMatchObject({ pushed: 1 });
    expect(refusing.requests.map((r) => r.split('/')[0])).toEqual(['PUT ']);
    worker.db.close();
    other.station.close();
  });

  it('sends the professionals a Bundle names inside it, once each, and a report alone before it', async () => {
    const dir = tempDir();
    const station = openStation(dir);
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('no patient');
    const gp = { name: 'Dr Guillou', role: 'physician' as const, rpps: '10001234567' };
    const acts = [];
    for (const reason of ['Naevus du dos', 'Plaie de jambe']) {
      acts.push(
        await station.value('encounters.create', {
          patientId: created.patient.id,
          act: 'teleexpertise',
          assisted: false,
          requester: gp,
          specialty: 'dermatologie',
          site: 'Cabinet de Pleyben',
          reason,
        }),
      );
    }
    await station.value('encounters.consent', {
      encounterId: acts[0]!.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'Dr Guillou',
      collectedAt: new Date().toISOString(),
    });
    await station.value('encounters.setStatus', { id: acts[0]!.id, version: 1, status: 'in_progress' });
    const network = watchedNetwork();
    const { worker, db } = workerOn(dir, network.fetch, await capabilities());
    // The patient, two requests, two acts, a consent; the GP's Practitioner inside the same Bundle.
    expect(await worker.runOnce()).toMatchObject({ pushed: 6, parked: 0, conflicts: 0 });
    expect(network.requests).toEqual(['POST (batch)']);
    const practitioners = await server('/Practitioner?identifier=urn:oid:1.2.250.1.71.4.2.1|810001234567');
    expect(practitioners.json.entry).toHaveLength(1);

    // The report (its Binaries first) goes alone; the act it closes goes in a Bundle after it.
    const signed = await station.value('encounters.report', {
      encounterId: acts[0]!.id,
      text: 'Naevus bénin, surveillance annuelle.',
      author: gp,
    });
    network.requests.length = 0;
    expect(await worker.runOnce()).toMatchObject({ pushed: 3, parked: 0, conflicts: 0 });
    expect(network.requests).toEqual([
      expect.stringMatching(/^PUT \/Binary\//),
      expect.stringMatching(/^PUT \/Binary\//),
      `PUT /DocumentReference/${signed.id}`,
      'POST (batch)',
    ]);
    db.close();
    station.close();
  });
});
