// The activity charts' data: every month of the range present (zeros where no act), acts per
// type stacked in the law's order, minutes and km per month; the default range's first month.
import { describe, expect, it } from 'vitest';
import {
  activityChartData,
  monthsBefore,
  stackedTops,
} from '../../../src/renderer/features/activity/activity-chart-data';

const row = (month: string, act: 'teleconsultation' | 'teleexpertise', acts: number, minutes: number, km: number) => ({
  month,
  act,
  specialty: 'dermatologie',
  acts,
  minutes,
  km,
  kmUnknown: 0,
});

describe('activity chart data', () => {
  it('gives one value per month of the range, types in the law’s order, specialties added up', () => {
    const data = activityChartData({
      from: '2026-09',
      to: '2026-12',
      rows: [
        row('2026-10', 'teleexpertise', 1, 15, 0),
        row('2026-10', 'teleconsultation', 2, 30, 50),
        { ...row('2026-10', 'teleconsultation', 1, 10, 20), specialty: 'gériatrie' },
        row('2026-12', 'teleconsultation', 1, 5, 0),
      ],
    });
    expect(data.months).toEqual(['2026-09', '2026-10', '2026-11', '2026-12']);
    expect(data.types).toEqual(['teleconsultation', 'teleexpertise']);
    expect(data.acts.teleconsultation).toEqual([0, 3, 0, 1]);
    expect(data.acts.teleexpertise).toEqual([0, 1, 0, 0]);
    expect(data.minutes).toEqual([0, 55, 0, 5]);
    expect(data.km).toEqual([0, 70, 0, 0]);
  });

  it('stacks series into running totals', () => {
    expect(
      stackedTops([
        [1, 0, 2],
        [3, 1, 0],
        [0, 0, 1],
      ]),
    ).toEqual([
      [1, 0, 2],
      [4, 1, 2],
      [4, 1, 3],
    ]);
  });

  it('counts months back across years', () => {
    expect(monthsBefore('2026-03', 5)).toBe('2025-10');
    expect(monthsBefore('2026-12', 11)).toBe('2026-01');
    expect(monthsBefore('2026-01', 0)).toBe('2026-01');
  });
});
