// The billing codes of an act through the station's contract (issue 21, point 7): a real station
// suggests, from the table it ships, the assisting nurse's codes and, once the expert is known,
// hers; a station whose table cannot be read says so with its own code and keeps running.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function actOn(station: ReturnType<typeof openStation>) {
  const created = await station.value('patients.create', { identity: validatedIdentity() });
  if (created.status !== 'created') throw new Error('patient not created');
  return station.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD Les Tilleuls',
    reason: 'Plaie du talon',
  });
}

describe('an act’s billing codes', () => {
  it('suggests the nurse’s codes for the act’s day, and no expert code before the expert is known', async () => {
    const station = openStation(tempDir(), () => new Date('2026-11-23T09:40:00.000Z'));
    opened.push(station);
    const act = await actOn(station);
    const billing = await station.value('encounters.billing', { id: act.id });
    expect(billing.day).toBe('2026-11-23');
    expect(billing.requesting.kind === 'codes' && billing.requesting.codes.map((c) => c.code)).toEqual([
      'TLS',
      'TLL',
      'TLD',
    ]);
    expect(billing.expert).toEqual({ kind: 'none', reason: 'expert_unknown' });
  });

  it('an unreadable table is refused with billing_unavailable, and the station goes on', async () => {
    const resources = tempDir();
    fs.mkdirSync(path.join(resources, 'billing'));
    fs.writeFileSync(path.join(resources, 'billing', 'teleconsultation-codes.json'), '{"codes": [{"code": "TCG"}]}');
    const station = openStation(tempDir(), undefined, { resourcesDir: resources });
    opened.push(station);
    const act = await actOn(station);
    const answer = await station.call('encounters.billing', { id: act.id });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('billing_unavailable');
    expect((await station.value('encounters.get', { id: act.id })).encounter.id).toBe(act.id);
  });

  it('an unknown act is not found', async () => {
    const station = openStation(tempDir());
    opened.push(station);
    const answer = await station.call('encounters.billing', { id: '00000000-0000-4000-8000-000000000009' });
    expect(!answer.ok && answer.error.code).toBe('not_found');
  });
});
