// The pleth waveform, drawn by uPlot (fast canvas plotting for streaming data): the cart's oximeter
// panel and the expert's live measurements in a call.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export function PlethPlot({ samples, label, width = 560 }: { samples: number[]; label: string; width?: number }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    if (!host.current) return;
    plot.current = new uPlot(
      {
        width,
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
  }, [width]);

  useEffect(() => {
    plot.current?.setData([samples.map((_, i) => i), samples]);
  }, [samples]);

  return <div ref={host} className="pleth" role="img" aria-label={label} />;
}
