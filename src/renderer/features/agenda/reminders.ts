// Today's appointments and their reminders (issue 22, point 3), computed from the page's clock: an
// appointment is "upcoming" until `minutesBefore` its start, then "reminding" (a notice that stays
// until dismissed), then "due" from its start to its end (the button that opens the act and calls
// the expert). A cancelled or refused appointment reminds nobody.
import { isBooked, type Appointment } from '../../../shared/scheduling/appointment';
import { addDays, startOfDay } from './agenda-time';

export type ReminderPhase = 'upcoming' | 'reminding' | 'due';

export function phaseOf(a: Appointment, now: Date, minutesBefore: number): ReminderPhase | null {
  const start = Date.parse(a.start);
  const end = Date.parse(a.end);
  const at = now.getTime();
  if (!isBooked(a) || end <= at) return null;
  if (at >= start) return 'due';
  if (at >= start - minutesBefore * 60_000) return 'reminding';
  return 'upcoming';
}

/** The booked appointments of today not yet over, earliest first. */
export function todaysAppointments(all: Appointment[], now: Date): Appointment[] {
  const from = startOfDay(now).getTime();
  const to = addDays(startOfDay(now), 1).getTime();
  return all
    .filter((a) => isBooked(a) && Date.parse(a.start) >= from && Date.parse(a.start) < to)
    .filter((a) => Date.parse(a.end) > now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}
