// The act-code table: the right code for each act, role, profession and date, and none (with
// the reason) before a code existed or for a profession that cannot bill the act.
import { describe, expect, it } from 'vitest';
import { actCodeFor } from '../../../src/shared/billing/act-codes';
import { ACT_CODES } from '../../../src/shared/billing/act-codes-table';

const code = (q: Parameters<typeof actCodeFor>[0]) => {
  const a = actCodeFor(q);
  return a.ok ? a.line.code : a.reason;
};

describe('act codes', () => {
  it('téléconsultation: TCG for a GP, TC for other specialists, from 15 September 2018', () => {
    expect(
      code({ act: 'teleconsultation', role: 'expert', profession: 'general_practitioner', date: '2026-11-23' }),
    ).toBe('TCG');
    expect(code({ act: 'teleconsultation', role: 'expert', profession: 'specialist', date: '2026-11-23' })).toBe('TC');
    expect(
      code({ act: 'teleconsultation', role: 'expert', profession: 'general_practitioner', date: '2018-09-15' }),
    ).toBe('TCG');
    expect(
      code({ act: 'teleconsultation', role: 'expert', profession: 'general_practitioner', date: '2018-09-14' }),
    ).toBe('no_code_on_date');
    expect(code({ act: 'teleconsultation', role: 'expert', profession: 'nurse', date: '2026-11-23' })).toBe(
      'profession_cannot_bill',
    );
  });

  it('téléexpertise: two levels until 31 March 2022, one level (TE2 / RQD) from 1 April 2022', () => {
    expect(code({ act: 'teleexpertise', role: 'expert', profession: 'specialist', date: '2021-06-01', level: 1 })).toBe(
      'TE1',
    );
    expect(code({ act: 'teleexpertise', role: 'expert', profession: 'specialist', date: '2022-03-31', level: 2 })).toBe(
      'TE2',
    );
    expect(code({ act: 'teleexpertise', role: 'expert', profession: 'specialist', date: '2021-06-01' })).toBe(
      'level_needed',
    );
    expect(code({ act: 'teleexpertise', role: 'expert', profession: 'specialist', date: '2022-04-01' })).toBe('TE2');
    const requester = actCodeFor({
      act: 'teleexpertise',
      role: 'requester',
      profession: 'general_practitioner',
      date: '2026-11-23',
    });
    expect(requester).toMatchObject({ ok: true, line: { code: 'RQD', amountEur: 10 } });
    expect(
      actCodeFor({
        act: 'teleexpertise',
        role: 'requester',
        profession: 'general_practitioner',
        date: '2020-01-10',
        level: 1,
      }),
    ).toMatchObject({ ok: true, line: { code: 'RQD', amountEur: 5 } });
    expect(
      code({ act: 'teleexpertise', role: 'expert', profession: 'general_practitioner', date: '2019-02-09', level: 1 }),
    ).toBe('no_code_on_date');
    expect(code({ act: 'teleexpertise', role: 'requester', profession: 'pharmacist', date: '2026-11-23' })).toBe(
      'profession_cannot_bill',
    );
  });

  it('assistance: the nurse’s code by where she assists, the pharmacist’s traceability act', () => {
    expect(
      code({
        act: 'teleconsultation',
        role: 'assistant',
        profession: 'nurse',
        date: '2026-11-23',
        setting: 'scheduled_care',
      }),
    ).toBe('TLS');
    expect(
      code({
        act: 'teleconsultation',
        role: 'assistant',
        profession: 'nurse',
        date: '2026-11-23',
        setting: 'dedicated_place',
      }),
    ).toBe('TLL');
    expect(
      code({ act: 'teleconsultation', role: 'assistant', profession: 'nurse', date: '2026-11-23', setting: 'home' }),
    ).toBe('TLD');
    expect(code({ act: 'teleconsultation', role: 'assistant', profession: 'nurse', date: '2026-11-23' })).toBe(
      'setting_needed',
    );
    expect(code({ act: 'teleconsultation', role: 'assistant', profession: 'pharmacist', date: '2026-11-23' })).toBe(
      'TLM',
    );
    expect(code({ act: 'teleconsultation', role: 'assistant', profession: 'pharmacist', date: '2021-12-01' })).toBe(
      'no_code_on_date',
    );
  });

  it('the table itself: dates in order, no two lines for the same case on the same day, a source on each', () => {
    for (const line of ACT_CODES) {
      expect(line.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (line.to) expect(line.to >= line.from, line.code).toBe(true);
      expect(line.source.length).toBeGreaterThan(10);
    }
    for (const [i, a] of ACT_CODES.entries()) {
      for (const b of ACT_CODES.slice(i + 1)) {
        const sameCase =
          a.act === b.act &&
          a.role === b.role &&
          a.level === b.level &&
          a.setting === b.setting &&
          a.professions.some((p) => b.professions.includes(p));
        const overlap = a.from <= (b.to ?? '9999') && b.from <= (a.to ?? '9999');
        expect(sameCase && overlap, `${a.code} / ${b.code}`).toBe(false);
      }
    }
  });
});
