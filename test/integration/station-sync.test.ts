// A station with a regional hub syncs by itself: a patient created here reaches the hub's FHIR
// endpoint without anyone asking, and the home screen's figures say so; without a FHIR server
// the records stay here and the screen says that too.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/logger';
import { createStation, type Station } from '../../src/main/station';
import type { StationStatus } from '../../src/shared/station';
import { qualifiedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const SECRET = 'station-sync-secret';
const token = issueToken(SECRET, { sub: 'cart-9', role: 'station', name: 'Chariot 9', site: 'EHPAD', specialty: null, exp: Math.floor(Date.now() / 1000) + 600 });
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
    const station = createStation({ dataDir: tempDir(), mode: 'browser', logger: silentLogger, hubUrl: hub.url, hubToken: token, fhirUrl: hub.fhirUrl });
    cleanups.push(() => station.close());
    const created = await station.dispatch('patients.create', { identity: qualifiedIdentity(), notDuplicateOf: [] });
    const patientId = created.ok ? (created.value as { patient: { id: string } }).patient.id : '';
    let status = await statusOf(station);
    for (let i = 0; i < 300 && (status.sync.pending > 0 || status.sync.lastSyncAt === null); i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await statusOf(station);
    }
    expect(status.sync).toMatchObject({ server: hub.fhirUrl, pending: 0, parked: 0, conflicts: 0, lastError: null });
    const response = await fetch(`${hub.fhirUrl}/Patient/${patientId}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { name: { family: string }[] }).name[0]!.family).toBe(qualifiedIdentity().birthName.toUpperCase());
  });

  it('keeps the records here, and says so, without a FHIR server', async () => {
    const station = openStation(tempDir());
    cleanups.push(() => station.close());
    await station.value('patients.create', { identity: qualifiedIdentity() });
    expect((await station.value('station.status', {})).sync).toMatchObject({ server: null, pending: 1, lastSyncAt: null });
  });
});
