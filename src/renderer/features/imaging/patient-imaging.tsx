// A patient's imaging: the studies on the station, and the import from a CD, a USB drive, a
// folder (import-from-drive.tsx) or the hospital's PACS (pacs-search.tsx), each study whose
// patient differs from the record's compared side by side and confirmed, study by study.
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { relais } from '../../api';
import type { SharedView } from '../../../shared/imaging/imaging-view';
import type { FrameSource } from '../../ui/imaging/frame-source';
import { displayDate, personName } from '../../ui/imaging/dicom-display';
import { ImportFromDrive } from './import-from-drive';
import { LocalSeriesViewer } from './local-series-viewer';
import { PacsSearch } from './pacs-search';
import { SeriesThumbnail } from './series-thumbnail';

type Studies = ChannelOutput<'imaging.studies'>;

/** "2 série(s), 7 image(s)", and the objects that are not images (reports, documents), never counted as images. */
function studyCounts(series: Studies[number]['series'], t: TFunction): string {
  const images = series.reduce((n, x) => n + x.images, 0);
  const others = series.reduce((n, x) => n + x.instances, 0) - images;
  const counts = t('imagingSafety.import.objects', { series: series.length, images });
  return others > 0 ? `${counts}, ${t('imagingSafety.import.objectsWithoutImage', { count: others })}` : counts;
}

export function PatientImaging({
  patientId,
  onShare,
}: {
  patientId: string;
  onShare?: (source: FrameSource, view: SharedView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [studies, setStudies] = useState<Studies | null>(null);
  const [importing, setImporting] = useState<'drive' | 'pacs' | null>(null);
  const [importedCount, setImported] = useState<number | null>(null);
  /** Images came in (from a drive or the PACS): said, and the list read again. */
  const imported = (instances: number) => {
    setImported(instances);
    setImporting(null);
    setSerial((k) => k + 1);
  };
  const [serial, setSerial] = useState(0);
  useEffect(() => {
    let current = true;
    void relais.invoke('imaging.studies', { patientId }).then((r) => current && r.ok && setStudies(r.value));
    return () => {
      current = false;
    };
  }, [patientId, serial]);

  return (
    <section aria-labelledby="imaging-title">
      <h2 id="imaging-title">{t('imaging.title')}</h2>
      {importedCount !== null && (
        <p role="status" className="ok-text">
          {t('imaging.imported', { count: importedCount })}
        </p>
      )}
      {studies && studies.length === 0 && <p>{t('imaging.none')}</p>}
      {studies && studies.length > 0 && (
        <ul className="plain-list" aria-label={t('imaging.studies')}>
          {studies.map((s) => (
            <li key={s.studyUid}>
              {displayDate(s.date, i18n.language) || '—'} — {s.description ?? t('imaging.noDescription')} —{' '}
              {s.series
                .map((x) => x.modality)
                .filter(Boolean)
                .join(', ')}{' '}
              — {studyCounts(s.series, t)}
              {s.mismatchAcceptedBy
                ? ` — ${t('imaging.checkedByLine', { by: s.mismatchAcceptedBy, name: personName(s.dicomPatient.name) })}`
                : ''}
              <span className="hint"> ({new Date(s.importedAt).toLocaleString(i18n.language)})</span>
              {s.incomplete && <p className="warning-text">{t('imaging.incompleteStudy')}</p>}
              <div className="series-strip">
                {s.series.map((x) => (
                  <SeriesThumbnail
                    key={x.seriesUid}
                    series={x}
                    selected={open === x.seriesUid}
                    onOpen={() => setOpen(open === x.seriesUid ? null : x.seriesUid)}
                  />
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
      {open && <LocalSeriesViewer key={open} seriesUid={open} onShare={onShare} />}
      {importing === 'drive' && <ImportFromDrive patientId={patientId} onImported={imported} />}
      {importing === 'pacs' && <PacsSearch patientId={patientId} onImported={imported} />}
      {importing === null && (
        <div className="button-row">
          <button type="button" onClick={() => setImporting('drive')}>
            {t('imaging.importImages')}
          </button>
          <button type="button" onClick={() => setImporting('pacs')}>
            {t('pacs.open')}
          </button>
        </div>
      )}
    </section>
  );
}
