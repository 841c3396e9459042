// Maps the station's field errors (paths in the contract payload) onto the form's fields.
import type { FieldError } from '../../../shared/result';
import type { IdentityFormValues } from './identity-form-values';

export type FormErrors = Partial<Record<keyof IdentityFormValues, FieldError>>;

const PATH_TO_FIELD: Record<string, keyof IdentityFormValues> = {
  'identity.ins': 'insMatricule',
  'identity.ins.matricule': 'insMatricule',
  'identity.ins.oid': 'insOid',
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

const EMPTY_KEYS: Record<keyof IdentityFormValues, true> = {
  birthName: true,
  firstName: true,
  birthFirstNames: true,
  birthDate: true,
  sex: true,
  birthplaceCode: true,
  usedName: true,
  usedFirstName: true,
  identityStatus: true,
  insMatricule: true,
  insOid: true,
  residenceCode: true,
};

// The order of the fields on screen, to focus the first one in error.
export const FIELD_ORDER = Object.keys(EMPTY_KEYS) as (keyof IdentityFormValues)[];
