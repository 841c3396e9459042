// INS (Identité Nationale de Santé): matricule format, control key and OIDs. Pure rules, no I/O.

// OIDs of the INS identifier systems (ANS, Référentiel INS).
export const INS_OID = {
  NIR: '1.2.250.1.213.1.4.8',
  NIA: '1.2.250.1.213.1.4.9',
  NIR_TEST: '1.2.250.1.213.1.4.10',
  NIA_TEST: '1.2.250.1.213.1.4.11',
} as const;
export type InsOid = (typeof INS_OID)[keyof typeof INS_OID];
export const INS_OIDS = Object.values(INS_OID) as [InsOid, ...InsOid[]];

export function isTestOid(oid: InsOid): boolean {
  return oid === INS_OID.NIR_TEST || oid === INS_OID.NIA_TEST;
}

// People type the matricule with spaces or dots as printed on cards: keep only what counts.
export function normalizeMatricule(raw: string): string {
  return raw.replace(/[\s.]/g, '').toUpperCase();
}

// 13 characters: sex (1), year (2), month (2), department (2, or 2A/2B), commune (3), order (3).
const NIR_SHAPE = /^[1-478]\d{4}(\d{2}|2A|2B)\d{6}$/;

export type InsProblem =
  | 'ins.length' // not 15 characters
  | 'ins.format' // characters that cannot be in a NIR
  | 'ins.key_mismatch'; // the control key does not match the 13 first characters

// Corsica: the departments 2A and 2B are replaced by 19 and 18 before computing the key.
function nirAsNumber(nir13: string): number {
  const digits = nir13.slice(0, 5) + nir13.slice(5, 7).replace('2A', '19').replace('2B', '18') + nir13.slice(7);
  return Number(digits); // at most 13 digits: exact in a double
}

export function insKey(nir13: string): string {
  const key = 97 - (nirAsNumber(nir13) % 97);
  return String(key).padStart(2, '0');
}

export function checkMatricule(raw: string): InsProblem | null {
  const matricule = normalizeMatricule(raw);
  if (matricule.length !== 15) return 'ins.length';
  const nir = matricule.slice(0, 13);
  const key = matricule.slice(13);
  if (!NIR_SHAPE.test(nir) || !/^\d{2}$/.test(key)) return 'ins.format';
  if (insKey(nir) !== key) return 'ins.key_mismatch';
  return null;
}

export type Sex = 'M' | 'F' | 'I';

// What the NIR itself says of the person, for cross-checking with the typed traits.
export interface NirFacts {
  sex: 'M' | 'F';
  birthYear2: string; // last two digits of the birth year
  birthMonth: string | null; // null when the NIR uses a fictitious month (20-42, 50+)
}

export function nirFacts(matricule: string): NirFacts {
  const m = normalizeMatricule(matricule);
  const sexDigit = m[0];
  const month = m.slice(3, 5);
  const monthNumber = Number(month);
  return {
    sex: sexDigit === '1' || sexDigit === '3' || sexDigit === '7' ? 'M' : 'F',
    birthYear2: m.slice(1, 3),
    birthMonth: monthNumber >= 1 && monthNumber <= 12 ? month : null,
  };
}

export type InsCoherenceProblem = 'ins.sex_mismatch' | 'ins.birth_year_mismatch' | 'ins.birth_month_mismatch';

// A typo in the birth date or sex, or an INS typed for the wrong patient, shows as a mismatch.
export function checkCoherence(matricule: string, sex: Sex, birthDate: string): InsCoherenceProblem | null {
  const facts = nirFacts(matricule);
  if (sex !== 'I' && facts.sex !== sex) return 'ins.sex_mismatch';
  if (birthDate.slice(2, 4) !== facts.birthYear2) return 'ins.birth_year_mismatch';
  if (facts.birthMonth !== null && birthDate.slice(5, 7) !== facts.birthMonth) return 'ins.birth_month_mismatch';
  return null;
}
