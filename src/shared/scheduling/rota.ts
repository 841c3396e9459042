// The on-call rota of an urgent offer (issue 22, point 4): who is on duty when, as a weekly
// pattern plus dated exceptions, edited by the region's coordinator. Each line lists experts in
// the order they are rung: the one on duty first, then the backups. An exception (a swap, a
// leave) replaces the weekly pattern for its whole period. Public holidays follow the Sunday
// pattern by default, as French on-call rotas do ("dimanches et jours fériés").
// Times are France's (Europe/Paris); a night shift is written as two lines (20:00-24:00 and
// 00:00-08:00 of the next day), so that each line belongs to one calendar day.
import { z } from 'zod';
import { publicHolidayOn, type HolidayRegion } from './french-holidays';
import { parisClock } from './opening-hours';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const PeerId = z.string().min(1).max(100);

export const RotaShiftSchema = z
  .strictObject({
    /** ISO weekdays: 1 Monday … 7 Sunday (and public holidays, unless the rota says otherwise). */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: z.string().regex(TIME, 'hours.time_format'),
    to: z.string().regex(TIME, 'hours.time_format'),
    /** The hub identities rung in this order: on duty, then the backups. */
    experts: z.array(PeerId).min(1).max(10),
  })
  .refine((s) => s.from < s.to, { message: 'hours.ends_before_start', path: ['to'] });
export type RotaShift = z.infer<typeof RotaShiftSchema>;

export const RotaExceptionSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    /** Instants (ISO 8601 with offset): the period this line replaces the weekly pattern. */
    from: z.string().datetime({ offset: true }),
    to: z.string().datetime({ offset: true }),
    experts: z.array(PeerId).min(1).max(10),
    /** Why, in the coordinator's words ("échange de garde", "congé"). */
    note: z.string().max(200).default(''),
  })
  .refine((e) => Date.parse(e.from) < Date.parse(e.to), { message: 'hours.ends_before_start', path: ['to'] });
export type RotaException = z.infer<typeof RotaExceptionSchema>;

export const RotaSchema = z.strictObject({
  weekly: z.array(RotaShiftSchema).max(50),
  exceptions: z.array(RotaExceptionSchema).max(200),
  /** On a public holiday, the Sunday lines apply (sunday) or the day's own (weekday). */
  holidays: z.enum(['sunday', 'weekday']).default('sunday'),
  /** Seconds an expert rings without an answer before the next one on the line is rung. */
  escalateAfterSeconds: z.number().int().min(10).max(600).default(30),
});
export type Rota = z.infer<typeof RotaSchema>;

export interface OnDuty {
  /** Who to ring, in order; empty when no line covers the instant. */
  experts: string[];
  /** Which line decided: an exception (with its id), the weekly pattern, or a holiday's Sunday lines. */
  source: { kind: 'exception'; id: string } | { kind: 'weekly' } | { kind: 'holiday'; name: string } | { kind: 'none' };
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const unique = (ids: string[]) => [...new Set(ids)];

/** Who is on duty at an instant, in the order they are rung. */
export function onDutyAt(rota: Rota, instant: Date, region: HolidayRegion = 'national'): OnDuty {
  const at = instant.getTime();
  const exceptions = rota.exceptions.filter((e) => Date.parse(e.from) <= at && at < Date.parse(e.to));
  if (exceptions.length > 0)
    return {
      experts: unique(exceptions.flatMap((e) => e.experts)),
      source: { kind: 'exception', id: exceptions[0]!.id },
    };
  const clock = parisClock(instant);
  const holiday = publicHolidayOn(clock.day, region);
  const weekday = holiday && rota.holidays === 'sunday' ? 7 : clock.weekday;
  const shifts = rota.weekly.filter(
    (s) => s.days.includes(weekday) && minutesOf(s.from) <= clock.minutes && clock.minutes < minutesOf(s.to),
  );
  if (shifts.length === 0) return { experts: [], source: { kind: 'none' } };
  const experts = unique(shifts.flatMap((s) => s.experts));
  return {
    experts,
    source: holiday && rota.holidays === 'sunday' ? { kind: 'holiday', name: holiday.name } : { kind: 'weekly' },
  };
}
