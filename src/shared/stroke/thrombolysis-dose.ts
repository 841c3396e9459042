// Thrombolysis doses for acute ischaemic stroke, as the product labels state them in section 4.2
// (Posology) of their SmPC (RCP): Actilyse (alteplase) 0.9 mg/kg, at most 90 mg, 10 % as an IV
// bolus over one minute and the rest infused over 60 minutes, at 1 mg/mL; Metalyse 25 mg
// (tenecteplase) 0.25 mg/kg, at most 25 mg, as a single bolus drawn by the label's table of
// weight bands, at 5 mg/mL. This is help to the physician, who prescribes: the screen shows it as
// such, with the weight it was computed from, and checks with the label of the product in use.

export const ALTEPLASE = { mgPerKg: 0.9, maxMg: 90, bolusFraction: 0.1, infusionMinutes: 60, mgPerMl: 1 } as const;
export const TENECTEPLASE = { mgPerKg: 0.25, maxMg: 25, mgPerMl: 5 } as const;

/** Weights outside this range are refused: a typing error (grams, pounds) more likely than a patient. */
export const WEIGHT_RANGE_KG = { min: 20, max: 300 } as const;
/** Weights outside this range are kept only once a person confirms them (issue 18, point 9). */
export const USUAL_WEIGHT_KG = { min: 30, max: 200 } as const;
/** Under this age, the thrombolysis decision asks for a confirmation (Metalyse SmPC 4.2: not established below 18). */
export const ADULT_AGE_YEARS = 18;

export type DoseInput = { weightKg: number; weightSource: 'measured' | 'estimated' };

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

function checkWeight(weightKg: number): void {
  if (!Number.isFinite(weightKg) || weightKg < WEIGHT_RANGE_KG.min || weightKg > WEIGHT_RANGE_KG.max) {
    throw new RangeError(
      `weight.out_of_range: ${weightKg} kg is outside ${WEIGHT_RANGE_KG.min}-${WEIGHT_RANGE_KG.max} kg`,
    );
  }
}

export const weightNeedsConfirmation = (kg: number): boolean => kg < USUAL_WEIGHT_KG.min || kg > USUAL_WEIGHT_KG.max;

/** Whole years from a birth date (YYYY-MM-DD) to `at`, by the calendar. */
export function ageInYears(birthDate: string, at: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const years = at.getUTCFullYear() - year;
  const beforeBirthday = at.getUTCMonth() + 1 < month || (at.getUTCMonth() + 1 === month && at.getUTCDate() < day);
  return beforeBirthday ? years - 1 : years;
}

export interface AlteplaseDose {
  totalMg: number;
  bolusMg: number;
  infusionMg: number;
  infusionMinutes: number;
  /** mL/h of the infusion at 1 mg/mL. */
  infusionRateMlPerHour: number;
  totalMl: number;
  capped: boolean;
}

export function alteplaseDose({ weightKg }: DoseInput): AlteplaseDose {
  checkWeight(weightKg);
  const uncapped = weightKg * ALTEPLASE.mgPerKg;
  const totalMg = round1(Math.min(uncapped, ALTEPLASE.maxMg));
  const bolusMg = round1(totalMg * ALTEPLASE.bolusFraction);
  const infusionMg = round1(totalMg - bolusMg);
  return {
    totalMg,
    bolusMg,
    infusionMg,
    infusionMinutes: ALTEPLASE.infusionMinutes,
    infusionRateMlPerHour: round1((infusionMg / ALTEPLASE.mgPerMl) * (60 / ALTEPLASE.infusionMinutes)),
    totalMl: round1(totalMg / ALTEPLASE.mgPerMl),
    capped: uncapped > ALTEPLASE.maxMg,
  };
}

export interface TenecteplaseBand {
  fromKg: number;
  /** Null: no upper bound (the last band). */
  belowKg: number | null;
  mg: number;
  ml: number;
}

/**
 * The Metalyse 25 mg label's table for stroke (SmPC 4.2): < 60 kg 15 mg (3.0 mL), 60 to < 70 kg
 * 17.5 mg (3.5 mL), 70 to < 80 kg 20 mg (4.0 mL), 80 to < 90 kg 22.5 mg (4.5 mL), 90 kg and over
 * 25 mg (5.0 mL): each band gives 0.25 mg/kg of its heaviest weight.
 */
export const TENECTEPLASE_BANDS: readonly TenecteplaseBand[] = [
  { fromKg: 0, belowKg: 60, mg: 15, ml: 3 },
  { fromKg: 60, belowKg: 70, mg: 17.5, ml: 3.5 },
  { fromKg: 70, belowKg: 80, mg: 20, ml: 4 },
  { fromKg: 80, belowKg: 90, mg: 22.5, ml: 4.5 },
  { fromKg: 90, belowKg: null, mg: 25, ml: 5 },
];

export interface TenecteplaseDose {
  /** The band of the label's table the weight falls in. */
  band: TenecteplaseBand;
  /** The label's dose for that band: what the table says to draw. */
  bandMg: number;
  bandMl: number;
  /** 0.25 mg/kg, at most 25 mg, to the hundredth: shown beside the band's dose. */
  exactMg: number;
  capped: boolean;
}

export function tenecteplaseDose({ weightKg }: DoseInput): TenecteplaseDose {
  checkWeight(weightKg);
  const uncapped = weightKg * TENECTEPLASE.mgPerKg;
  const band = TENECTEPLASE_BANDS.find((b) => b.belowKg === null || weightKg < b.belowKg)!;
  return {
    band,
    bandMg: band.mg,
    bandMl: band.ml,
    exactMg: round2(Math.min(uncapped, TENECTEPLASE.maxMg)),
    capped: uncapped > TENECTEPLASE.maxMg,
  };
}
