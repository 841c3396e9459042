// The expert's prescription in words, as a pharmacist or a nurse reads it: on its PDF, on the act's
// screen, and in the message that carries it through the hub for a reader without Relais. French,
// like the prescription itself: it is a medical document written by a French physician.
import {
  nonSubstitutableMention,
  OTHER_LINE_KINDS,
  type MedicationLine,
  type OtherLine,
  type PrescriptionLine,
} from './prescription';

export const OTHER_LINE_TITLES: Record<OtherLine['kind'], string> = {
  biology: 'Examens de biologie',
  imaging: 'Examens d’imagerie',
  nursing: 'Soins infirmiers',
  other: 'Autres prescriptions',
};

/** One medicine as the pharmacist reads it: what, how much, how often, how long, how many. */
export function medicationText(m: MedicationLine): string {
  const what = [m.name, m.form].filter(Boolean).join(', ');
  const how = [m.dose, m.route, m.frequency, `pendant ${m.duration}`].filter(Boolean).join(', ');
  return [
    `${what} — ${how}.`,
    ...(m.quantity ? [`Quantité : ${m.quantity}.`] : []),
    ...(m.nonSubstitutable ? [`${nonSubstitutableMention(m.nonSubstitutable)}.`] : []),
    ...(m.note ? [m.note] : []),
  ].join(' ');
}

/** The lines grouped as an ordonnance prints them: the medicines numbered, then each other kind under its title. */
export function prescriptionText(lines: PrescriptionLine[]): string {
  const medicines = lines.filter((l): l is MedicationLine => l.kind === 'medication');
  const parts = medicines.length ? ['Médicaments', ...medicines.map((m, i) => `${i + 1}. ${medicationText(m)}`)] : [];
  for (const kind of OTHER_LINE_KINDS) {
    const others = lines.filter((l): l is OtherLine => l.kind === kind);
    if (others.length) parts.push('', OTHER_LINE_TITLES[kind], ...others.map((l) => `– ${l.text}`));
  }
  return parts.join('\n').trim();
}
