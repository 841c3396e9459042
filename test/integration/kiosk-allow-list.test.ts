// While the pharmacy cabin is in kiosk mode (a patient may be alone at the screen), the station
// runs only the channels the cabin's screens call, through the real dispatch both bindings use:
// every channel of the contract is tried, so a channel added later is refused in a cabin until
// someone reviews it and adds it here and to src/shared/kiosk/cabin-channels.ts.
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/shared/contract';
import { provisionalIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const PIN = '482913';

// What the cabin's screens (src/renderer/features/kiosk/ and the call screen it shows) call,
// reviewed one by one. Written out here rather than read from the allow-list, so that widening
// the list is a change this test sees.
const CABIN_NEEDS: readonly Channel[] = [
  'station.status',
  'identity.state',
  'kiosk.state',
  'kiosk.leave',
  'kiosk.endSession',
  'patients.create',
  'encounters.create',
  'encounters.consent',
  'encounters.observe',
  'encounters.setStatus',
  'encounters.prescriptions',
  'encounters.prescriptionPdf',
  'devices.list',
  'bloodPressure.latest',
  'bloodPressure.simulateMeasurement',
  'camera.command',
  'camera.center',
  'calls.hub',
  'calls.send',
  'calls.ice',
  'calls.chat',
  'attachments.begin',
  'attachments.chunk',
  'attachments.finish',
  'calls.grantControl',
  'calls.revokeControl',
  'calls.consent',
];

const tempDir = useTempDir('relais-cabin-');

async function cabinStation() {
  const station = openStation(tempDir());
  await station.value('kiosk.enter', { pin: PIN });
  return station;
}

describe('the cabin allow-list, through the real dispatch', () => {
  it.each(CHANNELS)('%s: allowed only if the cabin needs it', async (channel) => {
    const station = await cabinStation();
    try {
      // A payload no channel accepts: a channel that passed the gate stops at its schema, so
      // nothing runs, and one the gate refused never has its payload read.
      const result = await station.dispatch(channel, null);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      if (CABIN_NEEDS.includes(channel)) {
        expect(result.error.code).toBe('validation_failed');
      } else {
        expect(result.error.code).toBe('kiosk_mode');
        expect(result.error.message).toContain(channel);
        expect(result.error.message).toMatch(/pharmacist leaves kiosk mode with her PIN/);
      }
    } finally {
      await station.close();
    }
  });

  it('runs a cabin session, refuses the registry and other records, and opens them again once the pharmacist leaves', async () => {
    const station = await cabinStation();
    try {
      const created = await station.value('patients.create', { identity: provisionalIdentity(), notDuplicateOf: [] });
      if (created.status !== 'created') throw new Error('expected a new patient');
      const pharmacist = { name: 'Mme Le Bris', role: 'pharmacist' } as const;
      const act = await station.value('encounters.create', {
        patientId: created.patient.id,
        act: 'teleconsultation',
        assisted: true,
        requester: pharmacist,
        site: 'Pharmacie du Port',
        reason: 'Téléconsultation en cabine',
      });
      const spo2 = { code: 'spo2', value: 97, unit: '%' } as const;
      const takenAt = '2026-11-23T10:00:00.000Z';
      await station.value('encounters.observe', {
        encounterId: act.id,
        vital: spo2,
        takenAt,
        method: 'manual',
        takenBy: pharmacist.name,
      });

      // Valid payloads: what would run outside kiosk mode is refused here.
      const refused = {
        'patients.search': { limit: 5 },
        'patients.get': { id: created.patient.id },
        'encounters.forPatient': { patientId: created.patient.id },
        'encounters.get': { id: act.id },
        'sync.details': {},
        'audit.recent': { limit: 5 },
      };
      for (const [channel, input] of Object.entries(refused)) {
        const result = await station.dispatch(channel, input);
        expect(!result.ok && result.error.code, channel).toBe('kiosk_mode');
      }

      await station.value('kiosk.leave', { pin: PIN });
      const found = await station.value('patients.search', { limit: 5 });
      expect(found.map((p) => p.id)).toContain(created.patient.id);
      // The refused reads of records are in the audit trail, as the sign-in gate's are.
      const trail = await station.value('audit.recent', { limit: 100 });
      const audited = ['patients.search', 'patients.get', 'encounters.forPatient', 'encounters.get'];
      expect(
        trail
          .filter((e) => e.outcome === 'kiosk_mode')
          .map((e) => e.event)
          .sort(),
      ).toEqual(audited.sort());
    } finally {
      await station.close();
    }
  });
});
