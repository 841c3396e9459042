import { describe, expect, it } from 'vitest';
import { canMoveTo, NewEncounterSchema, ObservationInputSchema, VitalSchema } from '../../../src/shared/acts/encounter';
import { toFieldErrors } from '../../../src/shared/validation';

const PATIENT = '00000000-0000-4000-8000-000000000001';
const ENCOUNTER = '00000000-0000-4000-8000-000000000002';

describe('encounters', () => {
  it('moves forward only: draft, in progress, awaiting the report, closed', () => {
    expect(canMoveTo('draft', 'in_progress')).toBe(true);
    expect(canMoveTo('in_progress', 'awaiting_report')).toBe(true);
    expect(canMoveTo('awaiting_report', 'closed')).toBe(true);
    expect(canMoveTo('draft', 'closed')).toBe(true); // cancelled before it started
    expect(canMoveTo('closed', 'in_progress')).toBe(false);
    expect(canMoveTo('awaiting_report', 'in_progress')).toBe(false);
    expect(canMoveTo('draft', 'awaiting_report')).toBe(false);
  });

  it('takes an assisted téléconsultation with the nurse as requester, and checks the RPPS', () => {
    const parsed = NewEncounterSchema.parse({
      patientId: PATIENT,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: '  IDE Morvan ', role: 'nurse' },
      site: 'EHPAD Les Tilleuls',
      reason: 'Plaie du talon',
    });
    expect(parsed).toMatchObject({
      requester: { name: 'IDE Morvan', rpps: null },
      expert: null,
      callId: null,
      specialty: null,
    });
    const bad = NewEncounterSchema.safeParse({
      ...parsed,
      requester: { name: 'Dr X', role: 'physician', rpps: '1234' },
    });
    expect(bad.success).toBe(false);
    expect(toFieldErrors(bad.error!)).toContainEqual(
      expect.objectContaining({ path: 'requester.rpps', code: 'rpps.invalid' }),
    );
    expect(NewEncounterSchema.safeParse({ ...parsed, act: 'telepresence' }).success).toBe(false);
    expect(NewEncounterSchema.safeParse({ ...parsed, reason: '   ' }).success).toBe(false);
  });

  it('accepts vital signs a person can have, in their UCUM units, and names the implausible field', () => {
    for (const vital of [
      { code: 'spo2', value: 97, unit: '%' },
      { code: 'heart_rate', value: 72, unit: '/min' },
      { code: 'body_temperature', value: 38.4, unit: 'Cel' },
      { code: 'body_weight', value: 3.2, unit: 'kg' },
      { code: 'blood_pressure', systolic: 165, diastolic: 95, unit: 'mm[Hg]' },
    ])
      expect(VitalSchema.safeParse(vital).success).toBe(true);

    const errors = (v: unknown) => {
      const r = VitalSchema.safeParse(v);
      return r.success ? [] : toFieldErrors(r.error);
    };
    expect(errors({ code: 'spo2', value: 130, unit: '%' })).toContainEqual(
      expect.objectContaining({ path: 'value', code: 'vital.impossible' }),
    );
    expect(errors({ code: 'body_temperature', value: 98.6, unit: 'Cel' })).toContainEqual(
      expect.objectContaining({ code: 'vital.impossible' }),
    ); // Fahrenheit typed
    expect(errors({ code: 'blood_pressure', systolic: 80, diastolic: 120, unit: 'mm[Hg]' })).toContainEqual(
      expect.objectContaining({ path: 'diastolic', code: 'vital.diastolic_above_systolic' }),
    );
    expect(errors({ code: 'spo2', value: 97, unit: 'ratio' }).length).toBeGreaterThan(0);
  });

  it('records how a measurement was taken', () => {
    const parsed = ObservationInputSchema.parse({
      encounterId: ENCOUNTER,
      vital: { code: 'spo2', value: 96, unit: '%' },
      takenAt: '2026-11-23T10:00:00.000Z',
      method: 'device',
      device: 'oximeter',
      takenBy: 'IDE Morvan',
    });
    expect(parsed.device).toBe('oximeter');
    expect(ObservationInputSchema.safeParse({ ...parsed, takenAt: 'hier' }).success).toBe(false);
  });
});
