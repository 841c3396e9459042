// Changes made on the regional server come back to the station: a record made offline, synced,
// corrected on the server, is pulled back into the station's patient and act without being sent
// out again; the same version seen twice is taken once; a version the station's rules refuse is
// shown with its reason and not taken; a change on both sides waits for a person, who keeps the
// station's version (sent over the server's) or takes the server's (written here).
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import { MARTIN_IN_NATIONAL_BASE, validatedIdentity } from '../helpers/identities';
import { startInsiDouble } from '../helpers/insi-double';
import { qualifyThroughInsi } from '../helpers/insi-station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const SECRET = 'sync-pull-secret';
const token = issueToken(SECRET, {
  sub: 'cart-3',
  role: 'station',
  name: 'Chariot 3',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

type FhirJson = Record<string, any>;

async function setup(options: { pullIntervalMs?: number } = {}) {
  const hub: RunningHub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  cleanups.push(() => hub.close());
  const insi = await startInsiDouble({ people: [MARTIN_IN_NATIONAL_BASE] });
  cleanups.push(() => insi.close());
  const station = createStation({
    insi: { url: insi.url, token: null },
    dataDir: tempDir(),
    mode: 'browser',
    logger: silentLogger,
    hubToken: token,
    fhirUrl: hub.fhirUrl,
    syncTiming: { debounceMs: 5, intervalMs: 40, pullIntervalMs: options.pullIntervalMs ?? 60 },
  });
  cleanups.push(() => station.close());
  const value = async <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const result = await station.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as ChannelOutput<C>;
  };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' };
  const read = async (path: string): Promise<FhirJson> =>
    (await fetch(`${hub.fhirUrl}${path}`, { headers })).json() as Promise<FhirJson>;
  /** A person on the regional side edits a resource. */
  const editOnServer = async (path: string, change: (r: FhirJson) => FhirJson) => {
    const current = await read(path);
    const response = await fetch(`${hub.fhirUrl}${path}`, {
      method: 'PUT',
      headers: { ...headers, 'If-Match': `W/"${current.meta.versionId}"` },
      body: JSON.stringify(change(current)),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as FhirJson;
  };
  return { hub, station, value, read, editOnServer };
}

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 8000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Jeanne Martin (validated, or qualified through INSi) and an act. */
async function patientWithAct(
  value: Awaited<ReturnType<typeof setup>>['value'],
  options: { qualified?: boolean } = {},
) {
  const created = await value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
  if (created.status !== 'created') throw new Error('no patient');
  const patient = options.qualified ? await qualifyThroughInsi({ value }, {}, created.patient) : created.patient;
  const act = await value('encounters.create', {
    patientId: patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD Les Tilleuls',
    reason: 'Plaie du talon',
  });
  return { patient, act };
}

/** Everything sent and a first pull done ("Synchroniser maintenant" pulls at once). */
const synced = (value: Awaited<ReturnType<typeof setup>>['value']) =>
  until('the outbox to empty', async () => {
    await value('sync.now', {});
    const s = (await value('station.status', {})).sync;
    return s.pending === 0 && s.lastSyncAt !== null && s.lastPullAt !== null && s;
  });

describe('sync pull', () => {
  it('brings back a correction made on the server into the patient and the act, without sending it out again', async () => {
    const { station, value, read, editOnServer } = await setup();
    const { patient, act } = await patientWithAct(value, { qualified: true });
    await synced(value);
    const changedPatients: string[] = [];
    const changedActs: string[] = [];
    station.events.on('patients.changed', ({ id }) => changedPatients.push(id));
    station.events.on('encounters.changed', ({ id }) => changedActs.push(id));

    // The regional team records the used name and the expert, and finishes the act.
    const patientOnServer = await editOnServer(`/Patient/${patient.id}`, (r) => ({
      ...r,
      name: [r.name[0], { use: 'usual', family: 'KERVELLA', given: [r.name[0].given[0]] }],
    }));
    const actOnServer = await editOnServer(`/Encounter/${act.id}`, (r) => ({
      ...r,
      extension: [],
      status: 'finished',
      period: { start: '2026-11-23T09:40:00.000Z', end: '2026-11-23T09:55:00.000Z' },
      participant: [
        ...r.participant,
        {
          type: [{ coding: [{ code: 'CON' }] }],
          individual: {
            display: 'Dr Le Goff',
            identifier: { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '810003456789' },
          },
        },
      ],
    }));

    const pulledPatient = await until('the patient to come back', async () => {
      const p = await value('patients.get', { id: patient.id });
      return p.usedName === 'KERVELLA' && p;
    });
    // Qualified through INSi here, sent with how INSi gave its INS: it comes back qualified.
    expect(pulledPatient).toMatchObject({
      version: 3,
      birthName: patient.birthName,
      usedName: 'KERVELLA',
      identityStatus: 'QUAL',
      ins: patient.ins,
      insRetrieval: patient.insRetrieval,
    });
    const pulledAct = await until('the act to come back', async () => {
      const e = (await value('encounters.get', { id: act.id })).encounter;
      return e.status === 'closed' && e;
    });
    expect(pulledAct).toMatchObject({
      version: 2,
      status: 'closed',
      startedAt: '2026-11-23T09:40:00.000Z',
      endedAt: '2026-11-23T09:55:00.000Z',
      expert: { name: 'Dr Le Goff', rpps: '10003456789' },
    });
    expect(changedPatients).toContain(patient.id);
    expect(changedActs).toContain(act.id);

    // Taken in, not sent back: nothing waits, and the server still holds the team's versions.
    await new Promise((r) => setTimeout(r, 300));
    expect((await value('station.status', {})).sync).toMatchObject({
      pending: 0,
      parked: 0,
      conflicts: 0,
      lastError: null,
    });
    expect((await read(`/Patient/${patient.id}`)).meta.versionId).toBe(patientOnServer.meta.versionId);
    expect((await read(`/Encounter/${act.id}`)).meta.versionId).toBe(actOnServer.meta.versionId);

    // A later edit here goes over the pulled version, without a conflict.
    await value('patients.update', {
      id: patient.id,
      version: 3,
      identity: { ...validatedIdentity(), identityStatus: 'QUAL', usedName: 'KERVELLA-MORVAN' },
    });
    await until('the edit to reach the server', async () =>
      (await read(`/Patient/${patient.id}`)).name.some((n: FhirJson) => n.family === 'KERVELLA-MORVAN'),
    );
    expect((await value('sync.details', {})).conflicts).toEqual([]);
  });

  it('shows a server version the station’s rules refuse, with the reason, and keeps its own', async () => {
    const { value, editOnServer } = await setup();
    const { patient } = await patientWithAct(value, { qualified: true });
    await synced(value);
    const onServer = await editOnServer(`/Patient/${patient.id}`, (r) => ({
      ...r,
      identifier: [r.identifier[0], { ...r.identifier[1], value: '269054958815781' }],
    }));
    const details = await until('the refusal to show', async () => {
      const d = await value('sync.details', {});
      return d.refused.length > 0 && d;
    });
    expect(details.refused).toEqual([
      {
        entity: 'patient',
        entityId: patient.id,
        serverVersionId: onServer.meta.versionId,
        error: expect.stringMatching(/^The regional server's Patient cannot be taken in: ins\.matricule: ins\./),
        at: expect.any(String),
      },
    ]);
    expect(await value('patients.get', { id: patient.id })).toMatchObject({ version: 2, ins: patient.ins });
  });

  it('lets a person keep the station’s version: it goes over the server’s', async () => {
    const { value, read, editOnServer } = await setup({ pullIntervalMs: 60_000 });
    const { act } = await patientWithAct(value);
    await synced(value);
    await editOnServer(`/Encounter/${act.id}`, (r) => ({
      ...r,
      reasonCode: [{ text: 'Plaie du talon, surinfectée' }],
    }));
    await value('encounters.setStatus', { id: act.id, version: 1, status: 'closed' });
    const [conflict] = await until('the conflict', async () => {
      const d = await value('sync.details', {});
      return d.conflicts.length > 0 && d.conflicts;
    });
    expect(conflict).toMatchObject({
      entity: 'encounter',
      local: { status: 'cancelled', reasonCode: [{ text: 'Plaie du talon' }] },
      server: { status: 'planned', reasonCode: [{ text: 'Plaie du talon, surinfectée' }] },
    });

    expect(await value('sync.resolve', { conflictId: conflict!.id, keep: 'station', by: 'Dr Guillou' })).toEqual({
      entity: 'encounter',
      entityId: act.id,
      keep: 'station',
    });
    await until(
      'the station’s version on the server',
      async () => (await read(`/Encounter/${act.id}`)).status === 'cancelled',
    );
    expect((await read(`/Encounter/${act.id}`)).reasonCode).toEqual([{ text: 'Plaie du talon' }]);
    const after = await value('sync.details', {});
    expect(after).toMatchObject({ conflicts: [], parked: [] });
    // Settled once: a second answer to the same conflict is refused.
    const again = await (async () => {
      try {
        await value('sync.resolve', { conflictId: conflict!.id, keep: 'server', by: 'Dr Guillou' });
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(again).toMatch(/already settled/);
  });

  it('lets a person take the server’s version: it is written into the station’s record', async () => {
    const { value, read, editOnServer } = await setup({ pullIntervalMs: 60_000 });
    const { patient } = await patientWithAct(value);
    await synced(value);
    await editOnServer(`/Patient/${patient.id}`, (r) => ({
      ...r,
      name: [r.name[0], { use: 'usual', family: 'KERVELLA', given: [r.name[0].given[0]] }],
    }));
    await value('patients.update', {
      id: patient.id,
      version: 1,
      identity: { ...validatedIdentity(), usedName: 'MORVAN' },
    });
    const [conflict] = await until('the conflict', async () => {
      const d = await value('sync.details', {});
      return d.conflicts.length > 0 && d.conflicts;
    });
    await value('sync.resolve', { conflictId: conflict!.id, keep: 'server', by: 'IDE Morvan' });
    expect(await value('patients.get', { id: patient.id })).toMatchObject({ version: 3, usedName: 'KERVELLA' });
    await new Promise((r) => setTimeout(r, 300));
    expect((await value('station.status', {})).sync).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
    expect((await read(`/Patient/${patient.id}`)).name[1].family).toBe('KERVELLA');
  });
});
