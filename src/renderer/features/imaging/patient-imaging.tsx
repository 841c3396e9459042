// A patient's imaging: the studies on the station, and the import from a CD, a USB drive or a
// folder. The drive is read first (what is on it, and what could not be read); the nurse picks
// the studies; images whose patient differs from the record's are shown with what differs and
// go in only once she names herself as having checked them.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import type { ScanReport } from '../../../shared/imaging';
import type { AppError, FieldError } from '../../../shared/result';
import { relais } from '../../api';
import type { SharedView } from '../../../shared/imaging-view';
import type { FrameSource } from '../../imaging/frame-source';
import { ActError } from '../acts/act-error';
import { DropZone } from './drop-zone';
import { LocalSeriesViewer } from './local-series-viewer';
import { dicomDate, mismatchesOf, MismatchWarning, personName } from './mismatch-warning';
import { PacsSearch } from './pacs-search';
import { SeriesThumbnail } from './series-thumbnail';

type Studies = ChannelOutput<'imaging.studies'>;

function ImportFromDrive({ patientId, onImported }: { patientId: string; onImported: (instances: number) => void }) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('/media/cdrom');
  const [report, setReport] = useState<ScanReport | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [mismatches, setMismatches] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => relais.on('imaging.progress', (p) => setProgress({ done: p.done, total: p.total })), []);

  async function scan(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMismatches([]);
    setReport(null);
    const r = await relais.invoke('imaging.scan', { folder });
    setBusy(false);
    setProgress(null);
    if (!r.ok) return setError(r.error);
    setReport(r.value);
    setChosen(r.value.studies.filter((s) => !s.alreadyImported).map((s) => s.studyUid));
  }

  async function importChosen(acceptMismatchBy: string | null) {
    if (!report) return;
    setBusy(true);
    const r = await relais.invoke('imaging.import', { scanId: report.scanId, studyUids: chosen, patientId, acceptMismatchBy });
    setBusy(false);
    setProgress(null);
    if (r.ok) {
      setReport(null);
      setMismatches([]);
      return onImported(r.value.instances);
    }
    const mismatch = mismatchesOf(r.error.fields);
    if (mismatch.length) setMismatches(mismatch);
    else setError(r.error);
  }

  return (
    <div>
      <form className="inline-form" aria-label={t('imaging.readDrive')} onSubmit={(e) => void scan(e)}>
        <label>
          {t('imaging.folder')}
          <input value={folder} onChange={(e) => setFolder(e.target.value)} required size={40} />
        </label>
        <button type="submit" disabled={busy}>{t('imaging.readDrive')}</button>
      </form>
      <DropZone
        onError={setError}
        onScanned={(scanned) => {
          setMismatches([]);
          setReport(scanned);
          setChosen(scanned.studies.filter((s) => !s.alreadyImported).map((s) => s.studyUid));
        }}
      />
      {progress && progress.total > 0 && <progress max={progress.total} value={progress.done} aria-label={t('imaging.progress')} />}
      <ActError error={error} />
      {report && (
        <section aria-label={t('imaging.found')}>
          <p>{t('imaging.summary', { files: report.files, studies: report.studies.length })}</p>
          {report.refused.length > 0 && (
            <p className="hint">
              {t('imaging.refusedSummary')} {report.refused.map((r) => `${t([`imaging.reasons.${r.reason}`, `imagingSafety.reasons.${r.reason}`], { defaultValue: r.reason })} (${r.count})`).join(', ')}
            </p>
          )}
          <ul className="plain-list">
            {report.studies.map((s) => (
              <li key={s.studyUid}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(s.studyUid)}
                    disabled={s.alreadyImported}
                    onChange={(e) => setChosen((c) => (e.target.checked ? [...c, s.studyUid] : c.filter((u) => u !== s.studyUid)))}
                  />
                  {dicomDate(s.date)} — {s.description ?? t('imaging.noDescription')} — {s.modalities.join(', ') || '?'} — {t('imaging.counts', { series: s.series.length, instances: s.instances })} — {personName(s.patient.name)}
                  {s.alreadyImported ? ` (${t('imaging.alreadyImported')})` : s.incomplete ? ` (${t('imaging.incompleteHere')})` : ''}
                </label>
              </li>
            ))}
          </ul>
          {mismatches.length === 0 ? (
            <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void importChosen(null)}>
              {t('imaging.import')}
            </button>
          ) : (
            <MismatchWarning mismatches={mismatches} busy={busy} onAccept={(by) => void importChosen(by)} onCancel={() => setMismatches([])} />
          )}
        </section>
      )}
    </div>
  );
}

export function PatientImaging({ patientId, onShare }: { patientId: string; onShare?: (source: FrameSource, view: SharedView) => void }) {
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
      {importedCount !== null && <p role="status" className="ok-text">{t('imaging.imported', { count: importedCount })}</p>}
      {studies && studies.length === 0 && <p>{t('imaging.none')}</p>}
      {studies && studies.length > 0 && (
        <ul className="plain-list" aria-label={t('imaging.studies')}>
          {studies.map((s) => (
            <li key={s.studyUid}>
              {dicomDate(s.date)} — {s.description ?? t('imaging.noDescription')} — {s.series.map((x) => x.modality).filter(Boolean).join(', ')} — {t('imaging.counts', { series: s.series.length, instances: s.series.reduce((n, x) => n + x.instances, 0) })}
              {s.mismatchAcceptedBy ? ` — ${t('imaging.checkedByLine', { by: s.mismatchAcceptedBy, name: personName(s.dicomPatient.name) })}` : ''}
              <span className="hint"> ({new Date(s.importedAt).toLocaleString(i18n.language)})</span>
              {s.incomplete && <p className="warning-text">{t('imaging.incompleteStudy')}</p>}
              <div className="series-strip">
                {s.series.map((x) => (
                  <SeriesThumbnail key={x.seriesUid} series={x} selected={open === x.seriesUid} onOpen={() => setOpen(open === x.seriesUid ? null : x.seriesUid)} />
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
          <button type="button" onClick={() => setImporting('drive')}>{t('imaging.importImages')}</button>
          <button type="button" onClick={() => setImporting('pacs')}>{t('pacs.open')}</button>
        </div>
      )}
    </section>
  );
}
