// NIHSS totals and thrombolysis doses against worked examples: the scale's item ranges and
// coma rules, the alteplase dosing table of the label (0.9 mg/kg, 10 % bolus, at most 90 mg) and
// tenecteplase by weight band (0.25 mg/kg, at most 25 mg).
import { describe, expect, it } from 'vitest';
import { COMA_SCORES, nihssSeverity, scoreNihss, type NihssScores } from '../../../src/shared/stroke/nihss';
import { alteplaseDose, tenecteplaseDose } from '../../../src/shared/stroke/thrombolysis-dose';
import { formatMinutes, viewTimeline } from '../../../src/shared/stroke/timeline';

const normal: NihssScores = { '1a': 0, '1b': 0, '1c': 0, '2': 0, '3': 0, '4': 0, '5a': 0, '5b': 0, '6a': 0, '6b': 0, '7': 0, '8': 0, '9': 0, '10': 0, '11': 0 };

describe('NIHSS', () => {
  it('adds the items of a left hemisphere stroke: right hemiplegia, aphasia, gaze deviation', () => {
    const scores: NihssScores = { ...normal, '1b': 1, '2': 1, '3': 2, '4': 2, '5b': 4, '6b': 3, '8': 1, '9': 2, '10': 1 };
    expect(scoreNihss(scores)).toEqual({ total: 17, untestable: [], problems: [] });
    expect(nihssSeverity(17)).toBe('moderate_to_severe');
  });

  it('gives 0 to a normal examination and 42 to the worst', () => {
    expect(scoreNihss(normal).total).toBe(0);
    const worst: NihssScores = { '1a': 3, '1b': 2, '1c': 2, '2': 2, '3': 3, '4': 3, '5a': 4, '5b': 4, '6a': 4, '6b': 4, '7': 0, '8': 2, '9': 3, '10': 2, '11': 2 };
    // Ataxia cannot be scored in coma (0): the highest possible total is 40 with it, 42 in theory.
    expect(scoreNihss(worst).total).toBe(40);
  });

  it('leaves untestable items out of the total, only where the scale allows UN', () => {
    expect(scoreNihss({ ...normal, '5a': 'UN', '10': 'UN', '9': 1 })).toEqual({ total: 1, untestable: ['5a', '10'], problems: [] });
    expect(scoreNihss({ ...normal, '9': 'UN' }).problems).toEqual([{ item: '9', problem: 'untestable_not_allowed' }]);
  });

  it('refuses a score out of range or missing, and gives no total until all are right', () => {
    const { '11': _missing, ...incomplete } = normal;
    expect(scoreNihss({ ...incomplete, '4': 4 })).toEqual({ total: null, untestable: [], problems: [{ item: '4', problem: 'out_of_range' }, { item: '11', problem: 'missing' }] });
    expect(scoreNihss({ ...normal, '2': 1.5 }).problems).toEqual([{ item: '2', problem: 'out_of_range' }]);
  });

  it('holds a patient in coma to the scores the scale fixes', () => {
    const coma: NihssScores = { ...normal, ...COMA_SCORES, '1a': 3, '2': 2, '3': 2, '4': 3, '5a': 4, '5b': 4, '6a': 4, '6b': 4 };
    expect(scoreNihss(coma).total).toBe(3 + 2 + 2 + 2 + 2 + 3 + 16 + 0 + 2 + 3 + 2 + 2);
    expect(scoreNihss({ ...coma, '9': 1 }).problems).toEqual([{ item: '9', problem: 'coma_rule' }]);
  });
});

describe('alteplase (0.9 mg/kg, 10 % bolus, at most 90 mg)', () => {
  // The label's dosing table for acute ischaemic stroke.
  it.each([
    [40, 36, 3.6, 32.4],
    [50, 45, 4.5, 40.5],
    [60, 54, 5.4, 48.6],
    [70, 63, 6.3, 56.7],
    [80, 72, 7.2, 64.8],
    [90, 81, 8.1, 72.9],
    [100, 90, 9, 81],
    [130, 90, 9, 81],
  ])('%s kg: %s mg, bolus %s mg, then %s mg over 60 minutes', (weightKg, total, bolus, infusion) => {
    const dose = alteplaseDose({ weightKg, weightSource: 'measured' });
    expect(dose).toMatchObject({ totalMg: total, bolusMg: bolus, infusionMg: infusion, infusionMinutes: 60, totalMl: total, infusionRateMlPerHour: infusion });
    expect(dose.capped).toBe(weightKg > 100);
  });

  it('rounds to a tenth of a milligram and refuses a weight that is surely a typing error', () => {
    expect(alteplaseDose({ weightKg: 68, weightSource: 'estimated' })).toMatchObject({ totalMg: 61.2, bolusMg: 6.1, infusionMg: 55.1 });
    expect(() => alteplaseDose({ weightKg: 6800, weightSource: 'measured' })).toThrow(/weight.out_of_range/);
    expect(() => alteplaseDose({ weightKg: Number.NaN, weightSource: 'measured' })).toThrow(/weight.out_of_range/);
  });
});

describe('tenecteplase (0.25 mg/kg, at most 25 mg, by weight band)', () => {
  it.each([
    [55, 15, 3, 13.8],
    [65, 17.5, 3.5, 16.3],
    [79, 20, 4, 19.8],
    [80, 22.5, 4.5, 20],
    [95, 25, 5, 23.8],
    [120, 25, 5, 25],
  ])('%s kg: %s mg (%s mL at 5 mg/mL); 0.25 mg/kg would be %s mg', (weightKg, mg, ml, exact) => {
    expect(tenecteplaseDose({ weightKg, weightSource: 'measured' })).toMatchObject({ bolusMg: mg, bolusMl: ml, exactMg: exact });
  });
});

describe('stroke timeline', () => {
  const t = (hhmm: string) => ({ at: `2026-11-23T${hhmm}:00.000Z`, by: 'IDE Morvan' });

  it('measures the delays from the onset, door to imaging, to needle and to groin', () => {
    const view = viewTimeline({ onset: t('08:10'), arrival: t('09:05'), imaging: t('09:22'), decision: t('09:40'), needle: t('09:48'), groin: t('10:35') }, new Date('2026-11-23T10:40:00.000Z'));
    expect(view).toEqual({
      reference: { milestone: 'onset', at: '2026-11-23T08:10:00.000Z' },
      delaysMinutes: { referenceToArrival: 55, doorToImaging: 17, doorToNeedle: 43, doorToGroin: 90, referenceToNeedle: 98 },
      sinceReferenceMinutes: 150,
      outOfOrder: [],
    });
    expect(formatMinutes(98)).toBe('1 h 38');
    expect(formatMinutes(43)).toBe('43 min');
  });

  it('counts from the time last known well when the onset is not known (a wake-up stroke)', () => {
    const view = viewTimeline({ last_known_well: t('23:30'), arrival: t('23:59') }, new Date('2026-11-24T00:30:00.000Z'));
    expect(view.reference).toEqual({ milestone: 'last_known_well', at: '2026-11-23T23:30:00.000Z' });
    expect(view.sinceReferenceMinutes).toBe(60);
    expect(view.delaysMinutes.doorToNeedle).toBeNull();
  });

  it('flags times out of order for a person to check', () => {
    const view = viewTimeline({ onset: t('09:00'), arrival: t('09:30'), imaging: t('09:20'), needle: t('09:50'), groin: t('09:10') }, new Date('2026-11-23T10:00:00.000Z'));
    expect(view.outOfOrder).toEqual([['arrival', 'imaging'], ['arrival', 'groin']]);
  });
});
