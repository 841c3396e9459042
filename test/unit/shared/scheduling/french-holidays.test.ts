// France's public holidays, checked against the official lists: the eleven days of article
// L. 3133-1 of the code du travail, as service-public.fr publishes them for 2026 and 2027
// ("Jours fériés 2026", "Jours fériés 2027", Direction de l'information légale et administrative),
// and Alsace-Moselle's two more (article L. 3134-13). Easter is checked against the dates the
// Conférence des évêques de France publishes for those years and a few others.
import { describe, expect, it } from 'vitest';
import { easterSunday, publicHolidayOn, publicHolidays } from '../../../../src/shared/scheduling/french-holidays';

describe('public holidays in France', () => {
  it('gives the eleven official days of 2026', () => {
    expect(publicHolidays(2026)).toEqual([
      { day: '2026-01-01', name: 'Jour de l’an' },
      { day: '2026-04-06', name: 'Lundi de Pâques' },
      { day: '2026-05-01', name: 'Fête du Travail' },
      { day: '2026-05-08', name: 'Victoire 1945' },
      { day: '2026-05-14', name: 'Ascension' },
      { day: '2026-05-25', name: 'Lundi de Pentecôte' },
      { day: '2026-07-14', name: 'Fête nationale' },
      { day: '2026-08-15', name: 'Assomption' },
      { day: '2026-11-01', name: 'Toussaint' },
      { day: '2026-11-11', name: 'Armistice 1918' },
      { day: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('gives the eleven official days of 2027, Easter in March', () => {
    expect(publicHolidays(2027).map((h) => h.day)).toEqual([
      '2027-01-01',
      '2027-03-29',
      '2027-05-01',
      '2027-05-06',
      '2027-05-08',
      '2027-05-17',
      '2027-07-14',
      '2027-08-15',
      '2027-11-01',
      '2027-11-11',
      '2027-12-25',
    ]);
  });

  it('adds Good Friday and 26 December in Alsace and Moselle', () => {
    const local = publicHolidays(2026, 'alsace-moselle');
    expect(local).toHaveLength(13);
    expect(local).toContainEqual({ day: '2026-04-03', name: 'Vendredi saint' });
    expect(local.at(-1)).toEqual({ day: '2026-12-26', name: 'Saint-Étienne' });
    expect(publicHolidays(2027, 'alsace-moselle')).toContainEqual({ day: '2027-03-26', name: 'Vendredi saint' });
  });

  it.each([
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2028, 4, 16],
    [2038, 4, 25],
  ])('finds Easter %i on %i/%i', (year, month, day) => {
    expect(easterSunday(year)).toEqual({ month, day });
  });

  it('says whether a day is a holiday, and refuses what is not a day', () => {
    expect(publicHolidayOn('2026-05-14')?.name).toBe('Ascension');
    expect(publicHolidayOn('2026-05-15')).toBeNull();
    expect(publicHolidayOn('2026-12-26')).toBeNull();
    expect(publicHolidayOn('2026-12-26', 'alsace-moselle')?.name).toBe('Saint-Étienne');
    expect(() => publicHolidayOn('14/07/2026')).toThrow(RangeError);
    expect(() => publicHolidays(1200)).toThrow(/Gregorian year/);
  });
});
