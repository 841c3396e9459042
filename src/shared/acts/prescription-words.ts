// A prescription's lines in words, as the pharmacist and the nurse read them: each medicine whole
// in one sentence (what, how much, how, how often, how long, how many, and the "non substituable"
// mention with its reason), each other line with its kind. One wording for the printed ordonnance
// (in French, prescription-pdf.ts) and for the screens (in the page's language, the connecting
// words given by its texts); what the expert wrote (the medicine, the dose...) stays as she wrote it.
import {
  nonSubstitutableMention,
  OTHER_LINE_KINDS,
  type MedicationLine,
  type NonSubstitutableReason,
  type OtherLine,
  type PrescriptionLine,
} from './prescription';

/** The few words around what she wrote, in one language. */
export interface PrescriptionWords {
  /** "pendant 7 jours" */
  during(duration: string): string;
  /** "Quantité : 2 boîtes." */
  quantity(quantity: string): string;
  /** "Non substituable (MTE)." */
  nonSubstitutable(reason: NonSubstitutableReason): string;
}

/** The words of the printed ordonnance: French, as the law writes the mention. */
export const FRENCH_PRESCRIPTION_WORDS: PrescriptionWords = {
  during: (duration) => `pendant ${duration}`,
  quantity: (quantity) => `Quantité : ${quantity}.`,
  nonSubstitutable: (reason) => `${nonSubstitutableMention(reason)}.`,
};

/** One medicine as the pharmacist reads it: what, how much, how often, how long, how many. */
export function medicationText(m: MedicationLine, words: PrescriptionWords = FRENCH_PRESCRIPTION_WORDS): string {
  const what = [m.name, m.form].filter(Boolean).join(', ');
  const how = [m.dose, m.route, m.frequency, words.during(m.duration)].filter(Boolean).join(', ');
  return [
    `${what} — ${how}.`,
    ...(m.quantity ? [words.quantity(m.quantity)] : []),
    ...(m.nonSubstitutable ? [words.nonSubstitutable(m.nonSubstitutable)] : []),
    ...(m.note ? [m.note] : []),
  ].join(' ');
}

/** The titles of the other lines on the printed ordonnance. */
export const OTHER_LINE_TITLES: Record<OtherLine['kind'], string> = {
  biology: 'Examens de biologie',
  imaging: 'Examens d’imagerie',
  nursing: 'Soins infirmiers',
  other: 'Autres prescriptions',
};

/**
 * The lines grouped as the ordonnance prints them, in French: the medicines numbered, then each
 * other kind under its title. For a reader without Relais (the message through the hub).
 */
export function prescriptionText(lines: PrescriptionLine[]): string {
  const medicines = lines.filter((l): l is MedicationLine => l.kind === 'medication');
  const parts = medicines.length ? ['Médicaments', ...medicines.map((m, i) => `${i + 1}. ${medicationText(m)}`)] : [];
  for (const kind of OTHER_LINE_KINDS) {
    const others = lines.filter((l): l is OtherLine => l.kind === kind);
    if (others.length) parts.push('', OTHER_LINE_TITLES[kind], ...others.map((l) => `– ${l.text}`));
  }
  return parts.join('\n').trim();
}
