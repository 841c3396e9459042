// "Mes disponibilités" (issue 22, point 4): a day, from, to and a slot length become the slots the
// expert publishes, in the page's own time zone (the station is in France). Each problem is named
// by its field, in the product's words.
import { parseTypedDate, parseTypedTime } from '../../ui/typed-values';

export const SLOT_LENGTHS = [15, 20, 30, 45, 60] as const;

export interface AvailabilityInput {
  day: string;
  from: string;
  to: string;
  minutes: number;
}

export type AvailabilityProblem = Partial<
  Record<'day' | 'from' | 'to', 'date_invalid' | 'time_invalid' | 'ends_before_start' | 'no_slot' | 'past'>
>;

export function slotsOfDay(
  input: AvailabilityInput,
  now: Date,
): { slots: { start: string; end: string }[] } | { problems: AvailabilityProblem } {
  const day = parseTypedDate(input.day);
  const from = parseTypedTime(input.from);
  const to = parseTypedTime(input.to);
  const problems: AvailabilityProblem = {};
  if (!day) problems.day = 'date_invalid';
  if (!from) problems.from = 'time_invalid';
  if (!to) problems.to = 'time_invalid';
  if (!day || !from || !to) return { problems };
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = (time: string) => new Date(y, m - 1, d, Number(time.slice(0, 2)), Number(time.slice(3, 5)));
  const start = at(from);
  const end = at(to);
  if (end <= start) return { problems: { to: 'ends_before_start' } };
  const slots: { start: string; end: string }[] = [];
  for (let t = start.getTime(); t + input.minutes * 60_000 <= end.getTime(); t += input.minutes * 60_000)
    if (t > now.getTime())
      slots.push({ start: new Date(t).toISOString(), end: new Date(t + input.minutes * 60_000).toISOString() });
  if (slots.length === 0) return { problems: end.getTime() <= now.getTime() ? { day: 'past' } : { to: 'no_slot' } };
  return { slots };
}
