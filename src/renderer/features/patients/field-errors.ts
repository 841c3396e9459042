// Maps the station's field errors (paths in the contract payload) onto the form's fields.
import type { FieldError } from '../../../shared/result';
import type { IdentityFormValues } from './identity-form-values';

export type FormErrors = Partial<Record<keyof IdentityFormValues, FieldError>>;

const PATH_TO_FIELD: Record<string, keyof IdentityFormValues> = {
  'identity.typedIns': 'typedInsMatricule',
  'identity.typedIns.matricule': 'typedInsMatricule',
  'identity.typedIns.oid': 'typedInsOid',
  'identity.identityDocument': 'documentType',
  'identity.identityDocument.type': 'documentType',
  'identity.identityDocument.parentDocument': 'parentDocument',
  'identity.identityDocument.checkedBy': 'checkedBy',
  'identity.identityDocument.checkedOn': 'checkedOn',
};

export function toFormErrors(fields: readonly FieldError[] = []): { byField: FormErrors; other: FieldError[] } {
  const byField: FormErrors = {};
  const other: FieldError[] = [];
  for (const error of fields) {
    const field = PATH_TO_FIELD[error.path] ?? (error.path.replace(/^identity\./, '') as keyof IdentityFormValues);
    if (field in EMPTY_KEYS && !byField[field]) byField[field] = error;
    else other.push(error);
  }
  return { byField, other };
}

// In the order of the fields on screen, to focus the first one in error.
const EMPTY_KEYS: Record<keyof IdentityFormValues, true> = {
  birthName: true,
  firstName: true,
  birthFirstNames: true,
  birthDate: true,
  sex: true,
  birthplaceCode: true,
  usedName: true,
  usedFirstName: true,
  documentType: true,
  parentDocument: true,
  checkedBy: true,
  checkedOn: true,
  identityStatus: true,
  typedInsMatricule: true,
  typedInsOid: true,
  residenceCode: true,
};

export const FIELD_ORDER = Object.keys(EMPTY_KEYS) as (keyof IdentityFormValues)[];
