import { describe, expect, it } from 'vitest';
import {
  datesWithinOneTypo,
  editDistance,
  isPossibleDuplicate,
  type StrictTraits,
} from '../../../src/shared/patients/identity-match';

const base: StrictTraits = {
  birthName: 'DUPONT',
  usedName: null,
  firstName: 'MARIE',
  birthDate: '1950-03-12',
  sex: 'F',
};

describe('possible duplicates', () => {
  it('counts edits between names', () => {
    expect(editDistance('DUPONT', 'DUPOND')).toBe(1);
    expect(editDistance('LEFEVRE', 'LEFEBVRE')).toBe(1);
    expect(editDistance('', 'ABC')).toBe(3);
  });

  it.each<[string, Partial<StrictTraits>]>([
    ['the same traits', {}],
    ['a letter off in the birth name', { birthName: 'DUPOND' }],
    ['a letter off in the first name', { firstName: 'MARIA' }],
    ['day and month swapped', { birthDate: '1950-12-03' }],
    ['one digit off in the date', { birthDate: '1950-03-13' }],
    ['the used name typed as birth name', { birthName: 'MARTIN', usedName: 'DUPONT' }],
    ['an indeterminate sex', { sex: 'I' }],
  ])('flags %s', (_label, change) => {
    expect(isPossibleDuplicate(base, { ...base, ...change })).toBe(true);
  });

  it.each<[string, Partial<StrictTraits>]>([
    ['another first name', { firstName: 'PAUL' }],
    ['another family', { birthName: 'DURAND' }],
    ['another sex', { sex: 'M' }],
    ['another birth year', { birthDate: '1962-03-12' }],
  ])('does not flag %s', (_label, change) => {
    expect(isPossibleDuplicate(base, { ...base, ...change })).toBe(false);
  });
});

/** Every calendar day from 1900 to 2030, as the registry stores birth dates (YYYY-MM-DD). */
function everyDay(): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2030, 11, 31); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

describe('the birth dates the duplicate check reads', () => {
  const days = everyDay();
  // Ordinary days, a day-month pair that swaps into a real date, and the ends of months and years.
  it.each(['1950-03-12', '1906-12-03', '2000-02-29', '1999-12-31', '2024-01-01', '1975-06-15'])(
    'are exactly the stored dates a person born on %s can be a duplicate of',
    (date) => {
      const read = new Set(datesWithinOneTypo(date));
      const matching = days.filter((stored) =>
        isPossibleDuplicate({ ...base, birthDate: date }, { ...base, birthDate: stored }),
      );
      expect(matching.length).toBeGreaterThan(1);
      // None missed: every day datesMatch flags is read.
      expect(matching.filter((stored) => !read.has(stored))).toEqual([]);
      // Nothing else: every real day read is one it flags.
      expect(days.filter((stored) => read.has(stored) && !matching.includes(stored))).toEqual([]);
    },
  );
});
