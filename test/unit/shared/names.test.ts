import { describe, expect, it } from 'vitest';
import { normalizeTrait, searchKey, TRAIT_PATTERN } from '../../../src/shared/names';

describe('identity trait normalisation (RNIV: capitals, no diacritics)', () => {
  it.each([
    ['Lefèvre', 'LEFEVRE'],
    ['  éloïse  ', 'ELOISE'],
    ['d’Ornano', "D'ORNANO"],
    ['Cœur', 'COEUR'],
    ['Jean - Pierre', 'JEAN-PIERRE'],
    ['Marie   Claire', 'MARIE CLAIRE'],
    ['Müller', 'MULLER'],
  ])('%s -> %s', (raw, expected) => {
    expect(normalizeTrait(raw)).toBe(expected);
    expect(TRAIT_PATTERN.test(expected)).toBe(true);
  });

  it('refuses digits and symbols after normalisation', () => {
    expect(TRAIT_PATTERN.test(normalizeTrait('Dupont2'))).toBe(false);
    expect(TRAIT_PATTERN.test(normalizeTrait('Du@pont'))).toBe(false);
    expect(TRAIT_PATTERN.test(normalizeTrait('-Dupont'))).toBe(false);
  });

  it('search keys drop separators so that LE GALL finds LEGALL', () => {
    expect(searchKey('Le Gall')).toBe(searchKey('LEGALL'));
    expect(searchKey("N'Diaye")).toBe('NDIAYE');
  });
});
