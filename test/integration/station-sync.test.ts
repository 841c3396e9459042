// A station with a regional hub syncs by itself: a patient created here reaches the hub's FHIR
// endpoint without anyone asking, and the home screen's figures say so; without a FHIR server
// the records stay here and the screen says that too.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import type { StationStatus } from '../../src/shared/station/station';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const SECRET = 'station-sync-secret';
const token = issueToken(SECRET, {
  sub: 'cart-9',
  role: 'station',
  name: 'Chariot 9',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function statusOf(station: Station): Promise<StationStatus> {
  const result = await station.dispatch('station.status', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as StationStatus;
}

describe('station sync', () => {
  it('pushes a new patient to the regional FHIR server by itself', async () => {
    const hub: RunningHub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const station = createStation({
      dataDir: tempDir(),
      mode: 'browser',
      logger: silentLogger,
      hubUrl: hub.url,
      hubToken: token,
      fhirUrl: hub.fhirUrl,
    });
    cleanups.push(() => station.close());
    const created = await station.dispatch('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    const patientId = created.ok ? (created.value as { patient: { id: string } }).patient.id : '';
    let status = await statusOf(station);
    for (let i = 0; i < 300 && (status.sync.pending > 0 || status.sync.lastSyncAt === null); i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await statusOf(station);
    }
    expect(status.sync).toMatchObject({ server: hub.fhirUrl, pending: 0, parked: 0, conflicts: 0, lastError: null });
    const response = await fetch(`${hub.fhirUrl}/Patient/${patientId}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { name: { family: string }[] }).name[0]!.family).toBe(
      validatedIdentity().birthName.toUpperCase(),
    );
  });

  it('shows a conflict with the station’s and the server’s versions, for a person to look at', async () => {
    const hub: RunningHub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const station = createStation({
      dataDir: tempDir(),
      mode: 'browser',
      logger: silentLogger,
      hubToken: token,
      fhirUrl: hub.fhirUrl,
      syncTiming: { debounceMs: 5, intervalMs: 50 },
    });
    cleanups.push(() => station.close());
    const call = async <T>(channel: Parameters<Station['dispatch']>[0], input: unknown): Promise<T> => {
      const result = await station.dispatch(channel, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    const created = await call<{ patient: { id: string } }>('patients.create', {
      identity: validatedIdentity(),
      notDuplicateOf: [],
    });
    const encounter = await call<{ id: string; version: number }>('encounters.create', {
      patientId: created.patient.id,
      act: 'teleexpertise',
      assisted: false,
      requester: { name: 'Dr Guillou', role: 'physician' },
      site: 'Cabinet',
      reason: 'Naevus',
    });
    const synced = async () => {
      for (let i = 0; i < 300; i++) {
        const s = await statusOf(station);
        if (s.sync.pending === 0 && s.sync.lastSyncAt) return s;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('never synced');
    };
    await synced();
    const url = `${hub.fhirUrl}/Encounter/${encounter.id}`;
    const onServer = (await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).json()) as Record<
      string,
      unknown
    >;
    await fetch(url, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify({ ...onServer, reasonCode: [{ text: 'Naevus atypique' }] }),
    });
    await call('encounters.setStatus', { id: encounter.id, version: 1, status: 'closed' });
    let details = await call<{
      parked: { entity: string; error: string }[];
      conflicts: {
        entity: string;
        local: { status: string };
        server: { status: string; reasonCode: { text: string }[] };
      }[];
    }>('sync.details', {});
    for (let i = 0; i < 300 && details.conflicts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      details = await call('sync.details', {});
    }
    expect(details.conflicts).toEqual([
      expect.objectContaining({
        entity: 'encounter',
        local: expect.objectContaining({ status: 'cancelled' }),
        server: expect.objectContaining({ status: 'planned', reasonCode: [{ text: 'Naevus atypique' }] }),
      }),
    ]);
    expect(details.parked).toEqual([
      expect.objectContaining({ entity: 'encounter', error: expect.stringMatching(/both versions/) }),
    ]);
    expect((await statusOf(station)).sync).toMatchObject({ parked: 1, conflicts: 1 });
  });

  it('keeps the records here, and says so, without a FHIR server', async () => {
    const station = openStation(tempDir());
    cleanups.push(() => station.close());
    await station.value('patients.create', { identity: validatedIdentity() });
    expect((await station.value('station.status', {})).sync).toMatchObject({
      server: null,
      pending: 1,
      lastSyncAt: null,
    });
  });
});
