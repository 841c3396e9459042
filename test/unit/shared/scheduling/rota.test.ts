// Who is on duty when, from a rota: the weekly pattern (days and hours in France's time), a dated
// exception that replaces it (a swap of duty), and a public holiday that follows the Sunday lines
// (Christmas 2026 is a Friday; 25 December is on the list of article L. 3133-1 of the code du
// travail). The order of each line is the ringing order: on duty first, then the backups.
import { describe, expect, it } from 'vitest';
import { onDutyAt, RotaSchema, type Rota } from '../../../../src/shared/scheduling/rota';

const rota: Rota = RotaSchema.parse({
  weekly: [
    { days: [1, 2, 3, 4, 5], from: '08:00', to: '20:00', experts: ['dr-jour', 'dr-renfort'] },
    { days: [1, 2, 3, 4, 5], from: '20:00', to: '24:00', experts: ['dr-nuit', 'dr-jour'] },
    { days: [1, 2, 3, 4, 5], from: '00:00', to: '08:00', experts: ['dr-nuit', 'dr-jour'] },
    { days: [6, 7], from: '00:00', to: '24:00', experts: ['dr-weekend', 'dr-nuit'] },
  ],
  exceptions: [
    {
      id: 'swap-1',
      from: '2026-12-09T07:00:00Z', // Wednesday 9 December, 08:00 in Paris
      to: '2026-12-09T19:00:00Z', //  … to 20:00
      experts: ['dr-renfort', 'dr-jour'],
      note: 'échange de garde',
    },
  ],
});
const at = (iso: string) => new Date(iso);

describe('the on-call rota', () => {
  it('follows the weekly pattern in France’s time, nights included', () => {
    expect(onDutyAt(rota, at('2026-12-08T09:00:00Z'))).toEqual({
      experts: ['dr-jour', 'dr-renfort'],
      source: { kind: 'weekly' },
    });
    // 21:30 in Paris on a Tuesday is the evening line; 03:00 the next morning the night's second line.
    expect(onDutyAt(rota, at('2026-12-08T20:30:00Z')).experts).toEqual(['dr-nuit', 'dr-jour']);
    expect(onDutyAt(rota, at('2026-12-09T02:00:00Z')).experts).toEqual(['dr-nuit', 'dr-jour']);
    // Saturday.
    expect(onDutyAt(rota, at('2026-12-12T12:00:00Z')).experts).toEqual(['dr-weekend', 'dr-nuit']);
  });

  it('lets a dated exception replace the pattern for its period only', () => {
    expect(onDutyAt(rota, at('2026-12-09T10:00:00Z'))).toEqual({
      experts: ['dr-renfort', 'dr-jour'],
      source: { kind: 'exception', id: 'swap-1' },
    });
    // At 20:00 in Paris the exception has ended: the evening line again.
    expect(onDutyAt(rota, at('2026-12-09T19:00:00Z')).experts).toEqual(['dr-nuit', 'dr-jour']);
  });

  it('puts a public holiday on the Sunday lines, or on its weekday when the rota says so', () => {
    // Friday 25 December 2026, 10:00 in Paris.
    expect(onDutyAt(rota, at('2026-12-25T09:00:00Z'))).toEqual({
      experts: ['dr-weekend', 'dr-nuit'],
      source: { kind: 'holiday', name: 'Noël' },
    });
    const weekdayRota = { ...rota, holidays: 'weekday' as const };
    expect(onDutyAt(weekdayRota, at('2026-12-25T09:00:00Z')).experts).toEqual(['dr-jour', 'dr-renfort']);
  });

  it('says when no line covers the instant', () => {
    const daysOnly = RotaSchema.parse({
      weekly: [{ days: [1], from: '08:00', to: '18:00', experts: ['dr-lundi'] }],
      exceptions: [],
    });
    expect(onDutyAt(daysOnly, at('2026-12-08T09:00:00Z'))).toEqual({ experts: [], source: { kind: 'none' } });
    expect(daysOnly.escalateAfterSeconds).toBe(30);
  });

  it('refuses a line that ends before it starts, and a period that ends before it starts', () => {
    expect(
      RotaSchema.safeParse({ weekly: [{ days: [1], from: '18:00', to: '08:00', experts: ['x'] }], exceptions: [] })
        .success,
    ).toBe(false);
    const badException = { id: 'e', from: '2026-12-09T19:00:00Z', to: '2026-12-09T07:00:00Z', experts: ['x'] };
    expect(RotaSchema.safeParse({ weekly: [], exceptions: [badException] }).success).toBe(false);
  });
});
