// Is a stored identity possibly the same person as a new one? Catches the usual typing errors:
// a letter off in a name, birth and used names swapped, day and month swapped in the date.
import { searchKey } from '../names';

export interface StrictTraits {
  birthName: string;
  usedName: string | null;
  firstName: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'M' | 'F' | 'I';
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(current[j - 1]! + 1, previous[j]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

// One typo per 5 letters, at least one: DUPOND/DUPONT, LEFEVRE/LEFEBVRE.
function similar(a: string, b: string): boolean {
  if (!a || !b) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 5));
}

const nameKeys = (t: StrictTraits) => [t.birthName, t.usedName].filter(Boolean).map((n) => searchKey(n!));

function datesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  if (ay === by && am === bd && ad === bm) return true; // 03/12 typed as 12/03
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return differing === 1; // one digit off
}

/**
 * Every birth date a stored identity can have for datesMatch to call it a possible duplicate of
 * one born on this date: the date itself, day and month swapped, and each digit typed as another.
 * The duplicate check reads exactly these dates from the registry (an index lookup), so that it
 * neither scans the whole registry nor stops at a pool size and misses a duplicate.
 */
export function datesWithinOneTypo(date: string): string[] {
  const dates = new Set([date]);
  const [year, month, day] = date.split('-');
  if (year && month && day) dates.add(`${year}-${day}-${month}`);
  for (let i = 0; i < date.length; i++) {
    // A stored date is YYYY-MM-DD: its dashes never differ.
    if (date[i] === '-') continue;
    for (const digit of '0123456789') if (digit !== date[i]) dates.add(date.slice(0, i) + digit + date.slice(i + 1));
  }
  return [...dates];
}

/**
 * The check of one new identity against many stored ones: its names are normalised once, and the
 * cheap traits (sex, date) are compared before the names.
 */
export function possibleDuplicateOf(a: StrictTraits): (b: StrictTraits) => boolean {
  const aNames = nameKeys(a);
  const aFirstName = searchKey(a.firstName);
  return (b) => {
    if (a.sex !== 'I' && b.sex !== 'I' && a.sex !== b.sex) return false;
    if (!datesMatch(a.birthDate, b.birthDate)) return false;
    const bNames = nameKeys(b);
    const lastNameMatches = aNames.some((x) => bNames.some((y) => similar(x, y)));
    return lastNameMatches && similar(aFirstName, searchKey(b.firstName));
  };
}

export function isPossibleDuplicate(a: StrictTraits, b: StrictTraits): boolean {
  return possibleDuplicateOf(a)(b);
}
