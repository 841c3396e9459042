// The stroke sheet of an act through the contract: each change kept with who and when, in the
// append-only journal too; an unknown act or a closed one refuses changes; a change no person
// could mean is refused by the contract; a thrombolysis decision is refused over an unanswered or
// positive checklist (issue 18, point 8), for a minor or an unusual weight without confirmation.
import { afterEach, describe, expect, it } from 'vitest';
import { CONTRAINDICATIONS } from '../../src/shared/stroke/sheet';
import { provisionalIdentity, validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('stroke sheet', () => {
  it('keeps each change with its author, journals it, and refuses changes to a closed act', async () => {
    const dir = tempDir();
    let clock = new Date('2026-11-23T09:40:00.000Z');
    const station = openStation(dir, () => clock);
    opened.push(station);
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('patient');
    const act = await station.value('encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: false,
      requester: { name: 'Dr Urgences', role: 'physician' },
      site: 'CH Morlaix',
      reason: 'Suspicion d’AVC',
    });
    expect(await station.value('stroke.sheet', { encounterId: act.id })).toMatchObject({
      version: 0,
      timeline: {},
      decision: null,
    });

    await station.value('stroke.change', {
      encounterId: act.id,
      change: { kind: 'milestone', milestone: 'arrival', at: '2026-11-23T09:35:00.000Z' },
      by: 'Dr Urgences',
    });
    clock = new Date('2026-11-23T09:52:00.000Z');
    const sheet = await station.value('stroke.change', {
      encounterId: act.id,
      change: { kind: 'decision', decision: 'thrombectomy', note: 'occlusion M1' },
      by: 'Dr Kerleau',
    });
    expect(sheet).toMatchObject({
      version: 2,
      timeline: { arrival: { by: 'Dr Urgences' } },
      decision: { value: { decision: 'thrombectomy' }, by: 'Dr Kerleau', at: '2026-11-23T09:52:00.000Z' },
    });
    expect(await station.value('stroke.sheet', { encounterId: act.id })).toEqual(sheet);

    expect(
      await station.call('stroke.change', {
        encounterId: act.id,
        change: { kind: 'nihss', item: '1a', score: 9 } as never,
        by: 'Dr Kerleau',
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(
      await station.call('stroke.change', {
        encounterId: act.id,
        change: { kind: 'nihss', item: '1a', score: 1 },
        by: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(await station.call('stroke.sheet', { encounterId: '00000000-0000-4000-8000-000000000009' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    // Closed: the sheet stays as it was.
    await station.value('encounters.consent', {
      encounterId: act.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'Dr Urgences',
      collectedAt: clock.toISOString(),
    });
    let v = (await station.value('encounters.setStatus', { id: act.id, version: 1, status: 'in_progress' })).version;
    v = (await station.value('encounters.setStatus', { id: act.id, version: v, status: 'awaiting_report' })).version;
    await station.value('encounters.setStatus', { id: act.id, version: v, status: 'closed' });
    expect(
      await station.call('stroke.change', {
        encounterId: act.id,
        change: { kind: 'nihss', item: '1a', score: 1 },
        by: 'Dr Kerleau',
      }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.closed' }] } });

    station.close();
    opened.pop();
    const db = stationDatabase(dir, { readonly: true });
    const journal = db
      .prepare('SELECT version, by, at, change FROM stroke_changes WHERE encounter_id = ? ORDER BY version')
      .all(act.id) as { version: number; by: string; at: string; change: string }[];
    db.close();
    expect(journal.map((j) => [j.version, j.by, j.at, JSON.parse(j.change).kind])).toEqual([
      [1, 'Dr Urgences', '2026-11-23T09:40:00.000Z', 'milestone'],
      [2, 'Dr Kerleau', '2026-11-23T09:52:00.000Z', 'decision'],
    ]);
  });
});

async function strokeAct(station: ReturnType<typeof openStation>, birthDate: string) {
  const created = await station.value('patients.create', { identity: provisionalIdentity({ birthDate }) });
  if (created.status !== 'created') throw new Error('patient');
  return station.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: false,
    requester: { name: 'Dr Urgences', role: 'physician' },
    site: 'CH Morlaix',
    reason: 'Suspicion d’AVC',
  });
}

describe('thrombolysis decision (issue 18, point 8): help for the physician, never recorded over open questions', () => {
  it('refuses it over an unanswered checklist or a "Oui" without override, and keeps the override with who and when', async () => {
    const station = openStation(tempDir(), () => new Date('2026-11-23T09:40:00.000Z'));
    opened.push(station);
    const act = await strokeAct(station, '1951-06-30');
    const decide = (extra: object = {}) =>
      station.call('stroke.change', {
        encounterId: act.id,
        change: { kind: 'decision', decision: 'thrombolysis_tenecteplase', note: '', ...extra },
        by: 'Dr Kerleau',
      });
    expect(await decide()).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        fields: [{ path: 'change', code: 'stroke.checklist_unanswered', params: { count: 12 } }],
      },
    });

    for (const item of CONTRAINDICATIONS) {
      const answer = item === 'anticoagulant' ? 'yes' : 'no';
      await station.value('stroke.change', {
        encounterId: act.id,
        change: { kind: 'contraindication', item, answer },
        by: 'Dr Urgences',
      });
    }
    expect(await decide()).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'stroke.override_required', params: { count: 1 } }] },
    });
    expect((await station.value('stroke.sheet', { encounterId: act.id })).decision).toBeNull();

    const override = { items: ['anticoagulant'], reason: 'Dabigatran pris il y a 60 h, fonction rénale normale' };
    const decided = await decide({ override });
    expect(decided).toMatchObject({
      ok: true,
      value: {
        decision: {
          value: { decision: 'thrombolysis_tenecteplase', override },
          by: 'Dr Kerleau',
          at: '2026-11-23T09:40:00.000Z',
        },
      },
    });
  });

  it('asks a confirmation for a patient under 18 and for a weight outside 30-200 kg', async () => {
    const station = openStation(tempDir(), () => new Date('2026-11-23T09:40:00.000Z'));
    opened.push(station);
    const act = await strokeAct(station, '2009-01-15');
    for (const item of CONTRAINDICATIONS)
      await station.value('stroke.change', {
        encounterId: act.id,
        change: { kind: 'contraindication', item, answer: 'no' },
        by: 'Dr Urgences',
      });
    const change = (c: object) =>
      station.call('stroke.change', { encounterId: act.id, change: c as never, by: 'Dr Kerleau' });
    expect(await change({ kind: 'decision', decision: 'thrombolysis_alteplase' })).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'stroke.minor_unconfirmed' }] },
    });
    expect(await change({ kind: 'decision', decision: 'thrombolysis_alteplase', confirmMinor: true })).toMatchObject({
      ok: true,
      value: { decision: { value: { minorConfirmed: true } } },
    });
    expect(await change({ kind: 'weight', kg: 27, source: 'measured' })).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'stroke.weight_unusual', params: { min: 30, max: 200 } }] },
    });
    expect(await change({ kind: 'weight', kg: 27, source: 'measured', confirmUnusual: true })).toMatchObject({
      ok: true,
      value: { weight: { value: { kg: 27, confirmedUnusual: true } } },
    });
  });
});
