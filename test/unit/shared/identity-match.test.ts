import { describe, expect, it } from 'vitest';
import { editDistance, isPossibleDuplicate, type StrictTraits } from '../../../src/shared/patients/identity-match';

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
