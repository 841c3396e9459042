// Identity traits are kept as the RNIV asks: capitals, no diacritics, letters, space, hyphen, apostrophe.

const LIGATURES: Record<string, string> = { Œ: 'OE', œ: 'OE', Æ: 'AE', æ: 'AE', ß: 'SS' };

export function normalizeTrait(raw: string): string {
  return raw
    .replace(/[ŒœÆæß]/g, (ch) => LIGATURES[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`]/g, "'")
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .trim();
}

export const TRAIT_PATTERN = /^[A-Z]+(?:(?: |-|'|' |--)[A-Z]+)*$/;

// Looser key for searching and duplicate detection: no separators at all.
export function searchKey(raw: string): string {
  return normalizeTrait(raw).replace(/[^A-Z]/g, '');
}
