// The coordinator's monthly activity: acts counted by month (in France's time), type and
// specialty, their minutes and the km avoided; drafts left out; a CSV a spreadsheet opens safely.
import { describe, expect, it } from 'vitest';
import { activityCsv, monthlyActivity, type ActivityAct } from '../../../src/shared/activity/monthly-activity';

const method = 'aller-retour, vol d’oiseau × 1,3';
const act = (over: Partial<ActivityAct>): ActivityAct => ({
  act: 'teleconsultation',
  specialty: 'dermatologie',
  status: 'closed',
  startedAt: '2026-11-03T09:00:00.000Z',
  endedAt: '2026-11-03T09:20:00.000Z',
  avoided: { km: 100, method },
  ...over,
});

describe('monthly activity', () => {
  it('counts acts, minutes and km by month, type and specialty', () => {
    const { rows, method: said } = monthlyActivity([
      act({}),
      act({ endedAt: '2026-11-03T09:35:00.000Z', avoided: { km: 40, method } }),
      act({ specialty: 'neurologie', avoided: null }),
      act({ act: 'teleexpertise', startedAt: '2026-10-31T23:30:00.000Z', endedAt: null }), // 1 November in Paris
      act({ startedAt: '2026-12-01T08:00:00.000Z', endedAt: '2026-12-01T08:10:00.000Z' }),
      act({ status: 'draft', startedAt: null, endedAt: null }),
    ]);
    expect(rows).toEqual([
      {
        month: '2026-11',
        act: 'teleconsultation',
        specialty: 'dermatologie',
        acts: 2,
        minutes: 55,
        km: 140,
        kmUnknown: 0,
      },
      { month: '2026-11', act: 'teleconsultation', specialty: 'neurologie', acts: 1, minutes: 20, km: 0, kmUnknown: 1 },
      { month: '2026-11', act: 'teleexpertise', specialty: 'dermatologie', acts: 1, minutes: 0, km: 100, kmUnknown: 0 },
      {
        month: '2026-12',
        act: 'teleconsultation',
        specialty: 'dermatologie',
        acts: 1,
        minutes: 10,
        km: 100,
        kmUnknown: 0,
      },
    ]);
    expect(said).toBe(method);
    expect(monthlyActivity([])).toEqual({ rows: [], method: null });
  });

  it('writes CSV with semicolons, quotes where needed, no formula, and the method', () => {
    const csv = activityCsv('Chariot "3"; EHPAD', monthlyActivity([act({ specialty: '=HYPERLINK("x")' })]));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'station;mois;type d’acte;spécialité;actes;minutes;km évités;actes sans estimation de transport',
    );
    expect(lines[1]).toBe('"Chariot ""3""; EHPAD";2026-11;teleconsultation;"\'=HYPERLINK(""x"")";1;20;100;0');
    expect(lines[2]).toBe(`Méthode des km évités : ${method}`);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
