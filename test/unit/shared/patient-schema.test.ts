import { describe, expect, it } from 'vitest';
import { IdentitySchema } from '../../../src/shared/patients/patient';
import { INS_OID } from '../../../src/shared/patients/ins';
import { parseWithFieldErrors } from '../../../src/shared/validation';
import { provisionalIdentity, validatedIdentity } from '../../helpers/identities';

function fieldErrors(input: unknown) {
  const parsed = parseWithFieldErrors(IdentitySchema, input);
  return parsed.success ? [] : parsed.fields;
}

describe('identity schema', () => {
  it('accepts a validated identity and normalises its traits and its typed number', () => {
    const identity = IdentitySchema.parse(validatedIdentity());
    expect(identity).toMatchObject({
      birthName: 'MARTIN',
      firstName: 'JEANNE',
      birthFirstNames: 'JEANNE LOUISE',
      usedName: 'DURAND',
      usedFirstName: null,
      typedIns: { matricule: '206127511100564', oid: INS_OID.NIR },
    });
  });

  it('takes an optional commune of residence, empty meaning unknown, and names the field when it is no INSEE code', () => {
    expect(IdentitySchema.parse(provisionalIdentity()).residenceCode).toBeNull();
    expect(IdentitySchema.parse(provisionalIdentity({ residenceCode: '  ' })).residenceCode).toBeNull();
    expect(IdentitySchema.parse(provisionalIdentity({ residenceCode: ' 2b033 ' })).residenceCode).toBe('2B033');
    expect(fieldErrors(provisionalIdentity({ residenceCode: 'Brest' }))).toEqual([
      { path: 'residenceCode', code: 'insee.invalid' },
    ]);
  });

  it('gives a field error on a wrong key of a typed number', () => {
    expect(fieldErrors(validatedIdentity({ typedIns: { matricule: '206127511100565', oid: INS_OID.NIR } }))).toEqual([
      { path: 'typedIns.matricule', code: 'ins.key_mismatch' },
    ]);
  });

  it('shows a wrong key together with the other fields in error', () => {
    const errors = fieldErrors(
      validatedIdentity({ birthplaceCode: '', typedIns: { matricule: '206127511100565', oid: INS_OID.NIR } }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'birthplaceCode', code: 'field.required' },
        { path: 'typedIns.matricule', code: 'ins.key_mismatch' },
      ]),
    );
  });

  it('takes a typed number in any status: it is not the INS, only "to be checked"', () => {
    for (const identityStatus of ['PROV', 'VALI'] as const)
      expect(fieldErrors(validatedIdentity({ identityStatus }))).toEqual([]);
  });

  it('flags a typed number that contradicts the sex or the birth date', () => {
    expect(fieldErrors(validatedIdentity({ sex: 'M' }))).toEqual([
      { path: 'typedIns.matricule', code: 'ins.sex_mismatch' },
    ]);
    expect(fieldErrors(validatedIdentity({ birthDate: '1960-12-03' }))).toEqual([
      { path: 'typedIns.matricule', code: 'ins.birth_year_mismatch' },
    ]);
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
    expect(fieldErrors(provisionalIdentity({ birthplaceCode: '7511' }))).toEqual([
      { path: 'birthplaceCode', code: 'insee.invalid' },
    ]);
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
    expect(fieldErrors(provisionalIdentity({ sex: 'X' as 'M' }))).toEqual([
      { path: 'sex', code: 'field.invalid_choice' },
    ]);
    expect(fieldErrors(provisionalIdentity({ birthName: 42 as unknown as string }))).toEqual([
      { path: 'birthName', code: 'field.invalid_type' },
    ]);
  });

  it('requires the list of first names to begin with the first name', () => {
    expect(fieldErrors(provisionalIdentity({ birthFirstNames: 'Louise Eloise' }))).toEqual([
      { path: 'birthFirstNames', code: 'first_names.must_start_with_first_name' },
    ]);
  });
});
