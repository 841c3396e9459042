// Signing an act's report closes the act (issue 20, point 1): before, the act stayed "En cours" or
// "En attente du compte rendu" after its report was signed, and the nurse could not tell a finished
// act from one still waiting. The signed act is closed in the same transaction as its report, its
// new version goes to the outbox, and the act screen is told at once (encounters.changed). A
// correction of the signed report stays possible on the closed act; a second, new report does not.
import { afterEach, describe, expect, it } from 'vitest';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const nurse = { name: 'IDE Morvan', role: 'nurse' as const };
const expert = { name: 'Dr Le Goff', role: 'physician' as const, rpps: '10003456789' };

const encounterRows = (dir: string) => {
  const db = stationDatabase(dir, { readonly: true });
  const rows = db
    .prepare("SELECT entity_version AS version, operation FROM outbox WHERE entity = 'encounter' ORDER BY seq")
    .all();
  db.close();
  return rows;
};

/** A real station with one patient and one started act (consent given), and its clock. */
async function startedAct() {
  const dir = tempDir();
  let clock = new Date('2026-11-23T09:40:00.000Z');
  const station = openStation(dir, () => clock);
  opened.push(station);
  const created = await station.value('patients.create', { identity: validatedIdentity() });
  if (created.status !== 'created') throw new Error('patient not created');
  const act = await station.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: nurse,
    site: 'EHPAD Les Tilleuls',
    reason: 'Plaie du talon',
  });
  await station.value('encounters.consent', {
    encounterId: act.id,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: nurse.name,
    collectedAt: clock.toISOString(),
  });
  await station.value('encounters.setStatus', { id: act.id, version: 1, status: 'in_progress' });
  const changed: string[] = [];
  station.events.on('encounters.changed', ({ id }) => changed.push(id));
  const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  return { dir, station, actId: act.id, changed, tick };
}

describe('the act after its report is signed', () => {
  it('closes an act awaiting its report when the report is signed, and tells the act screen', async () => {
    const { dir, station, actId, changed, tick } = await startedAct();
    tick(10);
    await station.value('encounters.setStatus', { id: actId, version: 2, status: 'awaiting_report' });
    tick(5);
    await station.value('encounters.report', { encounterId: actId, text: 'Plaie propre, stade 2.', author: expert });

    const { encounter } = await station.value('encounters.get', { id: actId });
    expect(encounter).toMatchObject({ status: 'closed', version: 4, endedAt: '2026-11-23T09:50:00.000Z' });
    expect(changed.filter((id) => id === actId).length).toBeGreaterThanOrEqual(2);
    // The closed act's new version goes to the region like every other change of the act.
    expect(encounterRows(dir).at(-1)).toEqual({ version: 4, operation: 'update' });
  });

  it('closes an act signed while still in progress, its end being the signature', async () => {
    const { station, actId, tick } = await startedAct();
    tick(20);
    const report = await station.value('encounters.report', {
      encounterId: actId,
      text: 'Avis donné en direct.',
      author: expert,
    });
    const { encounter } = await station.value('encounters.get', { id: actId });
    expect(encounter).toMatchObject({ status: 'closed', version: 3, endedAt: report.signedAt });
  });

  it('keeps a correction of the signed report possible on the closed act, and refuses a second report', async () => {
    const { station, actId } = await startedAct();
    const report = await station.value('encounters.report', { encounterId: actId, text: 'J7.', author: expert });
    const correction = await station.value('encounters.report', {
      encounterId: actId,
      text: 'J10.',
      author: expert,
      replaces: report.id,
    });
    expect(correction).toMatchObject({ replaces: report.id });
    expect(
      await station.call('encounters.report', { encounterId: actId, text: 'Encore un', author: expert }),
    ).toMatchObject({ ok: false, error: { fields: [{ path: 'encounterId', code: 'encounter.closed' }] } });
    // The correction changes the report, not the act: still closed, at the version its signature gave it.
    const record = await station.value('encounters.get', { id: actId });
    expect(record.encounter).toMatchObject({ status: 'closed', version: 3 });
    expect(record.reports.map((r) => r.replaces)).toEqual([null, report.id]);
  });
});
