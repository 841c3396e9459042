// Records the patient the pharmacist identified: the identity she typed, provisional, or validated
// when she checked a high-trust identity document, which then names her (the session's author,
// asked once through "Qui êtes-vous ?" when nobody has said it yet) and today's date (RNIV volet 1).
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { needAuthor } from '../../ui/author-store';
import { toIsoDate } from '../../ui/parse-search';

export interface IdentityForm {
  birthName: string;
  firstName: string;
  birthFirstNames: string;
  birthDate: string;
  sex: '' | 'M' | 'F';
  birthplaceCode: string;
  documentType: string;
  parentDocument: string;
}

export type Registration =
  | { kind: 'created'; patient: Patient }
  | { kind: 'duplicates'; candidates: Patient[] }
  | { kind: 'refused'; error: AppError }
  /** She closed "Qui êtes-vous ?" without answering: nothing is recorded. */
  | { kind: 'noAuthor' };

const today = () => new Date().toLocaleDateString('sv'); // YYYY-MM-DD, the station's day

export async function registerPatient(form: IdentityForm, notDuplicateOf: string[]): Promise<Registration> {
  // A cabin's author is most likely its pharmacist: the question opens with that profession chosen.
  const author = await needAuthor('pharmacist');
  if (!author) return { kind: 'noAuthor' };
  const document = form.documentType
    ? {
        type: form.documentType as 'passport',
        parentDocument: (form.parentDocument || null) as 'passport' | null,
        checkedBy: author.name,
        checkedOn: today(),
      }
    : null;
  const identity = {
    birthName: form.birthName,
    firstName: form.firstName,
    birthFirstNames: form.birthFirstNames,
    birthDate: toIsoDate(form.birthDate),
    sex: form.sex as 'M',
    birthplaceCode: form.birthplaceCode,
    identityStatus: document ? ('VALI' as const) : ('PROV' as const),
    identityDocument: document,
  };
  const result = await relais.invoke('patients.create', { identity, notDuplicateOf });
  if (!result.ok) return { kind: 'refused', error: result.error };
  if (result.value.status === 'possible_duplicates') return { kind: 'duplicates', candidates: result.value.candidates };
  return { kind: 'created', patient: result.value.patient };
}
