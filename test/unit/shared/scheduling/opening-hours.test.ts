// An offer's opening hours as rules, in France's time: open or not at an instant, and when it next
// opens, across a weekend, a public holiday it closes on (Ascension 2026, Thursday 14 May, on the
// official list: service-public.fr, "Jours fériés 2026"), and both clock changes of 2026 (29 March
// and 25 October, directive 2000/84/CE: the last Sundays of March and October).
import { describe, expect, it } from 'vitest';
import {
  isOpenAt,
  nextOpening,
  OpeningHoursSchema,
  parisClock,
  parisInstant,
  type OpeningHours,
} from '../../../../src/shared/scheduling/opening-hours';

/** A dermatology offer: weekdays 9:00-12:30 and 14:00-18:00, closed on public holidays. */
const WEEKDAYS: OpeningHours = OpeningHoursSchema.parse({
  alwaysOpen: false,
  rules: [
    { days: [1, 2, 3, 4, 5], from: '09:00', to: '12:30' },
    { days: [1, 2, 3, 4, 5], from: '14:00', to: '18:00' },
  ],
  holidays: 'closed',
});
const at = (iso: string) => new Date(iso);

describe('opening hours', () => {
  it('reads the instant in France’s time, summer and winter alike', () => {
    expect(parisClock(at('2026-01-15T08:00:00Z'))).toEqual({ day: '2026-01-15', weekday: 4, minutes: 9 * 60 });
    expect(parisClock(at('2026-07-15T07:00:00Z'))).toEqual({ day: '2026-07-15', weekday: 3, minutes: 9 * 60 });
    expect(parisClock(at('2026-12-31T23:30:00Z'))).toMatchObject({ day: '2027-01-01', weekday: 5 });
    expect(parisInstant('2026-01-15', 9 * 60).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(parisInstant('2026-07-15', 9 * 60).toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('is open within its hours and closed between them, at night and on the weekend', () => {
    expect(isOpenAt(WEEKDAYS, at('2026-01-15T08:00:00Z'))).toBe(true); // Thursday 9:00
    expect(isOpenAt(WEEKDAYS, at('2026-01-15T11:30:00Z'))).toBe(false); // 12:30, the morning just ended
    expect(isOpenAt(WEEKDAYS, at('2026-01-15T13:00:00Z'))).toBe(true); // 14:00
    expect(isOpenAt(WEEKDAYS, at('2026-01-15T21:00:00Z'))).toBe(false); // 22:00
    expect(isOpenAt(WEEKDAYS, at('2026-01-17T10:00:00Z'))).toBe(false); // Saturday
  });

  it('opens next on Monday morning after a Friday evening', () => {
    expect(nextOpening(WEEKDAYS, at('2026-01-16T18:00:00Z'))?.toISOString()).toBe('2026-01-19T08:00:00.000Z');
    expect(nextOpening(WEEKDAYS, at('2026-01-15T11:45:00Z'))?.toISOString()).toBe('2026-01-15T13:00:00.000Z');
  });

  it('closes on Ascension 2026 and opens the day after; open as any Thursday when holidays are worked', () => {
    expect(isOpenAt(WEEKDAYS, at('2026-05-14T08:00:00Z'))).toBe(false);
    expect(nextOpening(WEEKDAYS, at('2026-05-13T17:00:00Z'))?.toISOString()).toBe('2026-05-15T07:00:00.000Z');
    expect(isOpenAt({ ...WEEKDAYS, holidays: 'open' }, at('2026-05-14T08:00:00Z'))).toBe(true);
  });

  it('opens at 9:00 in France’s time on both sides of the clock changes', () => {
    // Friday 27 March 18:00 CET, next opening Monday 30 March 9:00 CEST = 07:00 UTC.
    expect(nextOpening(WEEKDAYS, at('2026-03-27T17:00:00Z'))?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    // Friday 23 October 18:00 CEST, next opening Monday 26 October 9:00 CET = 08:00 UTC.
    expect(nextOpening(WEEKDAYS, at('2026-10-23T16:00:00Z'))?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    // A time the spring change skips is taken an hour later, as the clock shows it.
    expect(parisInstant('2026-03-29', 2 * 60 + 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('an urgent offer is always open; an offer without rules never opens', () => {
    const urgent = OpeningHoursSchema.parse({ alwaysOpen: true, rules: [], holidays: 'open' });
    expect(isOpenAt(urgent, at('2026-12-25T03:00:00Z'))).toBe(true);
    const none = OpeningHoursSchema.parse({ alwaysOpen: false, rules: [], holidays: 'closed' });
    expect(nextOpening(none, at('2026-01-15T08:00:00Z'))).toBeNull();
  });

  it('refuses rules a person could not mean, saying which', () => {
    const bad = (rule: object) =>
      OpeningHoursSchema.safeParse({ alwaysOpen: false, rules: [rule], holidays: 'closed' }).error?.issues[0]?.message;
    expect(bad({ days: [1], from: '18:00', to: '09:00' })).toBe('hours.ends_before_start');
    expect(bad({ days: [1], from: '9h', to: '12:00' })).toBe('hours.time_format');
    expect(bad({ days: [8], from: '09:00', to: '12:00' })).toBeDefined();
    expect(bad({ days: [1], from: '00:00', to: '24:00' })).toBeUndefined();
  });
});
