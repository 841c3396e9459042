// The public holidays of France for a year (issue 22: an offer's opening hours close on them or
// not, and the on-call rota treats them apart). The eleven national ones are those of article
// L. 3133-1 of the code du travail; Alsace and Moselle add Good Friday and 26 December (article
// L. 3134-13). Three depend on Easter, computed here for the Gregorian calendar. Days are
// calendar days in France (YYYY-MM-DD), never instants: a holiday is the whole day, in Paris.
// Not here: the overseas departments' day of the abolition of slavery (a date per territory,
// decree n° 83-1003), to add with the territory when an offer serves one.

export type HolidayRegion = 'national' | 'alsace-moselle';

export interface PublicHoliday {
  /** YYYY-MM-DD */
  day: string;
  /** Its French name, as calendars print it. */
  name: string;
}

/** Easter Sunday of a Gregorian year (the anonymous algorithm of 1876, Meeus's "Astronomical Algorithms", ch. 8). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const iso = (date: Date) => date.toISOString().slice(0, 10);
/** A calendar day counted in UTC, where days have no daylight saving to skip. */
const dayOf = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** The year's public holidays in France, in calendar order. */
export function publicHolidays(year: number, region: HolidayRegion = 'national'): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999)
    throw new RangeError(`No holiday calendar for the year ${year}: a Gregorian year from 1583 is needed.`);
  const easter = easterSunday(year);
  const sunday = dayOf(year, easter.month, easter.day);
  const days: { date: Date; name: string }[] = [
    { date: dayOf(year, 1, 1), name: 'Jour de l’an' },
    { date: plusDays(sunday, 1), name: 'Lundi de Pâques' },
    { date: dayOf(year, 5, 1), name: 'Fête du Travail' },
    { date: dayOf(year, 5, 8), name: 'Victoire 1945' },
    { date: plusDays(sunday, 39), name: 'Ascension' },
    { date: plusDays(sunday, 50), name: 'Lundi de Pentecôte' },
    { date: dayOf(year, 7, 14), name: 'Fête nationale' },
    { date: dayOf(year, 8, 15), name: 'Assomption' },
    { date: dayOf(year, 11, 1), name: 'Toussaint' },
    { date: dayOf(year, 11, 11), name: 'Armistice 1918' },
    { date: dayOf(year, 12, 25), name: 'Noël' },
  ];
  if (region === 'alsace-moselle')
    days.push(
      { date: plusDays(sunday, -2), name: 'Vendredi saint' },
      { date: dayOf(year, 12, 26), name: 'Saint-Étienne' },
    );
  return days
    .map(({ date, name }) => ({ day: iso(date), name }))
    .sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
}

/** The holiday on this calendar day (YYYY-MM-DD), or null. */
export function publicHolidayOn(day: string, region: HolidayRegion = 'national'): PublicHoliday | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${day}`);
  return publicHolidays(Number(day.slice(0, 4)), region).find((h) => h.day === day) ?? null;
}
