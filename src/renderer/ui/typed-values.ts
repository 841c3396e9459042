// Times, dates and months as a person types them in France, for the product's own inputs
// (time-input, date-input, month-input): HH:MM on 24 hours, JJ/MM/AAAA, a month and a year.
// The browser's own pickers follow the browser's language (an English machine shows "09:40 AM"
// and "July 2026" on a French screen), so the station reads typed text instead. Garbage is
// refused (null), never guessed.

const two = (n: number) => String(n).padStart(2, '0');

/** "09:40", "9:40" or "21h05" into "HH:MM"; null for anything else (12-hour times included). */
export function parseTypedTime(text: string): string | null {
  const time = /^(\d{1,2})[:hH](\d{2})$/.exec(text.trim());
  if (!time) return null;
  const [hours, minutes] = [Number(time[1]), Number(time[2])];
  if (hours > 23 || minutes > 59) return null;
  return `${two(hours)}:${two(minutes)}`;
}

/** "17/02/1941" into "1941-02-17"; null for a date that does not exist (31/11) or another order. */
export function parseTypedDate(text: string): string | null {
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!date) return null;
  const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
  // Date.UTC rolls 31/11 over to 01/12: a date that does not exist is refused, not moved.
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${two(month)}-${two(day)}`;
}

/** "1941-02-17" written back as "17/02/1941" (empty when it is not an ISO date). */
export function typedDateOfIso(iso: string): string {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return date ? `${date[3]}/${date[2]}/${date[1]}` : '';
}

/** "2026-07" into its year and month; null for anything else. */
export function monthOf(value: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/** A year and a month (1-12) as "YYYY-MM", the form the station's channels take. */
export function monthValue(year: number, month: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || !Number.isInteger(month) || month < 1 || month > 12)
    throw new RangeError(`not a month: ${year}-${month}`);
  return `${year}-${two(month)}`;
}
