// The clinical record of an act through the contract: created for a patient of the station,
// started only with the patient's consent, forward-only statuses with the version read, vital
// signs checked for plausibility, nothing added to a closed act, every change in the outbox.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const outbox = (dir: string) => {
  const db = stationDatabase(dir, { readonly: true });
  // The audit trail's rows ride the same outbox; they are checked in test/integration/audit-trail.test.ts.
  const rows = db
    .prepare("SELECT entity, entity_version AS version, operation FROM outbox WHERE entity != 'audit' ORDER BY seq")
    .all();
  db.close();
  return rows;
};

async function stationWithPatient() {
  const dir = tempDir();
  let clock = new Date('2026-11-23T09:40:00.000Z');
  const station = openStation(dir, () => clock);
  opened.push(station);
  const created = await station.value('patients.create', { identity: validatedIdentity() });
  if (created.status !== 'created') throw new Error('patient not created');
  const tick = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));
  return { dir, station, patientId: created.patient.id, tick, at: () => clock.toISOString() };
}

const nurse = { name: 'IDE Morvan', role: 'nurse' as const };

describe('encounters', () => {
  it('refuses an impossible measurement and takes an unusual one only confirmed, recording the confirmation (limits and sources: src/shared/acts/vital-limits.ts)', async () => {
    const { station, patientId, at } = await stationWithPatient();
    const act = await station.value('encounters.create', {
      patientId,
      act: 'teleconsultation',
      assisted: true,
      requester: nurse,
      site: 'EHPAD',
      reason: 'Fièvre',
    });
    const observe = (vital: Record<string, unknown>, unusualConfirmed?: boolean) =>
      station.call('encounters.observe', {
        encounterId: act.id,
        vital: vital as never,
        takenAt: at(),
        method: 'manual',
        takenBy: 'IDE Morvan',
        ...(unusualConfirmed === undefined ? {} : { unusualConfirmed }),
      });
    // 45 °C: possible (46.5 °C survived, Slovis 1982) but above hyperpyrexia (41.5 °C, Harrison's): asked.
    expect(await observe({ code: 'body_temperature', value: 45, unit: 'Cel' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'vital.value', code: 'vital.unusual', params: { min: 35, max: 41.5 } }] },
    });
    const confirmed = await observe({ code: 'body_temperature', value: 45, unit: 'Cel' }, true);
    expect(confirmed).toMatchObject({ ok: true, value: { unusualConfirmed: true } });
    // SpO2 under 70 % (ISO 80601-2-61: accuracy declared 70-100 %), systolic over 250 mmHg: asked too.
    expect(await observe({ code: 'spo2', value: 65, unit: '%' })).toMatchObject({
      ok: false,
      error: { fields: [{ code: 'vital.unusual' }] },
    });
    expect(await observe({ code: 'blood_pressure', systolic: 260, diastolic: 120, unit: 'mm[Hg]' })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'vital.systolic', code: 'vital.unusual' }] },
    });
    // Impossible: refused even confirmed.
    expect(await observe({ code: 'spo2', value: 101, unit: '%' }, true)).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'vital.value', code: 'vital.impossible' }] },
    });
    expect(await observe({ code: 'body_temperature', value: 37.2, unit: 'Cel' })).toMatchObject({
      ok: true,
      value: { unusualConfirmed: false },
    });
    const record = await station.value('encounters.get', { id: act.id });
    expect(record.observations.map((o) => [o.vital.code, o.unusualConfirmed])).toEqual([
      ['body_temperature', true],
      ['body_temperature', false],
    ]);
  });

  it('records an assisted téléconsultation from draft to closed, with consent and vital signs', async () => {
    const { dir, station, patientId, tick, at } = await stationWithPatient();
    const created = await station.value('encounters.create', {
      patientId,
      act: 'teleconsultation',
      assisted: true,
      requester: nurse,
      site: 'EHPAD Les Tilleuls',
      specialty: 'dermatologie',
      reason: 'Plaie du talon qui ne cicatrise pas',
      expert: { name: 'Dr Le Goff', role: 'physician', rpps: '10003456789', specialty: 'dermatologie' },
    });
    expect(created).toMatchObject({ version: 1, status: 'draft', startedAt: null, expert: { rpps: '10003456789' } });

    // No act without consent to it.
    const early = await station.call('encounters.setStatus', { id: created.id, version: 1, status: 'in_progress' });
    expect(early).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'status', code: 'encounter.consent_missing' }] },
    });
    await station.value('encounters.consent', {
      encounterId: created.id,
      scope: 'act',
      decision: 'given',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: at(),
    });
    await station.value('encounters.consent', {
      encounterId: created.id,
      scope: 'image_sharing',
      decision: 'refused',
      givenBy: { kind: 'patient' },
      collectedBy: 'IDE Morvan',
      collectedAt: at(),
    });
    tick(2);
    const started = await station.value('encounters.setStatus', { id: created.id, version: 1, status: 'in_progress' });
    expect(started).toMatchObject({
      version: 2,
      status: 'in_progress',
      startedAt: '2026-11-23T09:42:00.000Z',
      endedAt: null,
    });

    await station.value('encounters.observe', {
      encounterId: created.id,
      vital: { code: 'spo2', value: 95, unit: '%' },
      takenAt: at(),
      method: 'device',
      device: 'oximeter',
      takenBy: 'IDE Morvan',
    });
    await station.value('encounters.observe', {
      encounterId: created.id,
      vital: { code: 'blood_pressure', systolic: 142, diastolic: 88, unit: 'mm[Hg]' },
      takenAt: at(),
      method: 'manual',
      takenBy: 'IDE Morvan',
    });
    const implausible = await station.call('encounters.observe', {
      encounterId: created.id,
      vital: { code: 'body_temperature', value: 98.6, unit: 'Cel' },
      takenAt: at(),
      method: 'manual',
      takenBy: 'IDE Morvan',
    });
    expect(implausible).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        fields: [{ path: 'vital.value', code: 'vital.impossible', params: { min: 13, max: 47 } }],
      },
    });

    tick(15);
    const ended = await station.value('encounters.setStatus', {
      id: created.id,
      version: 2,
      status: 'awaiting_report',
    });
    expect(ended).toMatchObject({ version: 3, endedAt: '2026-11-23T09:57:00.000Z' });
    // The expert signs the report, which closes the act; a correction replaces it, once.
    const expert = { name: 'Dr Le Goff', role: 'physician' as const, rpps: '10003456789' };
    const report = await station.value('encounters.report', {
      encounterId: created.id,
      text: 'Plaie propre, stade 2. Réévaluation à J7.',
      author: expert,
    });
    expect(report).toMatchObject({
      signedAt: '2026-11-23T09:57:00.000Z',
      replaces: null,
      author: { rpps: '10003456789' },
    });
    const correction = await station.value('encounters.report', {
      encounterId: created.id,
      text: 'Plaie propre, stade 2. Réévaluation à J10.',
      author: expert,
      replaces: report.id,
    });
    expect(
      await station.call('encounters.report', {
        encounterId: created.id,
        text: 'Encore',
        author: expert,
        replaces: report.id,
      }),
    ).toMatchObject({ ok: false, error: { fields: [{ path: 'replaces', code: 'report.already_replaced' }] } });
    // Backwards, or from a stale version: refused, nothing changed.
    expect(
      await station.call('encounters.setStatus', { id: created.id, version: 4, status: 'in_progress' }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.status_backwards' }] } });
    expect(await station.call('encounters.setStatus', { id: created.id, version: 3, status: 'closed' })).toMatchObject({
      ok: false,
      error: { code: 'stale_version' },
    });
    expect(
      await station.call('encounters.observe', {
        encounterId: created.id,
        vital: { code: 'heart_rate', value: 80, unit: '/min' },
        takenAt: at(),
        method: 'manual',
        takenBy: 'IDE Morvan',
      }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.closed' }] } });

    const record = await station.value('encounters.get', { id: created.id });
    expect(record.encounter).toMatchObject({ status: 'closed', version: 4, endedAt: '2026-11-23T09:57:00.000Z' });
    expect(record.consents.map((c) => [c.scope, c.decision])).toEqual([
      ['act', 'given'],
      ['image_sharing', 'refused'],
    ]);
    expect(record.observations.map((o) => o.vital.code)).toEqual(['spo2', 'blood_pressure']);
    expect(record.reports.map((r) => [r.id, r.replaces])).toEqual([
      [report.id, null],
      [correction.id, report.id],
    ]);
    // Each signed report kept its PDF, listed with the act; printing gives those very bytes.
    expect(record.reportPdfs.map((p) => p.reportId)).toEqual([report.id, correction.id]);
    const printed = Buffer.from(
      (await station.value('encounters.reportPdf', { reportId: correction.id })).data,
      'base64',
    );
    expect([printed.length, createHash('sha256').update(printed).digest('hex')]).toEqual([
      record.reportPdfs[1]!.size,
      record.reportPdfs[1]!.sha256,
    ]);
    expect(
      await station.call('encounters.report', { encounterId: created.id, text: 'Trop tard', author: expert }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.closed' }] } });
    expect(await station.value('encounters.forPatient', { patientId, limit: 10 })).toHaveLength(1);

    expect(outbox(dir)).toEqual([
      { entity: 'patient', version: 1, operation: 'create' },
      { entity: 'encounter', version: 1, operation: 'create' },
      { entity: 'consent', version: 1, operation: 'create' },
      { entity: 'consent', version: 1, operation: 'create' },
      { entity: 'encounter', version: 2, operation: 'update' },
      { entity: 'observation', version: 1, operation: 'create' },
      { entity: 'observation', version: 1, operation: 'create' },
      { entity: 'encounter', version: 3, operation: 'update' },
      { entity: 'report', version: 1, operation: 'create' },
      { entity: 'encounter', version: 4, operation: 'update' }, // closed by the signature
      { entity: 'report', version: 1, operation: 'create' },
      { entity: 'report', version: 2, operation: 'update' }, // the first report, now superseded
    ]);
  });

  it('refuses an act for an unknown patient or call, and one whose patient refused it', async () => {
    const { station, patientId, at } = await stationWithPatient();
    const base = {
      patientId,
      act: 'teleexpertise' as const,
      assisted: false,
      requester: { name: 'Dr Guillou', role: 'physician' as const },
      site: 'Cabinet de Pleyben',
      reason: 'Avis sur un naevus',
    };
    expect(
      await station.call('encounters.create', { ...base, patientId: '00000000-0000-4000-8000-000000000009' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('patient') } });
    expect(await station.call('encounters.create', { ...base, callId: 'no-such-call' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('call') },
    });
    const encounter = await station.value('encounters.create', base);
    // No report on an act that has not started.
    expect(
      await station.call('encounters.report', {
        encounterId: encounter.id,
        text: 'Avis',
        author: { name: 'Dr Le Goff', role: 'physician' },
      }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.not_started' }] } });
    await station.value('encounters.consent', {
      encounterId: encounter.id,
      scope: 'act',
      decision: 'refused',
      givenBy: { kind: 'patient' },
      collectedBy: 'Dr Guillou',
      collectedAt: at(),
    });
    expect(
      await station.call('encounters.setStatus', { id: encounter.id, version: 1, status: 'in_progress' }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'encounter.consent_refused' }] } });
    // A draft that will not happen is closed (cancelled), never deleted.
    expect(
      await station.value('encounters.setStatus', { id: encounter.id, version: 1, status: 'closed' }),
    ).toMatchObject({ status: 'closed', startedAt: null });
  });
});
