// The acts a home screen lists (issue 20, point 3): those not closed, the last changed first, each
// with its patient; a draft cancelled (closed) leaves the list; reading the list is audited.
import { afterEach, describe, expect, it } from 'vitest';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('encounters.open', () => {
  it('lists the acts not closed, the last changed first, with their patient', async () => {
    const dir = tempDir();
    let clock = new Date('2026-11-23T09:40:00.000Z');
    const station = openStation(dir, () => clock);
    opened.push(station);
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('patient not created');
    const patientId = created.patient.id;
    const newAct = async (reason: string) => {
      clock = new Date(clock.getTime() + 60_000);
      return station.value('encounters.create', {
        patientId,
        act: 'teleconsultation',
        assisted: true,
        requester: { name: 'IDE Morvan', role: 'nurse' },
        site: 'EHPAD',
        reason,
      });
    };
    const first = await newAct('Fièvre');
    const second = await newAct('Plaie');
    const cancelled = await newAct('Erreur de saisie');
    clock = new Date(clock.getTime() + 60_000);
    await station.value('encounters.setStatus', { id: cancelled.id, version: 1, status: 'closed' });

    const open = await station.value('encounters.open', { limit: 10 });
    expect(open.map((o) => o.act.reason)).toEqual([second.reason, first.reason]);
    expect(open[0]!.patient).toMatchObject({ id: patientId, birthName: created.patient.birthName });
    expect(await station.value('encounters.open', { limit: 1 })).toHaveLength(1);

    const db = stationDatabase(dir, { readonly: true });
    const audited = db.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE event = 'encounters.open'");
    expect((audited.get() as { n: number }).n).toBeGreaterThan(0);
    db.close();
  });
});
