// How long before an appointment the station reminds: RELAIS_REMINDER_MINUTES, 15 by default; a value
// a site's IT could not have meant stops the start with the setting's name and its range.
import { describe, expect, it } from 'vitest';
import { reminderMinutesFromEnv } from '../../../src/main/scheduling';

describe('RELAIS_REMINDER_MINUTES', () => {
  it('is 15 minutes when the site says nothing', () => {
    expect(reminderMinutesFromEnv({})).toBe(15);
    expect(reminderMinutesFromEnv({ RELAIS_REMINDER_MINUTES: ' ' })).toBe(15);
  });

  it('takes the minutes the site set', () => {
    expect(reminderMinutesFromEnv({ RELAIS_REMINDER_MINUTES: '30' })).toBe(30);
    expect(reminderMinutesFromEnv({ RELAIS_REMINDER_MINUTES: '1' })).toBe(1);
  });

  it.each(['0', '241', '10.5', 'quinze', '-5'])('refuses %s, naming the setting and its range', (value) => {
    expect(() => reminderMinutesFromEnv({ RELAIS_REMINDER_MINUTES: value })).toThrow(
      /RELAIS_REMINDER_MINUTES must be .* from 1 to 240, not "/,
    );
  });
});
