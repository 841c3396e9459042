// Numbers, sizes and dates follow the screen's language (issue 18, point 18): a French screen
// writes 37,2 and "1,5 Mo", an English one 37.2 and "1.5 MB"; French dates are day first, 24-hour.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatNumber, formatTime } from '../../src/renderer/ui/format';

describe('formats that follow the language', () => {
  it('writes a decimal with a comma in French and a point in English', () => {
    expect(formatNumber(37.2, 1, 1, 'fr')).toBe('37,2');
    expect(formatNumber(37.2, 1, 1, 'en')).toBe('37.2');
    expect(formatNumber(0.25, 1, 1, 'fr')).toBe('0,3');
  });

  it('names sizes in each language’s units', () => {
    expect(formatBytes(1_500_000, 'fr')).toBe('1,5 Mo');
    expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
    expect(formatBytes(420, 'fr')).toBe('1 ko');
    expect(formatBytes(42_000_000, 'en')).toBe('42 MB');
  });

  it('writes a French date day first with a 24-hour time', () => {
    const text = formatDateTime(new Date(2026, 6, 14, 21, 5), 'fr');
    expect(text).toMatch(/^14\/07\/2026.*21:05/);
    expect(formatDateTime(new Date(2026, 6, 14, 21, 5), 'en')).toMatch(/PM/);
  });

  it('writes a time of day in the screen’s language, not the browser’s', () => {
    expect(formatTime(new Date(2026, 6, 14, 9, 40), 'fr')).toBe('09:40');
    expect(formatTime(new Date(2026, 6, 14, 21, 40), 'en')).toMatch(/09:40\sPM/);
  });
});
