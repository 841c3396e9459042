// What the pharmacist can read from the number on a Carte Vitale (the NIR with its key) to speed up
// identification: sex and birthplace, and the birth year and month to check against the typed
// date. It is NOT the patient's INS: the card may be a parent's (a child's rights are on a
// parent's card), and an INS exists only once the INSi teleservice returned it; so the number is
// never stored as an INS, and nothing is taken from it before the pharmacist says whose card it is.
import { checkMatricule, nirFacts, normalizeMatricule, type InsProblem } from '../patients/ins';

export interface CarteVitaleFacts {
  sex: 'M' | 'F';
  /** INSEE code of the birthplace (dept + commune, 97xxx overseas, 99xxx abroad). */
  birthplaceCode: string;
  birthYear2: string;
  birthMonth: string | null;
}

export type CarteVitaleReading = { ok: true; facts: CarteVitaleFacts } | { ok: false; problem: InsProblem };

export function readCarteVitaleNumber(raw: string): CarteVitaleReading {
  const problem = checkMatricule(raw);
  if (problem) return { ok: false, problem };
  const number = normalizeMatricule(raw);
  const facts = nirFacts(number);
  return { ok: true, facts: { ...facts, birthplaceCode: number.slice(5, 10) } };
}

/** Whose card the pharmacist says it is; null until she has said. */
export type CardHolder = 'patient' | 'someone_else' | null;

/**
 * The traits the cabin may copy from the card: only from the patient's own card, once the
 * pharmacist said so (a parent's number gives the parent's sex and birthplace).
 */
export function cardTraitsToCopy(
  facts: CarteVitaleFacts,
  holder: CardHolder,
): { sex: 'M' | 'F'; birthplaceCode: string } | null {
  return holder === 'patient' ? { sex: facts.sex, birthplaceCode: facts.birthplaceCode } : null;
}
