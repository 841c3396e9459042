// The search tokens of a patient's names: each name whole (LE GALL -> LEGALL) and each of its
// words (LE, GALL), for birth and used names and every first name. Indexed, so that a search
// by name prefix is a range look-up instead of a scan of the registry.
import { searchKey } from '../../../shared/names';

export interface NamedPatient {
  birthName: string;
  usedName: string | null;
  birthFirstNames: string;
  usedFirstName: string | null;
  /** The first first name: alone when the list of birth first names is not known yet (PROV). */
  firstName?: string;
}

export function nameTokens(p: NamedPatient): string[] {
  const tokens = new Set<string>();
  for (const name of [p.birthName, p.usedName, p.firstName, p.birthFirstNames, p.usedFirstName]) {
    if (!name) continue;
    tokens.add(searchKey(name));
    for (const word of name.split(/[\s'-]+/)) tokens.add(searchKey(word));
  }
  tokens.delete('');
  return [...tokens];
}

/** The upper bound of a prefix range over A-Z keys: "[" sorts right after "Z". */
export const prefixEnd = (prefix: string) => `${prefix}[`;
