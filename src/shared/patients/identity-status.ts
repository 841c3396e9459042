// Which identity status a person may ask for, given what the record holds (RNIV volet 1, the
// status matrix: PROV; VALI = a high-trust document checked; RECUP = an INS returned or verified
// by the INSi teleservice; QUAL = RECUP + a high-trust document checked). A typed INS proves
// nothing: RECUP and QUAL only ever follow an INSi answer the station itself received.
import type { FieldError } from '../result';
import type { Identity, IdentityStatus, InsRetrieval, Patient } from './patient';
import { statusCarriesIns } from './patient';

/** What the station holds of a record's INS, or null for an identity not stored yet. */
export interface HeldIns {
  identityStatus: IdentityStatus;
  ins: Patient['ins'];
  insRetrieval: InsRetrieval | null;
}

/** The strict traits (ANS guide: the five INS traits, and the first first name drawn from them). */
export const STRICT_TRAITS = [
  'birthName',
  'firstName',
  'birthFirstNames',
  'birthDate',
  'sex',
  'birthplaceCode',
] as const;
export type StrictTrait = (typeof STRICT_TRAITS)[number];

/** The status an INSi answer gives: QUAL when the document checked bears the traits INSi returned. */
export function statusAfterInsi(documentChecked: boolean, traitsDiffer: boolean): IdentityStatus {
  return documentChecked && !traitsDiffer ? 'QUAL' : 'RECUP';
}

/** Null when the status asked for is one the record may have; else the field and the reason. */
export function statusChangeProblem(held: HeldIns | null, requested: Identity): Omit<FieldError, 'params'> | null {
  if (!statusCarriesIns(requested.identityStatus)) return null;
  // SECURITY: an INS reaches a record only from the INSi gateway's answer, held by main; the page
  // can keep that status, never give it.
  if (!held?.ins || !held.insRetrieval || !statusCarriesIns(held.identityStatus)) {
    return { path: 'identityStatus', code: 'identity.status_needs_insi' };
  }
  if (requested.identityStatus === 'QUAL' && held.identityStatus === 'RECUP') {
    // RECUP to QUAL: the document must have been checked against INSi's traits, so after its answer.
    const checkedOn = requested.identityDocument?.checkedOn ?? '';
    if (checkedOn < held.insRetrieval.at.slice(0, 10))
      return { path: 'identityDocument.checkedOn', code: 'identity.document_before_insi' };
  }
  return null;
}

/** The strict trait a change would touch, if any: those of an identity INSi gave are locked. */
export function changedStrictTrait(
  current: Pick<Patient, StrictTrait>,
  next: Pick<Identity, StrictTrait>,
): StrictTrait | null {
  return STRICT_TRAITS.find((trait) => current[trait] !== next[trait]) ?? null;
}
