// A study's patient against the station's: the same person written differently by a modality
// matches; anyone else shows every trait that differs.
import { describe, expect, it } from 'vitest';
import { absentTraits, demographicDifferences, dicomDate } from '../../../src/shared/imaging/dicom-patient-match';
import type { Patient } from '../../../src/shared/patients/patient';

const anne: Patient = {
  id: '6d0c1c5e-7a51-4f7e-9d55-0c3f2c1b9a01',
  version: 1,
  birthName: 'LE GALL',
  firstName: 'ANNE',
  birthFirstNames: 'ANNE MARIE',
  birthDate: '1956-12-03',
  sex: 'F',
  birthplaceCode: '29019',
  usedName: 'MORVAN',
  usedFirstName: null,
  identityStatus: 'PROV',
  ins: null,
  insRetrieval: null,
  typedIns: null,
  identityDocument: null,
  residenceCode: null,
  createdAt: '',
  updatedAt: '',
};

describe('DICOM patient match', () => {
  it('matches her whatever the modality did with accents, case, separators or her used name', () => {
    expect(demographicDifferences({ name: 'LE GALL^ANNE', birthDate: '19561203', sex: 'F' }, anne)).toEqual([]);
    expect(demographicDifferences({ name: 'Le-Gall^Anne Marie', birthDate: '19561203', sex: 'F' }, anne)).toEqual([]);
    expect(demographicDifferences({ name: 'MORVAN^MARIE', birthDate: null, sex: null }, anne)).toEqual([]);
    expect(demographicDifferences({ name: 'LÉGALL^ANNE', birthDate: '19561203', sex: 'F' }, anne)).toEqual([]);
  });

  it('lists every difference for someone else', () => {
    expect(demographicDifferences({ name: 'LE GALL^JEANNE', birthDate: '19561203', sex: 'F' }, anne)).toEqual([
      'first_name',
    ]);
    expect(demographicDifferences({ name: 'KERVELLA^ANNE', birthDate: '19571203', sex: 'M' }, anne)).toEqual([
      'family_name',
      'birth_date',
      'sex',
    ]);
    expect(demographicDifferences({ name: null, birthDate: '19561203', sex: 'O' }, anne)).toEqual([
      'name_missing',
      'sex',
    ]);
  });

  it('names the strict traits a study does not carry, which could not be compared (RNIV volet 1: birth name, first names, birth date, sex)', () => {
    expect(absentTraits({ name: 'LE GALL^ANNE', birthDate: '19561203', sex: 'F' })).toEqual([]);
    expect(absentTraits({ name: 'Doe^Peter', birthDate: null, sex: 'M' })).toEqual(['birth_date']);
    expect(absentTraits({ name: 'ANONYMOUS', birthDate: '', sex: 'X' })).toEqual(['first_name', 'birth_date', 'sex']);
    expect(absentTraits({ name: null, birthDate: '1956-12-03', sex: null })).toEqual([
      'family_name',
      'first_name',
      'birth_date',
      'sex',
    ]);
  });

  it('reads DICOM dates, and only dates', () => {
    expect(dicomDate('19561203')).toBe('1956-12-03');
    expect(dicomDate('1956-12-03')).toBeNull();
    expect(dicomDate(null)).toBeNull();
  });
});
