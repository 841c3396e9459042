// The prescription the expert is writing, as her page holds it before she signs: lines she adds,
// edits and removes, checked as main will check them (the fields a medicine cannot go without, at
// most 40 lines), and the non-substitutable reasons offered for this patient. Pure, so that what
// the sign button says and what is sent are tested without a page.
import {
  NON_SUBSTITUTABLE_REASONS,
  type MedicationLine,
  type NonSubstitutableReason,
  type OtherLine,
  type PrescriptionLine,
} from '../../../shared/acts/prescription';
import { ageInYears } from '../../../shared/stroke/thrombolysis-dose';

/** The schema's limit (SignedPrescriptionSchema): beyond it, a second prescription. */
export const MAX_PRESCRIPTION_LINES = 40;

/** A line being written: what will be signed, with a key that keeps its inputs while others go. */
export type DraftMedication = MedicationLine & { key: string };
export type DraftOther = OtherLine & { key: string };
export type DraftLine = DraftMedication | DraftOther;

/** What a medicine cannot be signed without (MedicationLineSchema's required fields). */
export const MEDICATION_REQUIRED = ['name', 'dose', 'frequency', 'duration'] as const;
export type MedicationField = Exclude<keyof MedicationLine, 'kind'>;

let lastKey = 0;
const nextKey = () => `line-${++lastKey}`;

export function emptyMedication(): DraftMedication {
  return {
    key: nextKey(),
    kind: 'medication',
    name: '',
    form: '',
    dose: '',
    route: '',
    frequency: '',
    duration: '',
    quantity: '',
    nonSubstitutable: null,
    note: '',
  };
}

export function emptyOther(kind: OtherLine['kind']): DraftOther {
  return { key: nextKey(), kind, text: '' };
}

/** The lines of a signed version, to be corrected. */
export function draftOf(lines: readonly PrescriptionLine[]): DraftLine[] {
  return lines.map((line) => ({ ...line, key: nextKey() }));
}

/** The fields of a line still empty that it cannot be signed without ('text' for a non-drug line). */
export function missingFields(line: PrescriptionLine): (MedicationField | 'text')[] {
  if (line.kind === 'medication') return MEDICATION_REQUIRED.filter((field) => line[field].trim() === '');
  return line.text.trim() === '' ? ['text'] : [];
}

/** The first line that cannot be signed yet (its place from 0, and what it lacks), or null. */
export function firstIncomplete(lines: readonly PrescriptionLine[]): { index: number; fields: string[] } | null {
  for (const [index, line] of lines.entries()) {
    const fields = missingFields(line);
    if (fields.length > 0) return { index, fields };
  }
  return null;
}

/** What is sent to be signed: the lines without their keys, their words trimmed. */
export function linesToSign(lines: readonly DraftLine[]): PrescriptionLine[] {
  return lines.map(({ key: _key, ...line }): PrescriptionLine => {
    if (line.kind !== 'medication') return { kind: line.kind, text: line.text.trim() };
    return {
      kind: 'medication',
      name: line.name.trim(),
      form: line.form.trim(),
      dose: line.dose.trim(),
      route: line.route.trim(),
      frequency: line.frequency.trim(),
      duration: line.duration.trim(),
      quantity: line.quantity.trim(),
      nonSubstitutable: line.nonSubstitutable,
      note: line.note.trim(),
    };
  });
}

/**
 * The reasons she may give for refusing the generic: EFG only for a child under six on the day
 * she signs (arrêté du 12 novembre 2019, article 1; main refuses it otherwise). Without a birth
 * date (a call without its act) EFG is not offered.
 */
export function reasonsOffered(birthDate: string | null | undefined, today: Date): NonSubstitutableReason[] {
  const child = birthDate ? ageInYears(birthDate, today) < 6 : false;
  return NON_SUBSTITUTABLE_REASONS.filter((reason) => reason !== 'EFG' || child);
}

/** The words a medicine's summary is joined with, in the page's language. */
export interface SummaryWords {
  duration(duration: string): string;
  quantity(quantity: string): string;
  nonSubstitutable(reason: NonSubstitutableReason): string;
}

/** A signed medicine read back in one line: what, how much, how often, how long, how many. */
export function medicationSummary(m: MedicationLine, words: SummaryWords): string {
  const what = [m.name, m.form].filter(Boolean).join(', ');
  const how = [m.dose, m.route, m.frequency, words.duration(m.duration)].filter(Boolean).join(', ');
  return [
    `${what} — ${how}.`,
    ...(m.quantity ? [`${words.quantity(m.quantity)}.`] : []),
    ...(m.nonSubstitutable ? [`${words.nonSubstitutable(m.nonSubstitutable)}.`] : []),
    ...(m.note ? [m.note] : []),
  ].join(' ');
}
