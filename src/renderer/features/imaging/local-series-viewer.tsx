// A series of this station opened in the viewer, its view kept here (or handed to a call).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesImages } from '../../../shared/imaging';
import type { SharedView } from '../../../shared/imaging-view';
import { relais } from '../../api';
import { localSeriesSource, type FrameSource } from '../../imaging/frame-source';
import { openingView, SeriesViewer } from './series-viewer';

/** Loads a series and its first view (middle slice, its own window). Keyed by series by its parent. */
export function useLocalSeries(seriesUid: string): { source: FrameSource | null; opening: SharedView | null; problem: string | null } {
  const [series, setSeries] = useState<SeriesImages | null>(null);
  const [opening, setOpening] = useState<SharedView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void relais.invoke('imaging.series', { seriesUid }).then((r) => {
      if (!current) return;
      if (!r.ok) setProblem(r.error.message);
      else setSeries(r.value);
    });
    return () => {
      current = false;
    };
  }, [seriesUid]);
  const source = useMemo(() => (series && series.images.length ? localSeriesSource(series, (entry) => relais.invoke('imaging.frame', entry)) : null), [series]);
  useEffect(() => {
    if (!source) return;
    let current = true;
    const middle = Math.floor(source.count / 2);
    source.get(middle).then(
      (frame) => current && setOpening(openingView(frame, source.count)),
      (error: Error) => current && setProblem(error.message),
    );
    return () => {
      current = false;
    };
  }, [source]);
  return { source, opening, problem };
}

export function LocalSeriesViewer({ seriesUid, onShare }: { seriesUid: string; onShare?: (source: FrameSource, view: SharedView) => void }) {
  const { t } = useTranslation();
  const { source, opening, problem } = useLocalSeries(seriesUid);
  const [changed, setView] = useState<SharedView | null>(null);
  const view = changed ?? opening;
  if (problem) return <p role="alert" className="error-text">{t('viewer.failedSeries', { reason: problem })}</p>;
  if (!source || !view) return <p className="hint">{t('viewer.opening')}</p>;
  return (
    <>
      {onShare && (
        <button type="button" className="primary" onClick={() => onShare(source, view)}>
          {t('viewer.share')}
        </button>
      )}
      <SeriesViewer source={source} view={view} onView={setView} />
    </>
  );
}
