// A prescription's lines in words, as the pharmacist and the nurse read them: each medicine whole
// in one sentence (what, how much, how, how often, how long, how many, and the "non substituable"
// mention with its reason), each other line with its kind. One wording for the printed ordonnance
// (in French, prescription-pdf.ts) and for the screens (in the page's language, the connecting
// words given by its texts); what the expert wrote (the medicine, the dose...) stays as she wrote it.
import { nonSubstitutableMention, type MedicationLine, type NonSubstitutableReason } from './prescription';

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
