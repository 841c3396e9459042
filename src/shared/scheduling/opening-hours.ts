// An offer's opening hours as structured rules (issue 22, point 1): the weekdays and hours it is
// served, in France's time (Europe/Paris, whatever the machine's zone), and whether it closes on
// public holidays (french-holidays.ts). Whether it is open at an instant, and when it next opens,
// are computed from the rules, never from free text. An urgent offer is always open.
import { z } from 'zod';
import { publicHolidayOn } from './french-holidays';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export const OpeningRuleSchema = z
  .strictObject({
    /** ISO weekdays: 1 Monday … 7 Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    /** Local time in France, HH:MM; `to` may be 24:00 (until midnight). */
    from: z.string().regex(TIME, 'hours.time_format'),
    to: z.string().regex(TIME, 'hours.time_format'),
  })
  .refine((r) => r.from < r.to, { message: 'hours.ends_before_start', path: ['to'] });
export type OpeningRule = z.infer<typeof OpeningRuleSchema>;

export const OpeningHoursSchema = z.strictObject({
  /** Urgent offers (the stroke alert): reachable at every hour, holidays included. */
  alwaysOpen: z.boolean(),
  rules: z.array(OpeningRuleSchema).max(30),
  /** Closed on France's public holidays (the region's list), or open as any other day. */
  holidays: z.enum(['closed', 'open']),
  region: z.enum(['national', 'alsace-moselle']).default('national'),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The calendar day, ISO weekday and minute of the day in France at an instant. */
export function parisClock(instant: Date): { day: string; weekday: number; minutes: number } {
  const parts = Object.fromEntries(PARIS.formatToParts(instant).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return { day, weekday: weekdayOf(day), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const weekdayOf = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The instant of a local time in France. France is one or two hours ahead of UTC; the offset whose
 * result reads back as that day and minute is the right one. A time the spring change skips (02:30
 * on the last Sunday of March) is taken an hour later, as a clock would show it.
 */
export function parisInstant(day: string, minutes: number): Date {
  const local = Date.parse(`${day}T00:00:00Z`) + minutes * 60_000;
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(local - offsetHours * 3_600_000);
    const back = parisClock(candidate);
    if (back.day === day && back.minutes === minutes % 1440) return candidate;
  }
  return new Date(local - 3_600_000);
}

function closedForHoliday(hours: OpeningHours, day: string): boolean {
  return hours.holidays === 'closed' && publicHolidayOn(day, hours.region) !== null;
}

/** Whether the offer is open at this instant. */
export function isOpenAt(hours: OpeningHours, instant: Date): boolean {
  if (hours.alwaysOpen) return true;
  const now = parisClock(instant);
  if (closedForHoliday(hours, now.day)) return false;
  return hours.rules.some(
    (r) => r.days.includes(now.weekday) && minutesOf(r.from) <= now.minutes && now.minutes < minutesOf(r.to),
  );
}

/** When the offer next opens from this instant: the instant itself when open; null when no rule opens it within 15 days. */
export function nextOpening(hours: OpeningHours, instant: Date): Date | null {
  if (isOpenAt(hours, instant)) return instant;
  let day = parisClock(instant).day;
  for (let i = 0; i < 15; i++, day = nextDay(day)) {
    if (closedForHoliday(hours, day)) continue;
    const starts = hours.rules
      .filter((r) => r.days.includes(weekdayOf(day)))
      .map((r) => parisInstant(day, minutesOf(r.from)))
      .filter((at) => at.getTime() > instant.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (starts[0]) return starts[0];
  }
  return null;
}

/** Every hour of every day, holidays included: the urgent offers' hours. */
export const ALWAYS_OPEN: OpeningHours = { alwaysOpen: true, rules: [], holidays: 'open', region: 'national' };
