// A hub and an INSi double for the push tests, a station with records made offline, and a push
// worker on its folder; call useSyncPush() at the top of a test file.
import type Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { createEncounterRepository } from '../../src/main/acts/encounter-repository';
import { createPatientRepository } from '../../src/main/patients/patient-repository';
import { createSyncRepository } from '../../src/main/sync/sync-repository';
import { createFhirClient } from '../../src/main/sync/fhir-client';
import { createPushWorker } from '../../src/main/sync/push-worker';
import type { readCapabilities } from '../../src/main/sync/server-capabilities';
import { createReportPdfRepository } from '../../src/main/acts/report-pdf-repository';
import { createReportPdfService } from '../../src/main/acts/report-pdf-service';
import { openStationStorage } from '../../src/main/platform/storage';
import { MARTIN_IN_NATIONAL_BASE, validatedIdentity } from './identities';
import { startInsiDouble, type InsiDouble } from './insi-double';
import { qualifyThroughInsi } from './insi-station';
import { openStation } from './station';
import { useTempDir } from './temp-dir';
import { stationDatabase } from './station-database';
import { pushRecords } from './push-records';
import { shippedBillingCodes } from './shipped-billing';

export const SECRET = 'sync-hub-secret';
export const token = issueToken(SECRET, {
  sub: 'cart-1',
  role: 'station',
  name: 'Chariot 1',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});

export function useSyncPush() {
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
    const started = await station.value('encounters.setStatus', {
      id: encounter.id,
      version: 1,
      status: 'in_progress',
    });
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

  function workerOn(dir: string, fetchImpl?: typeof fetch, capabilities?: ReturnType<typeof readCapabilities>) {
    const db = openStationStorage(dir).db;
    const worker = createPushWorker({
      ...pushRecords(db),
      client: createFhirClient({
        baseUrl: hub.fhirUrl,
        token: () => token,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      }),
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

  return {
    tempDir,
    fhirUrl: () => hub.fhirUrl,
    server,
    offlineRecords,
    workerOn,
    losingOnePatientAnswer,
  };
}

export const reportPdfsOf = (db: Database.Database) =>
  createReportPdfService({
    billing: shippedBillingCodes(),
    encounters: createEncounterRepository(db),
    patients: createPatientRepository(db),
    pdfs: createReportPdfRepository(db),
    now: () => new Date(),
  });

export const outboxOf = (dir: string) => {
  const db = stationDatabase(dir, { readonly: true });
  // The audit trail's rows ride the same outbox; they are checked in test/integration/audit-trail.test.ts.
  const rows = db
    .prepare("SELECT entity, parked, last_error FROM outbox WHERE entity != 'audit' ORDER BY seq")
    .all() as { entity: string; parked: number; last_error: string | null }[];
  db.close();
  return rows;
};
