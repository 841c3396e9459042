// The activity report shaped for the charts: one value per month of the range (months without
// acts are zeros, not gaps), acts per type stacked, minutes and km per month. Pure.
import { ActTypeSchema, type ActType } from '../../../shared/acts/encounter';
import { monthsBetween, type ActivityReport } from '../../../shared/activity/activity-report';

export interface ActivityChartData {
  months: string[];
  /** The act types present, in the order of the law's list (R.6316-1). */
  types: ActType[];
  /** Acts of each type per month. */
  acts: Record<ActType, number[]>;
  minutes: number[];
  km: number[];
}

export function activityChartData(report: Pick<ActivityReport, 'from' | 'to' | 'rows'>): ActivityChartData {
  const months = monthsBetween(report.from, report.to);
  const index = new Map(months.map((m, i) => [m, i]));
  const zeros = () => months.map(() => 0);
  const acts = Object.fromEntries(ActTypeSchema.options.map((t) => [t, zeros()])) as Record<ActType, number[]>;
  const minutes = zeros();
  const km = zeros();
  for (const row of report.rows) {
    const i = index.get(row.month);
    if (i === undefined) continue;
    acts[row.act][i]! += row.acts;
    minutes[i]! += row.minutes;
    km[i]! += row.km;
  }
  const types = ActTypeSchema.options.filter((t) => report.rows.some((r) => r.act === t));
  return { months, types, acts, minutes, km };
}

/** Running totals, series after series: the tops of stacked bars. */
export function stackedTops(series: readonly (readonly number[])[]): number[][] {
  const tops: number[][] = [];
  for (const values of series) tops.push(values.map((v, i) => v + (tops.at(-1)?.[i] ?? 0)));
  return tops;
}

/** The month `count` months before `month` (YYYY-MM). */
export function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (m - 1) - count;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
