// What changed between two versions of an identity, field by field, for its history: every trait,
// the status, the INS from INSi, the typed INS "to be checked" and the identity document.
import type { IdentityChange } from './insi';
import type { Patient } from './patient';

const TRACKED = [
  'birthName',
  'firstName',
  'birthFirstNames',
  'birthDate',
  'sex',
  'birthplaceCode',
  'usedName',
  'usedFirstName',
  'identityStatus',
  'ins',
  'typedIns',
  'identityDocument',
  'residenceCode',
] as const;
type Tracked = Pick<Patient, (typeof TRACKED)[number]>;

function shown(field: (typeof TRACKED)[number], identity: Tracked | null): string | null {
  if (!identity) return null;
  const value = identity[field];
  if (value === null || value === '') return null;
  if (field === 'ins' || field === 'typedIns') {
    const ins = value as NonNullable<Patient['ins']>;
    return `${ins.matricule} (${ins.oid})`;
  }
  // The document as JSON: the page names its type and its checker in the screen's language.
  if (field === 'identityDocument') return JSON.stringify(value);
  return String(value);
}

/** The fields whose value differs, with both values (null: empty); from null for a new identity. */
export function identityChanges(previous: Tracked | null, next: Tracked): IdentityChange[] {
  return TRACKED.map((field) => ({ field, from: shown(field, previous), to: shown(field, next) })).filter(
    (c) => c.from !== c.to,
  );
}
