// Physiological limits of the vital signs, in two levels, each with its published source: a value
// outside `possible` cannot come from a living person or from the measuring device (a typing or
// unit error: refused); a value outside `usual` is possible but rarely seen (asked again: the
// person confirms it, and the confirmation is recorded). These are plausibility checks on what
// was typed or read, not clinical alarms: a usual value may still be a patient to worry about.
import type { Vital } from './encounter';

export interface Range {
  min: number;
  max: number;
}
export interface VitalLimit {
  /** Inclusive: outside is refused. */
  possible: Range;
  /** Inclusive: outside asks for confirmation. */
  usual: Range;
  /** Where each figure comes from, named in full (the tests quote it). */
  source: string;
}

/** One per measured quantity; blood pressure has its two. */
export const VITAL_LIMITS = {
  body_temperature: {
    possible: { min: 13, max: 47 },
    usual: { min: 35, max: 41.5 },
    source:
      'Possible: the survived extremes, rounded outward: 13.7 °C (Gilbert M et al., Resuscitation from accidental hypothermia of 13.7 °C ' +
      'with circulatory arrest, Lancet 2000;355:375-6) and 46.5 °C (Slovis CM et al., Survival in a heat stroke victim with a core ' +
      'temperature in excess of 46.5 °C, Ann Emerg Med 1982;11:269-71). Usual: hypothermia is a core temperature below 35 °C (ERC ' +
      'Guidelines 2021, Lott C et al., Cardiac arrest in special circumstances, Resuscitation 2021;161:152-219); hyperpyrexia is above ' +
      '41.5 °C (Harrison’s Principles of Internal Medicine, 21st ed., 2022, chapter "Fever").',
  },
  spo2: {
    possible: { min: 0, max: 100 },
    usual: { min: 70, max: 100 },
    source:
      'Possible: SpO2 is a percentage of haemoglobin. Usual: a pulse oximeter’s accuracy is declared over 70 % to 100 % SpO2 only ' +
      '(ISO 80601-2-61:2017, 201.12.1.101): below 70 % the reading may be true but its accuracy is not specified.',
  },
  heart_rate: {
    possible: { min: 1, max: 600 },
    usual: { min: 41, max: 220 },
    source:
      'Possible: 600/min is the fastest reported human rate (Chhabra L et al., Mouse heart rate in a human, Indian Pacing Electrophysiol J ' +
      '2012;12:32-5); no pulse is not a rate. Usual: NEWS2 (Royal College of Physicians, 2017) scores a rate of 40/min or less 3; ' +
      'above 220/min exceeds the maximal sinus rate at any age (Fox SM et al., Ann Clin Res 1971;3:404-32: 220 − age).',
  },
  respiratory_rate: {
    possible: { min: 1, max: 150 },
    usual: { min: 9, max: 59 },
    source:
      'Usual: NEWS2 (Royal College of Physicians, 2017) scores 8/min or less 3; 60/min or more is fast breathing even in an infant ' +
      'under 2 months (WHO, Integrated Management of Childhood Illness, chart booklet 2014). Possible: the station’s own bounds ' +
      '(no breathing is not a rate; 150/min is beyond any counted rate), no published source.',
  },
  body_weight: {
    possible: { min: 0.2, max: 650 },
    usual: { min: 1, max: 300 },
    source:
      'Possible: 245 g, the smallest reported surviving newborn (University of Iowa, Tiniest Babies Registry, 2018), and 635 kg, the ' +
      'heaviest reported person, rounded outward. Usual: under 1000 g is an extremely low birth weight (WHO, ICD-10 P07.0); above ' +
      '300 kg is the station’s own bound, no published source.',
  },
  systolic: {
    possible: { min: 20, max: 300 },
    usual: { min: 70, max: 250 },
    source:
      'Possible: an automated cuff does not inflate above 300 mmHg in adult mode (IEC 80601-2-30:2018); 20 mmHg is the station’s own ' +
      'floor. Usual: under 70 mmHg is hypotension at any age (AHA PALS 2020: < 70 + 2 × age in years); over 250 mmHg is asked ' +
      '(issue 18, point 17, the clinical lead’s threshold, far above ESH 2023 grade 3: ≥ 180).',
  },
  diastolic: {
    possible: { min: 10, max: 300 },
    usual: { min: 30, max: 150 },
    source:
      'Possible: below the systolic by definition, and the cuff’s 300 mmHg (IEC 80601-2-30:2018); 10 mmHg is the station’s own floor. ' +
      'Usual: the station’s own bounds (ESH 2023 grade 3 begins at 110), no published source.',
  },
} as const satisfies Record<string, VitalLimit>;

export type LimitedQuantity = keyof typeof VITAL_LIMITS;
export type VitalField = 'value' | 'systolic' | 'diastolic';
export interface VitalFinding {
  field: VitalField;
  level: 'unusual' | 'impossible';
  quantity: LimitedQuantity;
  /** The range the value fell out of. */
  range: Range;
}

function judge(quantity: LimitedQuantity, field: VitalField, value: number): VitalFinding[] {
  const { possible, usual } = VITAL_LIMITS[quantity];
  if (!(value >= possible.min && value <= possible.max))
    return [{ field, level: 'impossible', quantity, range: possible }];
  if (value < usual.min || value > usual.max) return [{ field, level: 'unusual', quantity, range: usual }];
  return [];
}

/** What is wrong with a measurement, field by field (nothing: it is usual). */
export function checkVital(vital: Vital): VitalFinding[] {
  if (vital.code === 'blood_pressure')
    return [...judge('systolic', 'systolic', vital.systolic), ...judge('diastolic', 'diastolic', vital.diastolic)];
  return judge(vital.code, 'value', vital.value);
}

/** A number as a person types it, in French (37,2) or English (37.2); null when it is not one. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/** A measured value in the screen's language (37,2 in French), without grouping (a weight of 1500,5 g reads whole). */
export const formatMeasure = (value: number, language: string): string =>
  new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(value);
