// A record changed on the server and here becomes a conflict with both versions, never merged;
// a server that can do less gets less; a refused record is kept aside until a person sends it again.
import { describe, expect, it } from 'vitest';
import { createEncounterRepository } from '../../src/main/acts/encounter-repository';
import { createPatientRepository } from '../../src/main/patients/patient-repository';
import { readCapabilities } from '../../src/main/sync/server-capabilities';
import { createConflictResolution } from '../../src/main/sync/conflict-resolution';
import { createLocalResources } from '../../src/main/sync/local-resources';
import { createOutboxRepository } from '../../src/main/platform/database/outbox-repository';
import { validatedIdentity } from '../helpers/identities';
import { outboxOf, token, useSyncPush } from '../helpers/sync-push';

const { fhirUrl, server, offlineRecords, workerOn } = useSyncPush();

describe('sync push: conflicts and refusals', () => {
  it('keeps both versions when the act changed on the server and here, and merges nothing', async () => {
    const { dir, station, encounter } = await offlineRecords();
    const { worker, db, sync } = workerOn(dir);
    await worker.runOnce();
    // The expert's side closes the act on the regional server...
    const onServer = (await server(`/Encounter/${encounter.id}`)).json;
    const changed = await fetch(`${fhirUrl()}/Encounter/${encounter.id}`, {
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
    await fetch(`${fhirUrl()}/Patient/${patientId}`, {
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
