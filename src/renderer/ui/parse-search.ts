// One search box for a nurse: a name, a birth date (JJ/MM/AAAA) or an INS matricule, or a mix.
import type { PatientSearch } from '../../shared/patients/patient';

const DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/;
const MATRICULE = /^[\d\s.]*(?:2A|2B)?[\d\s.]*$/i;

export function parseSearch(text: string): PatientSearch {
  let rest = text.trim();
  const query: PatientSearch = {};
  const date = DATE.exec(rest);
  if (date) {
    const [whole, day, month, year] = date;
    query.birthDate = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
    rest = rest.replace(whole, ' ').trim();
  }
  const compact = rest.replace(/[\s.]/g, '');
  if (compact.length >= 13 && compact.length <= 15 && MATRICULE.test(rest)) {
    query.insMatricule = compact.toUpperCase();
    rest = '';
  }
  if (rest) query.name = rest;
  return query;
}

// JJ/MM/AAAA as typed -> YYYY-MM-DD for the contract; anything else is sent as typed, so the
// station answers with a field error rather than the form guessing.
export function toIsoDate(typed: string): string {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(typed);
  if (!match) return typed.trim();
  return `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
}

export function toFrenchDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
