// "Mes disponibilités": a day, from, to and a slot length become the slots the expert publishes, in
// the page's time zone; what cannot be published is named by its field.
import { describe, expect, it } from 'vitest';
import { slotsOfDay } from '../../src/renderer/features/agenda/availability';

const NOW = new Date(2026, 11, 7, 19, 0);
const local = (day: number, hour: number, minute = 0) => new Date(2026, 11, day, hour, minute).toISOString();

describe('the slots of a day of availability', () => {
  it('cuts the hours into slots of the chosen length; what does not fit whole is left out', () => {
    const result = slotsOfDay({ day: '08/12/2026', from: '09:00', to: '10:40', minutes: 30 }, NOW);
    expect(result).toEqual({
      slots: [
        { start: local(8, 9), end: local(8, 9, 30) },
        { start: local(8, 9, 30), end: local(8, 10) },
        { start: local(8, 10), end: local(8, 10, 30) },
      ],
    });
  });

  it('leaves out the slots already begun today', () => {
    const result = slotsOfDay({ day: '07/12/2026', from: '18:00', to: '20:00', minutes: 20 }, NOW);
    expect('slots' in result && result.slots.map((s) => s.start)).toEqual([local(7, 19, 20), local(7, 19, 40)]);
  });

  it('names the field of each problem', () => {
    expect(slotsOfDay({ day: '31/11/2026', from: '9h', to: '25:00', minutes: 30 }, NOW)).toEqual({
      problems: { day: 'date_invalid', from: 'time_invalid', to: 'time_invalid' },
    });
    expect(slotsOfDay({ day: '08/12/2026', from: '10:00', to: '09:00', minutes: 30 }, NOW)).toEqual({
      problems: { to: 'ends_before_start' },
    });
    expect(slotsOfDay({ day: '08/12/2026', from: '10:00', to: '10:20', minutes: 30 }, NOW)).toEqual({
      problems: { to: 'no_slot' },
    });
    expect(slotsOfDay({ day: '01/12/2026', from: '10:00', to: '12:00', minutes: 30 }, NOW)).toEqual({
      problems: { day: 'past' },
    });
  });
});
