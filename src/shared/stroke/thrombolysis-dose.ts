// Thrombolysis doses for acute ischaemic stroke, as the product labels state them: alteplase
// 0.9 mg/kg (at most 90 mg), 10 % as an IV bolus over one minute and the rest infused over 60
// minutes; tenecteplase 0.25 mg/kg (at most 25 mg) as a single bolus, drawn by the label's weight
// band. Volumes follow the labels'
// reconstituted concentrations (alteplase 1 mg/mL, tenecteplase 5 mg/mL). This is help to the
// physician, who prescribes: the screen shows it as such, with the weight it was computed from.

export const ALTEPLASE = { mgPerKg: 0.9, maxMg: 90, bolusFraction: 0.1, infusionMinutes: 60, mgPerMl: 1 } as const;
export const TENECTEPLASE = { mgPerKg: 0.25, maxMg: 25, mgPerMl: 5 } as const;

/** Weights outside this range are refused: a typing error (grams, pounds) more likely than a patient. */
export const WEIGHT_RANGE_KG = { min: 20, max: 300 } as const;

export type DoseInput = { weightKg: number; weightSource: 'measured' | 'estimated' };

const round1 = (x: number) => Math.round(x * 10) / 10;

function checkWeight(weightKg: number): void {
  if (!Number.isFinite(weightKg) || weightKg < WEIGHT_RANGE_KG.min || weightKg > WEIGHT_RANGE_KG.max) {
    throw new RangeError(`weight.out_of_range: ${weightKg} kg is outside ${WEIGHT_RANGE_KG.min}-${WEIGHT_RANGE_KG.max} kg`);
  }
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

/**
 * The label gives tenecteplase for stroke by weight band (Metalyse 25 mg, section 4.2: half the
 * myocardial infarction bands), in 0.5 mL steps of the 5 mg/mL solution. Checked against the
 * label of the product in use by the hospital pharmacy before use in care.
 */
export const TENECTEPLASE_BANDS: readonly { belowKg: number; mg: number }[] = [
  { belowKg: 60, mg: 15 },
  { belowKg: 70, mg: 17.5 },
  { belowKg: 80, mg: 20 },
  { belowKg: 90, mg: 22.5 },
  { belowKg: Infinity, mg: 25 },
];

export interface TenecteplaseDose {
  /** The label's dose for the weight band: what is drawn. */
  bolusMg: number;
  bolusMl: number;
  /** 0.25 mg/kg at most 25 mg, for reference beside the band. */
  exactMg: number;
  capped: boolean;
}

export function tenecteplaseDose({ weightKg }: DoseInput): TenecteplaseDose {
  checkWeight(weightKg);
  const uncapped = weightKg * TENECTEPLASE.mgPerKg;
  const band = TENECTEPLASE_BANDS.find((b) => weightKg < b.belowKg)!;
  return { bolusMg: band.mg, bolusMl: round1(band.mg / TENECTEPLASE.mgPerMl), exactMg: round1(Math.min(uncapped, TENECTEPLASE.maxMg)), capped: uncapped > TENECTEPLASE.maxMg };
}
