// The pleth waveform, drawn by uPlot (fast canvas plotting for streaming data).
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export function PlethPlot({ samples, label }: { samples: number[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    if (!host.current) return;
    plot.current = new uPlot(
      {
        width: 560,
        height: 160,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: false }, y: { range: [0, 127] } },
        axes: [{ show: false }, { show: false }],
        series: [{}, { stroke: '#0b4f8a', width: 2 }],
      },
      [[], []],
      host.current,
    );
    return () => plot.current?.destroy();
  }, []);

  useEffect(() => {
    plot.current?.setData([samples.map((_, i) => i), samples]);
  }, [samples]);

  return <div ref={host} className="pleth" role="img" aria-label={label} />;
}
