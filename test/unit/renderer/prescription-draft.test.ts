// The prescription the expert is writing, before she signs (issue 21, point 5): what is sent is
// what main's schema takes (trimmed, without the page's keys), a medicine without its name, dose,
// frequency or duration is pointed out before signing, EFG is offered for a child under six only
// (arrêté du 12 novembre 2019), and a signed medicine reads back in one sentence.
import { describe, expect, it } from 'vitest';
import { PrescriptionLineSchema } from '../../../src/shared/acts/prescription';
import {
  draftOf,
  emptyMedication,
  emptyOther,
  firstIncomplete,
  linesToSign,
  medicationSummary,
  missingFields,
  reasonsOffered,
  type DraftLine,
  type DraftMedication,
} from '../../../src/renderer/features/remote-acts/prescription-draft';
import { AMOXICILLIN, BLOOD_TEST, LEVOTHYROXINE } from '../../helpers/prescriptions';

const amoxicillin = (): DraftMedication => ({
  ...emptyMedication(),
  name: ' Amoxicilline 1 g ',
  form: 'comprimé',
  dose: '1 comprimé',
  route: 'voie orale',
  frequency: '3 fois par jour',
  duration: '7 jours ',
  quantity: '21',
});

describe('the prescription being written', () => {
  it('sends its lines trimmed and without their keys, as the schema takes them', () => {
    const blood: DraftLine = { ...emptyOther('biology'), text: ' NFS, CRP ' };
    const lines = linesToSign([amoxicillin(), blood]);
    expect(lines).toEqual([
      {
        kind: 'medication',
        name: 'Amoxicilline 1 g',
        form: 'comprimé',
        dose: '1 comprimé',
        route: 'voie orale',
        frequency: '3 fois par jour',
        duration: '7 jours',
        quantity: '21',
        nonSubstitutable: null,
        note: '',
      },
      { kind: 'biology', text: 'NFS, CRP' },
    ]);
    for (const line of lines) expect(PrescriptionLineSchema.parse(line)).toEqual(line);
  });

  it('gives each new line its own key, and a signed version new keys when it is corrected', () => {
    const keys = [
      emptyMedication(),
      emptyMedication(),
      emptyOther('nursing'),
      ...draftOf([AMOXICILLIN, BLOOD_TEST]),
    ].map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(linesToSign(draftOf([AMOXICILLIN, LEVOTHYROXINE, BLOOD_TEST]))).toEqual([
      AMOXICILLIN,
      LEVOTHYROXINE,
      BLOOD_TEST,
    ]);
  });

  it('names what a medicine still lacks (name, dose, frequency, duration), blank counting as empty', () => {
    expect(missingFields(emptyMedication())).toEqual(['name', 'dose', 'frequency', 'duration']);
    expect(missingFields({ ...amoxicillin(), duration: '  ' })).toEqual(['duration']);
    // Form, route and quantity may stay empty: main signs without them.
    expect(missingFields({ ...amoxicillin(), form: '', route: '', quantity: '' })).toEqual([]);
    expect(missingFields(emptyOther('imaging'))).toEqual(['text']);
    expect(missingFields(BLOOD_TEST)).toEqual([]);
  });

  it('points to the first line that cannot be signed yet, or none', () => {
    expect(firstIncomplete([])).toBeNull();
    expect(firstIncomplete([amoxicillin(), BLOOD_TEST])).toBeNull();
    expect(firstIncomplete([amoxicillin(), { ...amoxicillin(), dose: '' }, emptyOther('other')])).toEqual({
      index: 1,
      fields: ['dose'],
    });
  });

  it('offers EFG only for a child under six on the day, and never without a birth date', () => {
    const today = new Date('2026-12-07T10:00:00Z');
    expect(reasonsOffered('2021-06-01', today)).toEqual(['MTE', 'EFG', 'CIF']); // 5 years old
    expect(reasonsOffered('2020-12-07', today)).toEqual(['MTE', 'CIF']); // six today
    expect(reasonsOffered('2020-12-08', today)).toEqual(['MTE', 'EFG', 'CIF']); // six tomorrow
    expect(reasonsOffered('1941-02-17', today)).toEqual(['MTE', 'CIF']);
    expect(reasonsOffered(null, today)).toEqual(['MTE', 'CIF']);
  });

  it('reads a signed medicine back in one sentence, leaving out what she left empty', () => {
    const words = {
      duration: (d: string) => `pendant ${d}`,
      quantity: (q: string) => `Quantité : ${q}`,
      nonSubstitutable: (r: string) => `Non substituable (${r})`,
    };
    expect(medicationSummary(linesToSign([amoxicillin()])[0] as typeof AMOXICILLIN, words)).toBe(
      'Amoxicilline 1 g, comprimé — 1 comprimé, voie orale, 3 fois par jour, pendant 7 jours. Quantité : 21.',
    );
    expect(medicationSummary(LEVOTHYROXINE, words)).toBe(
      'Lévothyroxine 50 µg, comprimé — 1 comprimé, le matin à jeun, pendant 3 mois. Non substituable (MTE).',
    );
  });
});
