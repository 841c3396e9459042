import { describe, expect, it } from 'vitest';
import {
  checkCoherence,
  checkMatricule,
  insKey,
  INS_OID,
  isTestOid,
  nirFacts,
  normalizeMatricule,
} from '../../../src/shared/patients/ins';
import { PARIS_1906_MATRICULE } from '../../helpers/identities';

describe('INS matricule key', () => {
  it('matches the published example 2 06 12 75 111 005 -> 64', () => {
    expect(insKey('2061275111005')).toBe('64');
    expect(checkMatricule(PARIS_1906_MATRICULE)).toBeNull();
  });

  it('is 97 minus the NIR modulo 97, padded to two digits', () => {
    expect(insKey('2690549588157')).toBe('80');
    expect(insKey('1850578006084')).toBe('91');
    // 1850599350001 mod 97 = 43 -> key 54
    expect(insKey('1850599350001')).toBe('54');
  });

  it('replaces Corsica 2A by 19 and 2B by 18 before computing', () => {
    expect(insKey('185052A006084')).toBe(insKey('1850519006084'));
    expect(insKey('185052B006084')).toBe(insKey('1850518006084'));
    expect(insKey('185052A006084')).toBe('35');
    expect(insKey('185052B006084')).toBe('62');
    expect(checkMatricule('185052A00608435')).toBeNull();
    expect(checkMatricule('185052B00608462')).toBeNull();
  });

  it('accepts the matricule typed with spaces or dots', () => {
    expect(normalizeMatricule(' 2 06 12 75.111.005 64 ')).toBe(PARIS_1906_MATRICULE);
    expect(checkMatricule('2 06 12 75 111 005 64')).toBeNull();
  });

  it('names what is wrong: length, characters, key', () => {
    expect(checkMatricule('20612751110056')).toBe('ins.length');
    expect(checkMatricule('2061275111005645')).toBe('ins.length');
    expect(checkMatricule('')).toBe('ins.length');
    expect(checkMatricule('20612751110O564')).toBe('ins.format'); // letter O for zero
    expect(checkMatricule('506127511100564')).toBe('ins.format'); // no sex digit 5
    expect(checkMatricule('2061275111005AB')).toBe('ins.format');
    expect(checkMatricule('206127511100565')).toBe('ins.key_mismatch');
    expect(checkMatricule('206127511100546')).toBe('ins.key_mismatch'); // swapped key digits
    expect(checkMatricule('260127511100564')).toBe('ins.key_mismatch'); // swapped digits in the NIR
  });

  it('tells NIR, NIA and test OIDs apart', () => {
    expect(INS_OID.NIR).toBe('1.2.250.1.213.1.4.8');
    expect(INS_OID.NIA).toBe('1.2.250.1.213.1.4.9');
    expect(INS_OID.NIR_TEST).toBe('1.2.250.1.213.1.4.10');
    expect(isTestOid(INS_OID.NIR_TEST)).toBe(true);
    expect(isTestOid(INS_OID.NIR)).toBe(false);
    expect(isTestOid(INS_OID.NIA)).toBe(false);
  });
});

describe('INS coherence with the typed traits', () => {
  it('reads sex, year and month from the NIR', () => {
    expect(nirFacts(PARIS_1906_MATRICULE)).toEqual({ sex: 'F', birthYear2: '06', birthMonth: '12' });
    expect(nirFacts('1852075111005XX').birthMonth).toBeNull(); // fictitious month 20
  });

  it('flags a sex, year or month that contradicts the NIR', () => {
    expect(checkCoherence(PARIS_1906_MATRICULE, 'F', '1906-12-03')).toBeNull();
    expect(checkCoherence(PARIS_1906_MATRICULE, 'M', '1906-12-03')).toBe('ins.sex_mismatch');
    expect(checkCoherence(PARIS_1906_MATRICULE, 'F', '1960-12-03')).toBe('ins.birth_year_mismatch');
    expect(checkCoherence(PARIS_1906_MATRICULE, 'F', '1906-11-03')).toBe('ins.birth_month_mismatch');
    expect(checkCoherence(PARIS_1906_MATRICULE, 'I', '1906-12-03')).toBeNull();
  });
});
