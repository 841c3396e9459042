// A cart station with one started act of a patient with a validated identity, bound to a call the
// hub announced with a given remote peer (the act's expert, by default Dr Le Goff): what the tests
// of her signed documents' routing rules start from (report, prescription). Call useCartWithCall()
// at the top of a test file.
import { afterEach } from 'vitest';
import { validatedIdentity } from './identities';
import { openStation } from './station';
import { stationDatabase } from './station-database';
import { useTempDir } from './temp-dir';

export const ACT_EXPERT = {
  name: 'Dr Le Goff',
  rpps: '10003456789',
  specialty: 'dermatologie',
  hubId: 'expert-legoff',
};

export function useCartWithCall() {
  const tempDir = useTempDir();
  const opened: { close(): void | Promise<void> }[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });

  /** The cart, its data folder and its act; `trail(prefix)` is the audit trail's recent events of that kind. */
  return async function cartWithCall(remote = { id: ACT_EXPERT.hubId, role: 'expert' }) {
    const dir = tempDir();
    const station = openStation(dir, () => new Date('2026-11-23T09:40:00.000Z'));
    opened.push(station);
    const db = stationDatabase(dir);
    db.prepare(
      "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('call-1', 'outgoing', ?, 'Dr Le Goff', ?, 'CHU de Brest', '2026-11-23T09:45:00.000Z')",
    ).run(remote.id, remote.role);
    db.close();
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('patient not created');
    const act = await station.value('encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD Les Tilleuls',
      reason: 'Plaie du talon',
      callId: 'call-1',
    });
    await station.value('encounters.consent', {
      encounterId: act.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: '2026-11-23T09:41:00.000Z',
    });
    const started = await station.value('encounters.setStatus', {
      id: act.id,
      version: act.version,
      status: 'in_progress',
    });
    const trail = async (prefix: string) =>
      (await station.value('audit.recent', { limit: 50 })).filter((e) => e.event.startsWith(prefix));
    return { station, dir, act: started, patient: created.patient, trail };
  };
}
