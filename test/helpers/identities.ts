// Identities used across tests. INS keys computed by hand: 97 - (13 digits mod 97).
import type { IdentityInput } from '../../src/shared/patient';
import { INS_OID } from '../../src/shared/ins';

// Woman born in December 1906 in Paris 11e; the published example of a NIR, key 64.
export const PARIS_1906_MATRICULE = '206127511100564';

export const qualifiedIdentity = (overrides: Partial<IdentityInput> = {}): IdentityInput => ({
  birthName: 'Martin',
  firstName: 'Jeanne',
  birthFirstNames: 'Jeanne Louise',
  birthDate: '1906-12-03',
  sex: 'F',
  birthplaceCode: '75111',
  usedName: 'Durand',
  usedFirstName: '',
  identityStatus: 'QUAL',
  ins: { matricule: '2 06 12 75 111 005 64', oid: INS_OID.NIR },
  ...overrides,
});

export const provisionalIdentity = (overrides: Partial<IdentityInput> = {}): IdentityInput => ({
  birthName: 'Lefèvre',
  firstName: 'Éloïse',
  birthDate: '1985-05-12',
  sex: 'F',
  birthplaceCode: '69123',
  identityStatus: 'PROV',
  ins: null,
  ...overrides,
});
