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

function namesMatch(a: StrictTraits, b: StrictTraits): boolean {
  const aNames = [a.birthName, a.usedName].filter(Boolean).map((n) => searchKey(n!));
  const bNames = [b.birthName, b.usedName].filter(Boolean).map((n) => searchKey(n!));
  const lastNameMatches = aNames.some((x) => bNames.some((y) => similar(x, y)));
  return lastNameMatches && similar(searchKey(a.firstName), searchKey(b.firstName));
}

function datesMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [ay, am, ad] = a.split('-');
  const [by, bm, bd] = b.split('-');
  if (ay === by && am === bd && ad === bm) return true; // 03/12 typed as 12/03
  let differing = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
  return differing === 1; // one digit off
}

export function isPossibleDuplicate(a: StrictTraits, b: StrictTraits): boolean {
  if (a.sex !== 'I' && b.sex !== 'I' && a.sex !== b.sex) return false;
  return namesMatch(a, b) && datesMatch(a.birthDate, b.birthDate);
}
