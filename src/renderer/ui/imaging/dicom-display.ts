// How a study's patient, as the modality wrote it, is shown: a DICOM person name (PN,
// "FAMILY^GIVEN^MIDDLE", PS3.5 6.2) as words, its parts apart for a side-by-side check, and
// dates (DA "YYYYMMDD", or the record's ISO dates) in the screen's language, month in words so
// that 04/05 is never read the wrong way round.
export const personName = (pn: string | null) => (pn ? pn.split('^').filter(Boolean).join(' ') : '');

/** The family name, then the given and middle names, of a PN. */
export function nameParts(pn: string | null): { family: string; given: string } {
  const [family = '', given = '', middle = ''] = (pn ?? '').split('^');
  return {
    family: family.trim(),
    given: [given, middle]
      .map((p) => p.trim())
      .filter(Boolean)
      .join(' '),
  };
}

/** "19600504" or "1960-05-04" as "4 mai 1960" / "May 4, 1960"; '' when it is not a date. */
export function displayDate(value: string | null, language: string): string {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(value?.trim() ?? '');
  if (!m) return '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(m[3])) return '';
  const written = new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  // French writes the first of the month "1er" (Intl writes "1").
  return language.startsWith('fr') && date.getUTCDate() === 1 ? written.replace(/^1 /, '1er ') : written;
}
