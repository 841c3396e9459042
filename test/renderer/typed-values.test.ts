// The typed time, date and month of the product's own inputs (issue 20, point 5): 24-hour
// French formats whatever the browser's language, and garbage refused rather than guessed.
import { describe, expect, it } from 'vitest';
import {
  monthOf,
  monthValue,
  parseTypedDate,
  parseTypedTime,
  typedDateOfIso,
} from '../../src/renderer/ui/typed-values';

describe('parseTypedTime', () => {
  it('reads HH:MM on 24 hours, and 9h05 as a French person writes it', () => {
    expect(parseTypedTime('09:40')).toBe('09:40');
    expect(parseTypedTime('9:40')).toBe('09:40');
    expect(parseTypedTime(' 21h05 ')).toBe('21:05');
    expect(parseTypedTime('23:59')).toBe('23:59');
    expect(parseTypedTime('00:00')).toBe('00:00');
  });
  it('refuses what is not a time of day', () => {
    for (const garbage of ['', '24:00', '12:60', '9:4', '09:40 AM', '9 PM', 'abc', '12:345', '-1:00', '1240'])
      expect(parseTypedTime(garbage), garbage).toBeNull();
  });
});

describe('parseTypedDate', () => {
  it('reads JJ/MM/AAAA into an ISO date', () => {
    expect(parseTypedDate('17/02/1941')).toBe('1941-02-17');
    expect(parseTypedDate('1/2/2026')).toBe('2026-02-01');
    expect(parseTypedDate('29/02/2024')).toBe('2024-02-29');
  });
  it('refuses dates that do not exist and other orders', () => {
    for (const garbage of ['', '31/11/2026', '29/02/2026', '00/01/2026', '2026-02-17', '02/17/2026', '17/02/26', 'x'])
      expect(parseTypedDate(garbage), garbage).toBeNull();
  });
  it('writes an ISO date back as JJ/MM/AAAA', () => {
    expect(typedDateOfIso('1941-02-17')).toBe('17/02/1941');
    expect(typedDateOfIso('nonsense')).toBe('');
  });
});

describe('months', () => {
  it('splits and joins YYYY-MM', () => {
    expect(monthOf('2026-07')).toEqual({ year: 2026, month: 7 });
    expect(monthValue(2026, 7)).toBe('2026-07');
    expect(monthValue(2026, 12)).toBe('2026-12');
  });
  it('refuses a month that is not one', () => {
    for (const garbage of ['', '2026-13', '2026-00', '26-07', '2026/07', 'July 2026'])
      expect(monthOf(garbage)).toBeNull();
    expect(() => monthValue(2026, 13)).toThrow();
    expect(() => monthValue(99999, 1)).toThrow();
  });
});
