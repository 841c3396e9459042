// A series of this station opened in the viewer, its view kept here (or handed to a call), with
// its patient and study written over the image. A series that yields no image says so, and why,
// rather than "opening" for ever.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesImages } from '../../../shared/imaging/imaging';
import type { SharedView } from '../../../shared/imaging/imaging-view';
import { relais } from '../../api';
import { localSeriesSource, outward, type FrameSource } from '../../ui/imaging/frame-source';
import type { LoadedFrame } from '../../ui/imaging/loaded-frame';
import { openingView, SeriesViewer } from '../../ui/imaging/series-viewer';
import type { OverlayInfo } from '../../ui/imaging/viewer-overlay';

/** The first frame that loads, from `start` outward; null with the reason's code when none does. */
async function firstShown(
  source: FrameSource,
  start: number,
): Promise<{ index: number; frame: LoadedFrame } | { failure: string | null }> {
  for (const index of outward(start, source.count)) {
    try {
      return { index, frame: await source.get(index, { focus: index === start }) };
    } catch {
      // Refused (its reason is kept by the source): the next one may show.
    }
  }
  return { failure: source.failure(start) };
}

/** Loads a series and its first view (middle slice, or the nearest that shows; its own window). Keyed by series by its parent. */
export function useLocalSeries(seriesUid: string): {
  source: FrameSource | null;
  opening: SharedView | null;
  problem: string | null;
  overlay: OverlayInfo | null;
} {
  const { t } = useTranslation();
  const [series, setSeries] = useState<SeriesImages | null>(null);
  const [opening, setOpening] = useState<SharedView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void relais.invoke('imaging.series', { seriesUid }).then((r) => {
      if (!current) return;
      if (!r.ok) setProblem(t('imagingSafety.viewer.seriesUnreadable', { reason: t(`errors.${r.error.code}`) }));
      else if (r.value.images.length === 0) setProblem(t('imagingSafety.viewer.noImage'));
      else setSeries(r.value);
    });
    return () => {
      current = false;
    };
  }, [seriesUid, t]);
  const source = useMemo(
    () =>
      series && series.images.length
        ? localSeriesSource(series, (entry) => relais.invoke('imaging.frame', entry))
        : null,
    [series],
  );
  useEffect(() => {
    if (!source) return;
    let current = true;
    void firstShown(source, Math.floor(source.count / 2)).then((found) => {
      if (!current) return;
      if ('frame' in found) return setOpening({ ...openingView(found.frame, source.count), index: found.index });
      const reason = found.failure
        ? t(`viewer.frameErrors.${found.failure.replace('imaging.frame_', '')}`, { defaultValue: found.failure })
        : t('viewer.noImage');
      setProblem(t('imagingSafety.viewer.noFrameShown', { reason }));
    });
    return () => {
      current = false;
    };
  }, [source, t]);
  const overlay = series ? { patient: series.patient, study: series.study, modality: series.modality } : null;
  return { source, opening, problem, overlay };
}

export function LocalSeriesViewer({
  seriesUid,
  onShare,
}: {
  seriesUid: string;
  onShare?: (source: FrameSource, view: SharedView) => void;
}) {
  const { t } = useTranslation();
  const { source, opening, problem, overlay } = useLocalSeries(seriesUid);
  const [changed, setView] = useState<SharedView | null>(null);
  const view = changed ?? opening;
  if (problem)
    return (
      <p role="alert" className="error-text">
        {problem}
      </p>
    );
  if (!source || !view) return <p className="hint">{t('viewer.opening')}</p>;
  return (
    <>
      {onShare && (
        <button type="button" className="primary" onClick={() => onShare(source, view)}>
          {t('viewer.share')}
        </button>
      )}
      <SeriesViewer source={source} view={view} onView={setView} overlay={overlay} />
    </>
  );
}
