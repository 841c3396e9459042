// The identity form's values (strings as typed) <-> the contract's identity input.
import { INS_OID, type InsOid } from '../../../shared/ins';
import { statusCarriesIns, type IdentityInput, type IdentityStatus, type Patient } from '../../../shared/patient';
import { toFrenchDate, toIsoDate } from './parse-search';

export interface IdentityFormValues {
  birthName: string;
  firstName: string;
  birthFirstNames: string;
  birthDate: string; // JJ/MM/AAAA as typed
  sex: '' | 'M' | 'F' | 'I';
  birthplaceCode: string;
  usedName: string;
  usedFirstName: string;
  identityStatus: IdentityStatus;
  insMatricule: string;
  insOid: InsOid;
  residenceCode: string;
}

export const EMPTY_IDENTITY: IdentityFormValues = {
  birthName: '',
  firstName: '',
  birthFirstNames: '',
  birthDate: '',
  sex: '',
  birthplaceCode: '',
  usedName: '',
  usedFirstName: '',
  identityStatus: 'PROV',
  insMatricule: '',
  insOid: INS_OID.NIR,
  residenceCode: '',
};

export function toIdentityInput(values: IdentityFormValues): IdentityInput {
  return {
    birthName: values.birthName,
    firstName: values.firstName,
    birthFirstNames: values.birthFirstNames,
    birthDate: toIsoDate(values.birthDate),
    // An unchosen sex is sent empty and comes back as a field error, like any missing field.
    sex: values.sex as IdentityInput['sex'],
    birthplaceCode: values.birthplaceCode,
    usedName: values.usedName,
    usedFirstName: values.usedFirstName,
    identityStatus: values.identityStatus,
    ins: statusCarriesIns(values.identityStatus) ? { matricule: values.insMatricule, oid: values.insOid } : null,
    residenceCode: values.residenceCode,
  };
}

export function fromPatient(patient: Patient): IdentityFormValues {
  return {
    birthName: patient.birthName,
    firstName: patient.firstName,
    birthFirstNames: patient.birthFirstNames,
    birthDate: toFrenchDate(patient.birthDate),
    sex: patient.sex,
    birthplaceCode: patient.birthplaceCode,
    usedName: patient.usedName ?? '',
    usedFirstName: patient.usedFirstName ?? '',
    identityStatus: patient.identityStatus,
    insMatricule: patient.ins?.matricule ?? '',
    insOid: patient.ins?.oid ?? INS_OID.NIR,
    residenceCode: patient.residenceCode ?? '',
  };
}
