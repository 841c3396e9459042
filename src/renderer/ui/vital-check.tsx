// A measurement checked while it is typed, with the limits the station applies
// (src/shared/acts/vital-limits.ts): an impossible value is said under its field and not sent; an
// unusual one is said there too and asks "I confirm this value". Numbers are read with a decimal
// comma or point, and shown in the screen's language (37,2 °C in French).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { UNIT_SHOWN, type Vital } from '../../shared/acts/encounter';
import type { FieldError } from '../../shared/result';
import { checkVital, formatMeasure, parseDecimal, type VitalField } from '../../shared/acts/vital-limits';

export type Problems = Partial<Record<VitalField, { level: 'unusual' | 'impossible' | 'invalid'; text: string }>>;

/** The measurement as a person reads it: 37,2 °C, 142/88 mmHg. */
export function useVitalText(): (vital: Vital) => string {
  const { i18n } = useTranslation();
  return (v) => {
    const n = (x: number) => formatMeasure(x, i18n.language);
    return v.code === 'blood_pressure'
      ? `${n(v.systolic)}/${n(v.diastolic)} ${UNIT_SHOWN[v.unit]}`
      : `${n(v.value)} ${UNIT_SHOWN[v.unit]}`;
  };
}

/** Reads the typed fields: a value that is not a number is a problem of its field. */
export function readNumbers(fields: Partial<Record<VitalField, string>>): {
  numbers: Partial<Record<VitalField, number>>;
  invalid: VitalField[];
} {
  const numbers: Partial<Record<VitalField, number>> = {};
  const invalid: VitalField[] = [];
  for (const [field, text] of Object.entries(fields) as [VitalField, string][]) {
    if (text.trim() === '') continue;
    const n = parseDecimal(text);
    if (n === null) invalid.push(field);
    else numbers[field] = n;
  }
  return { numbers, invalid };
}

/** What is wrong with each field of a measurement, in words, before anything is sent. */
export function useVitalProblems(): (vital: Vital | null, invalid: VitalField[]) => Problems {
  const { t } = useTranslation();
  return (vital, invalid) => {
    const problems: Problems = {};
    for (const field of invalid) problems[field] = { level: 'invalid', text: t('fieldErrors.vital.not_a_number') };
    if (!vital) return problems;
    for (const f of checkVital(vital)) {
      if (!problems[f.field])
        problems[f.field] = {
          level: f.level,
          text: t(`fieldErrors.vital.${f.level}`, { min: f.range.min, max: f.range.max }),
        };
    }
    // Impossible by definition, so it outranks an unusual diastolic.
    if (
      vital.code === 'blood_pressure' &&
      vital.diastolic >= vital.systolic &&
      problems.diastolic?.level !== 'impossible'
    ) {
      problems.diastolic = { level: 'impossible', text: t('fieldErrors.vital.diastolic_above_systolic') };
    }
    return problems;
  };
}

/** The station's refusal of a field, put back under that field (path "vital.value", "vital.systolic"…). */
export function fieldProblemsOf(
  fields: FieldError[] | undefined,
  t: TFunction,
): { problems: Problems; rest: FieldError[] } {
  const problems: Problems = {};
  const rest: FieldError[] = [];
  for (const f of fields ?? []) {
    const field = f.path.startsWith('vital.') ? (f.path.slice('vital.'.length) as VitalField) : null;
    if (field === 'value' || field === 'systolic' || field === 'diastolic') {
      problems[field] = {
        level: f.code === 'vital.unusual' ? 'unusual' : 'impossible',
        text: t(`fieldErrors.${f.code}`, { ...f.params }),
      };
    } else rest.push(f);
  }
  return { problems, rest };
}

/** Said under its field: refused in red, unusual in the warning colour. */
export function FieldProblem({ id, problem }: { id: string; problem: Problems[VitalField] }) {
  if (!problem) return null;
  return (
    <span
      id={id}
      role={problem.level === 'unusual' ? 'status' : 'alert'}
      className={problem.level === 'unusual' ? 'field-warning' : 'field-problem'}
    >
      {problem.text}
    </span>
  );
}
