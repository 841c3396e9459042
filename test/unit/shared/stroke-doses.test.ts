// Thrombolysis doses for acute ischaemic stroke against the product labels, section 4.2
// (Posology): the SmPC (RCP) of Actilyse (alteplase) and of Metalyse 25 mg (tenecteplase,
// 5 000 U), and the confirmations a weight or an age outside the usual asks for.
import { describe, expect, it } from 'vitest';
import {
  ageInYears,
  alteplaseDose,
  tenecteplaseDose,
  TENECTEPLASE_BANDS,
  weightNeedsConfirmation,
} from '../../../src/shared/stroke/thrombolysis-dose';

describe('Actilyse (alteplase) SmPC, 4.2 Posology, acute ischaemic stroke: 0.9 mg/kg, at most 90 mg, 10 % as a bolus, the rest over 60 min', () => {
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
    expect(dose).toMatchObject({
      totalMg: total,
      bolusMg: bolus,
      infusionMg: infusion,
      infusionMinutes: 60,
      totalMl: total,
      infusionRateMlPerHour: infusion,
    });
    expect(dose.capped).toBe(weightKg > 100);
  });

  it('rounds to a tenth of a milligram and refuses a weight that is surely a typing error', () => {
    expect(alteplaseDose({ weightKg: 68, weightSource: 'estimated' })).toMatchObject({
      totalMg: 61.2,
      bolusMg: 6.1,
      infusionMg: 55.1,
    });
    expect(() => alteplaseDose({ weightKg: 6800, weightSource: 'measured' })).toThrow(/weight.out_of_range/);
    expect(() => alteplaseDose({ weightKg: Number.NaN, weightSource: 'measured' })).toThrow(/weight.out_of_range/);
  });
});

describe('Metalyse 25 mg (tenecteplase) SmPC, 4.2 Posology, acute ischaemic stroke: 0.25 mg/kg, at most 25 mg, by the table of weight bands', () => {
  it('has the label’s five bands, 5 mg/mL once reconstituted', () => {
    expect(TENECTEPLASE_BANDS).toEqual([
      { fromKg: 0, belowKg: 60, mg: 15, ml: 3 },
      { fromKg: 60, belowKg: 70, mg: 17.5, ml: 3.5 },
      { fromKg: 70, belowKg: 80, mg: 20, ml: 4 },
      { fromKg: 80, belowKg: 90, mg: 22.5, ml: 4.5 },
      { fromKg: 90, belowKg: null, mg: 25, ml: 5 },
    ]);
  });

  it.each([
    [55, 15, 3, 13.75, 0],
    [60, 17.5, 3.5, 15, 1],
    [65, 17.5, 3.5, 16.25, 1],
    [79.5, 20, 4, 19.88, 2],
    [80, 22.5, 4.5, 20, 3],
    [95, 25, 5, 23.75, 4],
    [120, 25, 5, 25, 4],
  ])('%s kg: the band gives %s mg (%s mL); 0.25 mg/kg is exactly %s mg', (weightKg, mg, ml, exact, band) => {
    const dose = tenecteplaseDose({ weightKg, weightSource: 'measured' });
    expect(dose).toMatchObject({ bandMg: mg, bandMl: ml, exactMg: exact, band: TENECTEPLASE_BANDS[band] });
    // The band gives the dose of the band's heaviest weight: never less than the exact dose.
    expect(dose.bandMg).toBeGreaterThanOrEqual(dose.exactMg);
    expect(dose.capped).toBe(weightKg > 100);
  });
});

describe('what asks for confirmation before a dose is shown as usable', () => {
  it('a weight outside 30-200 kg (more likely a typing error, or outside the usual patient)', () => {
    expect([29.9, 30, 75, 200, 200.1].map(weightNeedsConfirmation)).toEqual([true, false, false, false, true]);
  });

  it('a patient under 18 (Metalyse SmPC 4.2: safety and efficacy below 18 years not established)', () => {
    const at = new Date('2026-06-29T12:00:00Z');
    expect(ageInYears('2008-06-30', at)).toBe(17);
    expect(ageInYears('2008-06-29', at)).toBe(18);
    expect(ageInYears('1951-06-30', at)).toBe(74);
  });
});
