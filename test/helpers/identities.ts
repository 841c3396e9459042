// Identities used across tests. INS keys computed by hand: 97 - (13 digits mod 97).
// A typed INS proves nothing (RNIV volet 1): a test patient reaches QUAL only through the INSi
// gateway's double (qualifyThroughInsi in insi-station.ts), never by typing one.
import type { IdentityInput, Patient } from '../../src/shared/patients/patient';
import { INS_OID } from '../../src/shared/patients/ins';
import type { ReferencePerson } from './insi-double';

// Woman born in December 1906 in Paris 11e; the published example of a NIR, key 64.
export const PARIS_1906_MATRICULE = '206127511100564';

/** Her passport, checked by the nurse (a day every test clock is after). */
export const PASSPORT_CHECKED = { type: 'passport', checkedBy: 'IDE Morvan', checkedOn: '2024-03-01' } as const;

/** Jeanne Louise Martin (used name Durand), validated on her passport, her card's number typed "to be checked". */
export const validatedIdentity = (overrides: Partial<IdentityInput> = {}): IdentityInput => ({
  birthName: 'Martin',
  firstName: 'Jeanne',
  birthFirstNames: 'Jeanne Louise',
  birthDate: '1906-12-03',
  sex: 'F',
  birthplaceCode: '75111',
  usedName: 'Durand',
  usedFirstName: '',
  identityStatus: 'VALI',
  typedIns: { matricule: '2 06 12 75 111 005 64', oid: INS_OID.NIR },
  identityDocument: PASSPORT_CHECKED,
  ...overrides,
});

/** The national base's record of Jeanne Louise Martin, as the INSi double holds it. */
export const MARTIN_IN_NATIONAL_BASE: ReferencePerson = {
  matricule: PARIS_1906_MATRICULE,
  oid: INS_OID.NIR,
  birthName: 'MARTIN',
  birthFirstNames: 'JEANNE LOUISE',
  birthDate: '1906-12-03',
  sex: 'F',
  birthplaceCode: '75111',
};

export const provisionalIdentity = (overrides: Partial<IdentityInput> = {}): IdentityInput => ({
  birthName: 'Lefèvre',
  firstName: 'Éloïse',
  birthDate: '1985-05-12',
  sex: 'F',
  birthplaceCode: '69123',
  identityStatus: 'PROV',
  ...overrides,
});

/** A stored patient record, provisional, as the repository keeps it (Maëlys Kerguelen, born 1950 in Brest). */
export const aPatientRecord = (overrides: Partial<Patient> = {}): Patient => ({
  id: '3c1e5a7b-2d4f-4e6a-8b0c-1d2e3f405162',
  version: 1,
  birthName: 'KERGUELEN',
  firstName: 'MAELYS',
  birthFirstNames: 'MAELYS',
  birthDate: '1950-01-01',
  sex: 'F',
  birthplaceCode: '29019',
  usedName: null,
  usedFirstName: null,
  identityStatus: 'PROV',
  ins: null,
  insRetrieval: null,
  typedIns: null,
  identityDocument: null,
  residenceCode: null,
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
  ...overrides,
});
