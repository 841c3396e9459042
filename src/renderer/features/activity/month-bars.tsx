// A bar chart by month drawn by uPlot: one or more series stacked (the tallest drawn first, so
// that each one's band shows), the months as the x axis labels, and a legend of its own.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { stackedTops } from './activity-chart-data';

export interface BarSeries {
  label: string;
  color: string;
  values: number[];
}

export function MonthBars({
  months,
  series,
  label,
  unit,
}: {
  months: string[];
  series: BarSeries[];
  label: string;
  unit: string;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!host.current) return;
    const tops = stackedTops(series.map((s) => s.values));
    const bars = uPlot.paths.bars!({ size: [0.6, 64] });
    // Drawn from the total down: each series' bar covers the ones below it but its own band.
    const order = series.map((s, i) => ({ ...s, top: tops[i]! })).reverse();
    const plot = new uPlot(
      {
        width: Math.max(320, Math.min(720, 80 * months.length + 80)),
        height: 200,
        legend: { show: false },
        cursor: { show: false },
        scales: {
          x: { time: false, range: [-0.5, months.length - 0.5] },
          y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] },
        },
        axes: [
          { splits: () => months.map((_, i) => i), values: (_u, splits) => splits.map((i) => months[i] ?? '') },
          { label: unit, size: 56 },
        ],
        series: [
          {},
          ...order.map((s) => ({
            label: s.label,
            fill: s.color,
            stroke: s.color,
            paths: bars,
            points: { show: false },
          })),
        ],
      },
      [months.map((_, i) => i), ...order.map((s) => s.top)],
      host.current,
    );
    return () => plot.destroy();
  }, [months, series, unit]);

  return (
    <figure className="month-bars">
      <div ref={host} role="img" aria-label={label} />
      <figcaption>
        {label}
        {series.length > 1 && (
          <span className="legend">
            {series.map((s) => (
              <span key={s.label} className="legend-item">
                <span className="swatch" style={{ background: s.color }} aria-hidden="true" /> {s.label}
              </span>
            ))}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
