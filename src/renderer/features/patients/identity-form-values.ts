// The identity form's values (strings as typed) <-> the contract's identity input. The INS INSi
// gave is not a form value: the page never sends one (main keeps it); a number typed here is only
// ever "to be checked".
import { INS_OID, type InsOid } from '../../../shared/patients/ins';
import type { IdentityDocumentType, ParentDocumentType } from '../../../shared/patients/identity-document';
import type { IdentityInput, IdentityStatus, Patient } from '../../../shared/patients/patient';
import { toFrenchDate, toIsoDate } from '../../ui/parse-search';

export interface IdentityFormValues {
  birthName: string;
  firstName: string;
  birthFirstNames: string;
  birthDate: string; // JJ/MM/AAAA as typed
  sex: '' | 'M' | 'F' | 'I';
  birthplaceCode: string;
  usedName: string;
  usedFirstName: string;
  documentType: '' | IdentityDocumentType;
  parentDocument: '' | ParentDocumentType;
  checkedBy: string;
  checkedOn: string; // JJ/MM/AAAA as typed
  identityStatus: IdentityStatus;
  typedInsMatricule: string;
  typedInsOid: InsOid;
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
  documentType: '',
  parentDocument: '',
  checkedBy: '',
  checkedOn: '',
  identityStatus: 'PROV',
  typedInsMatricule: '',
  typedInsOid: INS_OID.NIR,
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
    typedIns: values.typedInsMatricule.trim() ? { matricule: values.typedInsMatricule, oid: values.typedInsOid } : null,
    identityDocument: values.documentType
      ? {
          type: values.documentType,
          parentDocument: values.parentDocument || null,
          checkedBy: values.checkedBy,
          checkedOn: toIsoDate(values.checkedOn),
        }
      : null,
    residenceCode: values.residenceCode,
  };
}

export function fromPatient(patient: Patient): IdentityFormValues {
  const document = patient.identityDocument;
  return {
    birthName: patient.birthName,
    firstName: patient.firstName,
    birthFirstNames: patient.birthFirstNames,
    birthDate: toFrenchDate(patient.birthDate),
    sex: patient.sex,
    birthplaceCode: patient.birthplaceCode,
    usedName: patient.usedName ?? '',
    usedFirstName: patient.usedFirstName ?? '',
    documentType: document?.type ?? '',
    parentDocument: document?.parentDocument ?? '',
    checkedBy: document?.checkedBy ?? '',
    checkedOn: document ? toFrenchDate(document.checkedOn) : '',
    identityStatus: patient.identityStatus,
    typedInsMatricule: patient.typedIns?.matricule ?? '',
    typedInsOid: patient.typedIns?.oid ?? INS_OID.NIR,
    residenceCode: patient.residenceCode ?? '',
  };
}

/** Today as the form shows dates (JJ/MM/AAAA), for the day a document is checked. */
export function todayTyped(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()}`;
}
