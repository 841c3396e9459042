// The agenda's periods in the page's own clock and time zone (the station is in France): a day from
// midnight to midnight, a week from Monday. Computed from a Date given by the caller, so that the
// page's clock (Date.now(), which Playwright's page.clock mocks) decides what "today" is.
export type AgendaMode = 'day' | 'week';

export function startOfDay(at: Date): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate());
}

/** The same time, `days` calendar days later (a daylight-saving change keeps midnight at midnight). */
export function addDays(at: Date, days: number): Date {
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + days, at.getHours(), at.getMinutes());
}

/** Monday of the week, at midnight (the French week). */
export function startOfWeek(at: Date): Date {
  const day = startOfDay(at);
  return addDays(day, -((day.getDay() + 6) % 7));
}

/** The period the agenda shows around `at`: [from, to). */
export function periodOf(mode: AgendaMode, at: Date): { from: Date; to: Date } {
  const from = mode === 'day' ? startOfDay(at) : startOfWeek(at);
  return { from, to: addDays(from, mode === 'day' ? 1 : 7) };
}

export const sameDay = (a: Date, b: Date): boolean => startOfDay(a).getTime() === startOfDay(b).getTime();

/** "lundi 7 décembre" / "Monday 7 December": a day as the language names it. */
export function formatDay(at: Date, language: string): string {
  return at.toLocaleDateString(language, { weekday: 'long', day: 'numeric', month: 'long' });
}
