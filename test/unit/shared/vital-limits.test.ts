// Measurement plausibility in two levels, each limit tested against the source the table in
// src/shared/acts/vital-limits.ts names: a value outside what a living person (or the measuring
// device) can give is refused; one possible but rarely seen asks the person to confirm it.
import { describe, expect, it } from 'vitest';
import { ObservationInputSchema, VitalSchema } from '../../../src/shared/acts/encounter';
import { checkVital, formatMeasure, parseDecimal, VITAL_LIMITS } from '../../../src/shared/acts/vital-limits';
import { toFieldErrors } from '../../../src/shared/validation';

const temperature = (value: number) => ({ code: 'body_temperature', value, unit: 'Cel' }) as const;
const spo2 = (value: number) => ({ code: 'spo2', value, unit: '%' }) as const;
const pressure = (systolic: number, diastolic: number) =>
  ({ code: 'blood_pressure', systolic, diastolic, unit: 'mm[Hg]' }) as const;
const levels = (vital: Parameters<typeof checkVital>[0]) => checkVital(vital).map((f) => [f.field, f.level]);

describe(
  'body temperature: survived extremes (Gilbert et al., Lancet 2000;355:375-6: 13.7 °C; Slovis et al., Ann Emerg Med 1982;11:269-71: 46.5 °C), ' +
    'hypothermia below 35 °C (ERC Guidelines 2021, special circumstances), hyperpyrexia above 41.5 °C (Harrison’s, 21st ed., "Fever")',
  () => {
    it('takes 37.2 °C, asks for 45 °C and for 34 °C, refuses 98.6 (Fahrenheit typed) and 5 °C', () => {
      expect(levels(temperature(37.2))).toEqual([]);
      expect(levels(temperature(45))).toEqual([['value', 'unusual']]);
      expect(levels(temperature(34.9))).toEqual([['value', 'unusual']]);
      expect(levels(temperature(46.5))).toEqual([['value', 'unusual']]); // the record itself is possible
      expect(levels(temperature(98.6))).toEqual([['value', 'impossible']]);
      expect(levels(temperature(5))).toEqual([['value', 'impossible']]);
      expect(VITAL_LIMITS.body_temperature.source).toMatch(/Gilbert.*Slovis.*ERC.*Harrison/s);
    });
  },
);

describe('SpO2: a percentage; accuracy declared over 70–100 % only (ISO 80601-2-61:2017, 201.12.1.101)', () => {
  it('asks below 70 %, refuses above 100 %', () => {
    expect(levels(spo2(97))).toEqual([]);
    expect(levels(spo2(70))).toEqual([]);
    expect(levels(spo2(69))).toEqual([['value', 'unusual']]);
    expect(levels(spo2(101))).toEqual([['value', 'impossible']]);
    expect(levels(spo2(-1))).toEqual([['value', 'impossible']]);
    expect(VITAL_LIMITS.spo2.source).toContain('ISO 80601-2-61');
  });
});

describe(
  'blood pressure: a cuff stops at 300 mmHg (IEC 80601-2-30:2018, adult mode); systolic over 250 mmHg asked (issue 18, point 17); ' +
    'diastolic under systolic by definition',
  () => {
    it('asks over 250 systolic, refuses over 300 and a diastolic not under the systolic', () => {
      expect(levels(pressure(142, 88))).toEqual([]);
      expect(levels(pressure(260, 120))).toEqual([['systolic', 'unusual']]);
      expect(levels(pressure(310, 120))).toEqual([['systolic', 'impossible']]);
      expect(levels(pressure(60, 40))).toEqual([['systolic', 'unusual']]); // hypotension at any age (AHA PALS 2020: < 70 + 2 × age)
      expect(VITAL_LIMITS.systolic.source).toContain('IEC 80601-2-30');
    });
  },
);

describe(
  'heart rate: 600/min the fastest reported (Chhabra et al., Indian Pacing Electrophysiol J 2012;12:32-5); ' +
    'NEWS2 (Royal College of Physicians, 2017) scores ≤ 40/min 3; above 220/min no sinus rhythm (Fox et al., 1971)',
  () => {
    it('asks at 40 and at 230, refuses 0 and 700', () => {
      expect(levels({ code: 'heart_rate', value: 72, unit: '/min' })).toEqual([]);
      expect(levels({ code: 'heart_rate', value: 40, unit: '/min' })).toEqual([['value', 'unusual']]);
      expect(levels({ code: 'heart_rate', value: 230, unit: '/min' })).toEqual([['value', 'unusual']]);
      expect(levels({ code: 'heart_rate', value: 0, unit: '/min' })).toEqual([['value', 'impossible']]);
      expect(levels({ code: 'heart_rate', value: 700, unit: '/min' })).toEqual([['value', 'impossible']]);
    });
  },
);

describe('the contract: impossible refused by main, unusual only with the confirmation in the payload', () => {
  const input = (vital: unknown, unusualConfirmed?: boolean) => ({
    encounterId: '00000000-0000-4000-8000-000000000002',
    vital,
    takenAt: '2026-11-23T10:00:00.000Z',
    method: 'manual',
    takenBy: 'IDE Morvan',
    ...(unusualConfirmed === undefined ? {} : { unusualConfirmed }),
  });
  const fields = (data: unknown) => {
    const parsed = ObservationInputSchema.safeParse(data);
    return parsed.success ? [] : toFieldErrors(parsed.error);
  };
  it('names the field, the code and the limits', () => {
    expect(fields(input(temperature(98.6), true))).toEqual([
      { path: 'vital.value', code: 'vital.impossible', params: { min: 13, max: 47 } },
    ]);
    expect(fields(input(temperature(45)))).toEqual([
      { path: 'vital.value', code: 'vital.unusual', params: { min: 35, max: 41.5 } },
    ]);
    expect(ObservationInputSchema.parse(input(temperature(45), true)).unusualConfirmed).toBe(true);
    expect(ObservationInputSchema.parse(input(temperature(37.2))).unusualConfirmed).toBe(false);
    expect(fields(input(pressure(120, 130)))).toContainEqual(
      expect.objectContaining({ path: 'vital.diastolic', code: 'vital.diastolic_above_systolic' }),
    );
    // A confirmation is of a value that needs one: never recorded on a usual value.
    expect(fields(input(temperature(37.2), true))).toEqual([
      { path: 'unusualConfirmed', code: 'vital.nothing_to_confirm' },
    ]);
    expect(VitalSchema.safeParse(spo2(Number.NaN)).success).toBe(false);
  });
});

describe('decimal comma (French) and the value shown in the screen’s language through Intl', () => {
  it('reads 37,2 and 37.2 alike, refuses what is not a number', () => {
    expect(parseDecimal('37,2')).toBe(37.2);
    expect(parseDecimal(' 37.2 ')).toBe(37.2);
    expect(parseDecimal('120')).toBe(120);
    expect(parseDecimal('')).toBeNull();
    expect(parseDecimal('37,2,1')).toBeNull();
    expect(parseDecimal('abc')).toBeNull();
    expect(parseDecimal('3e2')).toBeNull();
  });
  it('shows 37,2 °C in French and 37.2 °C in English', () => {
    expect(formatMeasure(37.2, 'fr')).toBe('37,2');
    expect(formatMeasure(37.2, 'en')).toBe('37.2');
    expect(formatMeasure(1500.5, 'fr')).toBe('1500,5');
    expect(formatMeasure(97, 'fr')).toBe('97');
  });
});
