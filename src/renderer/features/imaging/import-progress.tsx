// How far a drive's reading or import has gone: a progress bar with its count and, while the
// import runs, the first image already sealed, painted with its own window, so that the person
// sees the images are the right ones before the whole series is in.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImagingProgress } from '../../../shared/imaging/imaging';
import { relais } from '../../api';
import { paintFrameInto } from '../../ui/imaging/frame-canvas';
import { fromWire, initialWindow } from '../../ui/imaging/loaded-frame';

export function ImportProgress({ progress }: { progress: ImagingProgress }) {
  const { t } = useTranslation();
  const importing = progress.phase === 'importing';
  return (
    <div className="import-progress" role="status">
      <progress
        max={progress.total}
        value={progress.done}
        aria-label={importing ? t('imaging.importingLabel') : t('imaging.progress')}
      />
      {importing && <span>{t('imaging.importing', { done: progress.done, total: progress.total })}</span>}
      {importing && progress.firstImage && <FirstImage sopInstanceUid={progress.firstImage.sopInstanceUid} />}
    </div>
  );
}

/** The first image imported, read as soon as it is announced (it is served before its study's rows are written). */
function FirstImage({ sopInstanceUid }: { sopInstanceUid: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    let current = true;
    void relais.invoke('imaging.frame', { sopInstanceUid, frame: 0 }).then((wire) => {
      // Not shown is not an error here: the series opens in the viewer once imported.
      if (!current || !wire.ok || !canvas.current) return;
      const frame = fromWire(wire.value);
      if (paintFrameInto(canvas.current, frame, initialWindow(frame))) setShown(true);
    });
    return () => {
      current = false;
    };
  }, [sopInstanceUid]);
  return (
    <figure className="import-first-image" hidden={!shown}>
      <canvas ref={canvas} aria-label={t('imaging.firstImage')} />
      <figcaption>{t('imaging.firstImage')}</figcaption>
    </figure>
  );
}
