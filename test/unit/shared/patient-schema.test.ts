import { describe, expect, it } from 'vitest';
import { IdentitySchema } from '../../../src/shared/patient';
import { INS_OID } from '../../../src/shared/ins';
import { parseWithFieldErrors } from '../../../src/shared/validation';
import { provisionalIdentity, qualifiedIdentity } from '../../helpers/identities';

function fieldErrors(input: unknown) {
  const parsed = parseWithFieldErrors(IdentitySchema, input);
  return parsed.success ? [] : parsed.fields;
}

describe('identity schema', () => {
  it('accepts a qualified identity and normalises its traits', () => {
    const identity = IdentitySchema.parse(qualifiedIdentity());
    expect(identity).toMatchObject({
      birthName: 'MARTIN',
      firstName: 'JEANNE',
      birthFirstNames: 'JEANNE LOUISE',
      usedName: 'DURAND',
      usedFirstName: null,
      ins: { matricule: '206127511100564', oid: INS_OID.NIR },
    });
  });

  it('defaults the list of first names to the first name', () => {
    expect(IdentitySchema.parse(provisionalIdentity()).birthFirstNames).toBe('ELOISE');
  });

  it('takes an optional commune of residence, empty meaning unknown, and names the field when it is no INSEE code', () => {
    expect(IdentitySchema.parse(provisionalIdentity()).residenceCode).toBeNull();
    expect(IdentitySchema.parse(provisionalIdentity({ residenceCode: '  ' })).residenceCode).toBeNull();
    expect(IdentitySchema.parse(provisionalIdentity({ residenceCode: ' 2b033 ' })).residenceCode).toBe('2B033');
    expect(fieldErrors(provisionalIdentity({ residenceCode: 'Brest' }))).toEqual([{ path: 'residenceCode', code: 'insee.invalid' }]);
  });

  it('gives a field error on a wrong INS key', () => {
    expect(fieldErrors(qualifiedIdentity({ ins: { matricule: '206127511100565', oid: INS_OID.NIR } }))).toEqual([
      { path: 'ins.matricule', code: 'ins.key_mismatch' },
    ]);
  });

  it('shows a wrong INS key together with the other fields in error', () => {
    const errors = fieldErrors(qualifiedIdentity({ birthplaceCode: '', ins: { matricule: '206127511100565', oid: INS_OID.NIR } }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'birthplaceCode', code: 'field.required' },
        { path: 'ins.matricule', code: 'ins.key_mismatch' },
      ]),
    );
  });

  it('refuses an INS on an identity that is not retrieved or qualified', () => {
    for (const identityStatus of ['PROV', 'VALI'] as const) {
      expect(fieldErrors(qualifiedIdentity({ identityStatus }))).toEqual([{ path: 'ins.matricule', code: 'ins.not_allowed_for_status' }]);
    }
  });

  it('requires the INS for a retrieved or qualified identity', () => {
    for (const identityStatus of ['RECUP', 'QUAL'] as const) {
      expect(fieldErrors(qualifiedIdentity({ identityStatus, ins: null }))).toEqual([{ path: 'ins.matricule', code: 'ins.required_for_status' }]);
    }
  });

  it('flags an INS that contradicts the sex or the birth date', () => {
    expect(fieldErrors(qualifiedIdentity({ sex: 'M' }))).toEqual([{ path: 'ins.matricule', code: 'ins.sex_mismatch' }]);
    expect(fieldErrors(qualifiedIdentity({ birthDate: '1960-12-03' }))).toEqual([{ path: 'ins.matricule', code: 'ins.birth_year_mismatch' }]);
  });

  it.each([
    ['2023-02-29', 'date.invalid'],
    ['1985-13-01', 'date.invalid'],
    ['12/05/1985', 'date.invalid'],
    ['1850-01-01', 'date.too_old'],
  ])('refuses the birth date %s with %s', (birthDate, code) => {
    expect(fieldErrors(provisionalIdentity({ birthDate }))).toContainEqual({ path: 'birthDate', code });
  });

  it('accepts 29 February of a leap year', () => {
    expect(fieldErrors(provisionalIdentity({ birthDate: '2024-02-29' }))).toEqual([]);
  });

  it('checks the INSEE birthplace code, Corsica and abroad included', () => {
    for (const birthplaceCode of ['2A004', '2b033', '97411', '99100', '99999']) {
      expect(fieldErrors(provisionalIdentity({ birthplaceCode }))).toEqual([]);
    }
    expect(fieldErrors(provisionalIdentity({ birthplaceCode: '7511' }))).toEqual([{ path: 'birthplaceCode', code: 'insee.invalid' }]);
  });

  it('names each missing or malformed field', () => {
    const errors = fieldErrors(provisionalIdentity({ birthName: '  ', firstName: 'J3an', sex: 'X' as 'M' }));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'birthName', code: 'field.required' },
        { path: 'firstName', code: 'trait.invalid_characters' },
        { path: 'sex', code: 'field.invalid_choice' },
      ]),
    );
  });

  it('says "required" for a missing field or an unchosen option, "invalid" for a wrong one', () => {
    const { birthName: _b, ...withoutName } = provisionalIdentity();
    expect(fieldErrors(withoutName)).toEqual([{ path: 'birthName', code: 'field.required' }]);
    expect(fieldErrors(provisionalIdentity({ sex: '' as 'M' }))).toEqual([{ path: 'sex', code: 'field.required' }]);
    expect(fieldErrors(provisionalIdentity({ sex: 'X' as 'M' }))).toEqual([{ path: 'sex', code: 'field.invalid_choice' }]);
    expect(fieldErrors(provisionalIdentity({ birthName: 42 as unknown as string }))).toEqual([{ path: 'birthName', code: 'field.invalid_type' }]);
  });

  it('requires the list of first names to begin with the first name', () => {
    expect(fieldErrors(provisionalIdentity({ birthFirstNames: 'Louise Eloise' }))).toEqual([
      { path: 'birthFirstNames', code: 'first_names.must_start_with_first_name' },
    ]);
  });
});
