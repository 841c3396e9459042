// A time of the stroke timeline as a person types it in France: the date as JJ/MM/AAAA and the
// time on 24 hours (HH:MM, or 23h30), on the station's clock. Typed text rather than the
// browser's date and time pickers, which follow the browser's language (an English machine
// shows 12-hour AM/PM) and cannot show an onset before midnight as the day before.

export type TypedTimeProblem = 'date.invalid' | 'time.invalid' | 'in_future';
export type TypedTime = { ok: true; at: string } | { ok: false; problem: TypedTimeProblem };

/** A minute of slack: the clock of the tablet and of the station may differ a little. */
const FUTURE_SLACK_MS = 60_000;

export function parseTypedDateTime(dateText: string, timeText: string, now: Date): TypedTime {
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(dateText.trim());
  if (!date) return { ok: false, problem: 'date.invalid' };
  const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
  // new Date rolls 31/11 over to 01/12: a date that does not exist is refused, not moved.
  const midday = new Date(year, month - 1, day, 12);
  if (midday.getFullYear() !== year || midday.getMonth() !== month - 1 || midday.getDate() !== day)
    return { ok: false, problem: 'date.invalid' };
  const time = /^(\d{1,2})[:hH](\d{2})$/.exec(timeText.trim());
  if (!time || Number(time[1]) > 23 || Number(time[2]) > 59) return { ok: false, problem: 'time.invalid' };
  const at = new Date(year, month - 1, day, Number(time[1]), Number(time[2]));
  if (at.getTime() > now.getTime() + FUTURE_SLACK_MS) return { ok: false, problem: 'in_future' };
  return { ok: true, at: at.toISOString() };
}

const two = (n: number) => String(n).padStart(2, '0');
export const typedDateOf = (d: Date): string => `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
export const typedTimeOf = (d: Date): string => `${two(d.getHours())}:${two(d.getMinutes())}`;
