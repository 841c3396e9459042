// A series' thumbnail: its middle image, painted small with its own window, and what it is.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relais } from '../../api';
import { paintFrameInto } from '../../ui/imaging/frame-canvas';
import { fromWire, initialWindow } from '../../ui/imaging/loaded-frame';

export interface SeriesSummary {
  seriesUid: string;
  modality: string | null;
  description: string | null;
  instances: number;
  /** The instances that hold pixels. */
  images: number;
}

export function SeriesThumbnail({
  series,
  onOpen,
  selected,
}: {
  series: SeriesSummary;
  onOpen(): void;
  selected: boolean;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void (async () => {
      const found = await relais.invoke('imaging.series', { seriesUid: series.seriesUid });
      if (!found.ok || found.value.images.length === 0)
        return current && setProblem(found.ok ? t('imagingSafety.viewer.noImage') : t(`errors.${found.error.code}`));
      const middle = found.value.images[Math.floor(found.value.images.length / 2)]!;
      const wire = await relais.invoke('imaging.frame', { sopInstanceUid: middle.sopInstanceUid, frame: 0 });
      if (!current) return;
      // The reason's code (imaging.frame_<reason>) in the screen's language, not main's English sentence.
      if (!wire.ok)
        return setProblem(
          t(`viewer.frameErrors.${(wire.error.fields?.[0]?.code ?? wire.error.code).replace('imaging.frame_', '')}`, {
            defaultValue: t(`errors.${wire.error.code}`),
          }),
        );
      const frame = fromWire(wire.value);
      const full = document.createElement('canvas');
      const c = canvas.current;
      if (!c || !paintFrameInto(full, frame, initialWindow(frame))) return;
      const scale = Math.min(c.width / frame.columns, c.height / frame.rows);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, c.width, c.height);
      ctx.drawImage(
        full,
        (c.width - frame.columns * scale) / 2,
        (c.height - frame.rows * scale) / 2,
        frame.columns * scale,
        frame.rows * scale,
      );
    })();
    return () => {
      current = false;
    };
  }, [series.seriesUid, t]);
  const others = series.instances - series.images;
  const names = {
    modality: series.modality ?? '?',
    description: series.description ?? t('imaging.noDescription'),
    images: series.images,
    others,
  };
  const label =
    others > 0 ? t('imagingSafety.viewer.seriesLabelObjects', names) : t('imagingSafety.viewer.seriesLabel', names);
  return (
    <button
      type="button"
      className="series-thumbnail"
      aria-pressed={selected}
      aria-label={t('viewer.openSeries', { label })}
      onClick={onOpen}
      title={problem ?? label}
    >
      {series.images === 0 ? (
        <span className="thumbnail-empty" aria-hidden="true">
          {t('imagingSafety.viewer.thumbnailNoImage')}
        </span>
      ) : (
        <canvas ref={canvas} width={96} height={96} aria-hidden="true" />
      )}
      <span>{label}</span>
    </button>
  );
}
