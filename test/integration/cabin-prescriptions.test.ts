// The pharmacy cabin at the end of a session (issue 21, point 5): in kiosk mode the page reads the
// prescriptions of the act its session opened and prints their kept PDF, and no other act's (a
// patient alone at the screen must not read another patient's prescription by naming its act);
// once the session ends, not even that one. Out of kiosk mode the pharmacist reads any act's.
import { describe, expect, it } from 'vitest';
import type { Encounter } from '../../src/shared/acts/encounter';
import { provisionalIdentity } from '../helpers/identities';
import { signedPrescription } from '../helpers/prescriptions';
import { openStation } from '../helpers/station';
import { stationDatabase } from '../helpers/station-database';
import { useTempDir } from '../helpers/temp-dir';

const PIN = '482913';
const tempDir = useTempDir('relais-cabin-');
const pharmacist = { name: 'Mme Le Bris', role: 'pharmacist' } as const;

/** A prescription kept on the act as the intake keeps it (its delivery is prescription-routing.test.ts's). */
function keepPrescription(dir: string, act: Encounter) {
  const prescription = signedPrescription({ encounterId: act.id });
  const db = stationDatabase(dir);
  db.prepare(
    `INSERT INTO act_prescriptions (id, encounter_id, sender, via, call_id, sha256, signed_json, replaces, received_at)
     VALUES (?, ?, 'dr-kerleau', 'hub', NULL, ?, ?, NULL, '2026-12-07T09:30:00.000Z')`,
  ).run(prescription.id, act.id, prescription.sha256, JSON.stringify(prescription));
  db.close();
  return prescription;
}

describe('the cabin’s prescriptions in kiosk mode', () => {
  it('are those of the act its session opened, until the session ends', async () => {
    const dir = tempDir();
    const station = openStation(dir);
    try {
      const newAct = async (birthName: string) => {
        const identity = provisionalIdentity({ birthName });
        const created = await station.value('patients.create', { identity, notDuplicateOf: [] });
        if (created.status !== 'created') throw new Error('expected a new patient');
        return station.value('encounters.create', {
          patientId: created.patient.id,
          act: 'teleconsultation',
          assisted: true,
          requester: pharmacist,
          site: 'Pharmacie du Port',
          reason: 'Téléconsultation en cabine',
        });
      };
      const earlier = await newAct('Kerhervé'); // before kiosk mode: another patient's
      await station.value('kiosk.enter', { pin: PIN });
      const session = await newAct('Le Bihan');
      const ours = keepPrescription(dir, session);
      const theirs = keepPrescription(dir, earlier);

      expect(await station.value('encounters.prescriptions', { id: session.id })).toEqual([ours]);
      const pdf = await station.value('encounters.prescriptionPdf', { prescriptionId: ours.id });
      expect(Buffer.from(pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const refusals = [
        await station.call('encounters.prescriptions', { id: earlier.id }),
        await station.call('encounters.prescriptionPdf', { prescriptionId: theirs.id }),
        await station.call('encounters.prescriptionPdf', { prescriptionId: '00000000-0000-4000-8000-000000000000' }),
      ];
      for (const refused of refusals) expect(!refused.ok && refused.error.code).toBe('kiosk_mode');

      // The next patient finds nothing of this one.
      await station.value('kiosk.endSession', {});
      const after = await station.call('encounters.prescriptions', { id: session.id });
      expect(!after.ok && after.error.code).toBe('kiosk_mode');

      // Out of kiosk mode, the pharmacist opens any act's.
      await station.value('kiosk.leave', { pin: PIN });
      expect(await station.value('encounters.prescriptions', { id: earlier.id })).toEqual([theirs]);
    } finally {
      await station.close();
    }
  });
});
