// A prescription's medicine in words, one sentence as the pharmacist reads it: the printed
// ordonnance's French (what, dose, route, frequency, "pendant" the duration, the quantity and the
// "non substituable" mention with its reason), and the same sentence with another language's
// connecting words, what the expert wrote staying as she wrote it.
import { describe, expect, it } from 'vitest';
import { medicationText, type PrescriptionWords } from '../../../src/shared/acts/prescription-words';
import { AMOXICILLIN, LEVOTHYROXINE } from '../../helpers/prescriptions';

const ENGLISH: PrescriptionWords = {
  during: (duration) => `for ${duration}`,
  quantity: (quantity) => `Quantity: ${quantity}.`,
  nonSubstitutable: (reason) => `Not substitutable (${reason}).`,
};

describe('a medicine in words', () => {
  it('says each field she filled, in the order the pharmacist reads them', () => {
    expect(medicationText(AMOXICILLIN)).toBe(
      'Amoxicilline 500 mg, gélule — 2 gélules, voie orale, 3 fois par jour, pendant 7 jours. Quantité : 2 boîtes.',
    );
  });

  it('leaves out what she left empty, and ends with the mention and her note', () => {
    expect(medicationText({ ...LEVOTHYROXINE, note: 'À distance du repas.' })).toBe(
      'Lévothyroxine 50 µg, comprimé — 1 comprimé, le matin à jeun, pendant 3 mois. Non substituable (MTE). À distance du repas.',
    );
    expect(medicationText({ ...AMOXICILLIN, form: '', route: '', quantity: '' })).toBe(
      'Amoxicilline 500 mg — 2 gélules, 3 fois par jour, pendant 7 jours.',
    );
  });

  it('takes the connecting words of the page’s language', () => {
    expect(medicationText(LEVOTHYROXINE, ENGLISH)).toBe(
      'Lévothyroxine 50 µg, comprimé — 1 comprimé, le matin à jeun, for 3 mois. Not substitutable (MTE).',
    );
  });
});
