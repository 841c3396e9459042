// The import of a CD, a USB drive, a folder or dropped files into one patient's record. The drive
// is read first; each study is listed with the patient its images carry (name, birth date, sex,
// identifier); none is ticked in advance. A ticked study whose identity differs from the record's
// shows the two side by side and goes in only with a confirmation for that study, naming who
// compared them: one name never covers several studies (the station refuses it too). A folder the
// station cannot read is said under the folder field (noValidate: no browser bubble).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { absentTraits, COMPARED_TRAITS, demographicDifferences } from '../../../shared/imaging/dicom-patient-match';
import type { ImagingProgress, ScannedStudy, ScanReport } from '../../../shared/imaging/imaging';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { invalidProps, missingRequired, splitFieldErrors } from '../../ui/field-errors';
import { FieldError } from '../../ui/form-field';
import { displayDate, personName } from '../../ui/imaging/dicom-display';
import { DropZone } from './drop-zone';
import { ImportProgress } from './import-progress';
import { StudyIdentityCheck } from './study-identity-check';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';

function StudyLine({ study, record }: { study: ScannedStudy; record: Patient }) {
  const { t, i18n } = useTranslation();
  const it = (key: string, options?: Record<string, unknown>) => t(`imagingSafety.import.${key}`, options ?? {});
  const { patient } = study;
  const differences = demographicDifferences(patient, record);
  const absent = absentTraits(patient);
  const birthDate = displayDate(patient.birthDate, i18n.language);
  const sex = patient.sex && !absent.includes('sex') ? it(`sexes.${patient.sex.trim().toUpperCase()}`) : null;
  const traits = (list: readonly string[]) => list.map((trait) => t(`imaging.differences.${trait}`)).join(', ');
  const images = study.series.reduce((n, s) => n + s.images, 0);
  return (
    <>
      <span>
        {displayDate(study.date, i18n.language) || '—'} — {study.description ?? t('imaging.noDescription')} —{' '}
        {study.modalities.join(', ') || '?'} — {it('objects', { series: study.series.length, images })}
        {study.instances > images ? `, ${it('objectsWithoutImage', { count: study.instances - images })}` : ''}
        {study.alreadyImported
          ? ` (${t('imaging.alreadyImported')})`
          : study.incomplete
            ? ` (${t('imaging.incompleteHere')})`
            : ''}
      </span>
      <span className="study-patient">
        {it('studyOf', { name: personName(patient.name) || it('nameMissing') })},{' '}
        {birthDate ? it('birthDate', { date: birthDate }) : it('birthDateMissing')},{' '}
        {sex ? it('sex', { sex }) : it('sexMissing')},{' '}
        {patient.id ? it('patientId', { id: patient.id }) : it('patientIdMissing')}
      </span>
      {differences.length > 0 ? (
        <span className="warning-text">
          {it('differs', { differences: differences.map((d) => t(`imaging.differences.${d}`)).join(', ') })}
        </span>
      ) : (
        <span className="hint">
          {it('same', { traits: traits(COMPARED_TRAITS.filter((trait) => !absent.includes(trait))) })}
          {absent.length > 0 && ` — ${it('unverifiable', { traits: traits(absent) })}`}
        </span>
      )}
    </>
  );
}

/** The paths of imaging.scan this form shows beside its field. */
const FOLDER_PATHS = ['folder'];

interface DriveFolderFormProps {
  folder: string;
  onFolder: (folder: string) => void;
  /** The last refusal: only the folder's is shown here, the rest under the form. */
  error: AppError | null;
  busy: boolean;
  onSubmit: () => void;
}

/** The folder or drive to read, with the station's refusal of it under the field. */
export function DriveFolderForm({ folder, onFolder, error, busy, onSubmit }: DriveFolderFormProps) {
  const { t } = useTranslation();
  const { byPath } = splitFieldErrors(t, error, FOLDER_PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="inline-form" aria-label={t('imaging.readDrive')} onSubmit={submit} noValidate>
      <label>
        {t('imaging.folder')}
        <input
          id="drive-folder"
          value={folder}
          onChange={(e) => onFolder(e.target.value)}
          required
          size={40}
          {...invalidProps('drive-folder', byPath.folder)}
        />
      </label>
      <ReasonedButton type="submit" reason={busy ? t('why.busy') : null}>
        {t('imaging.readDrive')}
      </ReasonedButton>
      <FieldError id="drive-folder-error" error={byPath.folder} />
    </form>
  );
}

export function ImportFromDrive({
  patientId,
  onImported,
}: {
  patientId: string;
  onImported: (instances: number) => void;
}) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('/media/cdrom');
  const [record, setRecord] = useState<Patient | null>(null);
  const [report, setReport] = useState<ScanReport | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  /** Who confirmed each ticked study whose identity differs, by study. */
  const [confirmed, setConfirmed] = useState<Record<string, string>>({});
  const [progress, setProgress] = useState<ImagingProgress | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => relais.on('imaging.progress', setProgress), []);
  useEffect(() => {
    let current = true;
    void relais
      .invoke('patients.get', { id: patientId })
      .then((r) => current && (r.ok ? setRecord(r.value) : setError(r.error)));
    return () => {
      current = false;
    };
  }, [patientId]);

  /** A new drive read: nothing ticked, nothing confirmed. */
  function show(scanned: ScanReport | null) {
    setReport(scanned);
    setChosen([]);
    setConfirmed({});
  }

  async function scan() {
    const missing = missingRequired({ folder });
    setError(missing);
    if (missing) return;
    setBusy(true);
    show(null);
    const r = await relais.invoke('imaging.scan', { folder });
    setBusy(false);
    setProgress(null);
    if (!r.ok) return setError(r.error);
    show(r.value);
  }

  function tick(studyUid: string, on: boolean) {
    setChosen((c) => (on ? [...c, studyUid] : c.filter((u) => u !== studyUid)));
    // A confirmation is for a ticked study: unticked, it goes.
    if (!on) setConfirmed(({ [studyUid]: _gone, ...rest }) => rest);
  }

  const differing = (s: ScannedStudy) => record !== null && demographicDifferences(s.patient, record).length > 0;
  const waiting =
    report?.studies.filter((s) => chosen.includes(s.studyUid) && differing(s) && !confirmed[s.studyUid]).length ?? 0;

  async function importChosen() {
    if (!report) return;
    setBusy(true);
    setError(null);
    const confirmations = chosen
      .filter((uid) => confirmed[uid])
      .map((studyUid) => ({ studyUid, checkedBy: confirmed[studyUid]! }));
    const r = await relais.invoke('imaging.import', {
      scanId: report.scanId,
      studyUids: chosen,
      patientId,
      confirmations,
    });
    setBusy(false);
    setProgress(null);
    if (!r.ok) return setError(r.error);
    show(null);
    onImported(r.value.instances);
  }

  return (
    <div>
      <DriveFolderForm folder={folder} onFolder={setFolder} error={error} busy={busy} onSubmit={() => void scan()} />
      <DropZone onError={setError} onScanned={show} />
      {progress && progress.total > 0 && <ImportProgress progress={progress} />}
      <ActError error={splitFieldErrors(t, error, FOLDER_PATHS).rest} />
      {report && record && (
        <section aria-label={t('imaging.found')}>
          <p>{t('imaging.summary', { files: report.files, studies: report.studies.length })}</p>
          {report.refused.length > 0 && <RefusedFiles report={report} />}
          {report.studies.length > 0 && <p className="hint">{t('imagingSafety.import.noneTicked')}</p>}
          <ul className="plain-list study-list">
            {report.studies.map((s) => (
              <li key={s.studyUid}>
                <label className="checkbox study-choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(s.studyUid)}
                    disabled={s.alreadyImported}
                    aria-describedby={s.alreadyImported ? `study-${s.studyUid}` : undefined}
                    onChange={(e) => tick(s.studyUid, e.target.checked)}
                  />
                  <span className="study-lines" id={`study-${s.studyUid}`}>
                    <StudyLine study={s} record={record} />
                  </span>
                </label>
                {chosen.includes(s.studyUid) && differing(s) && (
                  <StudyIdentityCheck
                    record={record}
                    study={s.patient}
                    differences={demographicDifferences(s.patient, record)}
                    confirmedBy={confirmed[s.studyUid] ?? null}
                    busy={busy}
                    onConfirm={(by) => setConfirmed((c) => ({ ...c, [s.studyUid]: by }))}
                    onUndo={() => setConfirmed(({ [s.studyUid]: _undone, ...rest }) => rest)}
                  />
                )}
              </li>
            ))}
          </ul>
          {waiting > 0 && (
            <p className="warning-text" role="status" id="import-waiting">
              {t('imagingSafety.import.waiting', { count: waiting })}
            </p>
          )}
          <ReasonedButton
            className="primary"
            reason={firstReason([busy && t('why.busy'), chosen.length === 0 && t('imagingSafety.import.tickFirst')])}
            shownReasonId={waiting > 0 ? 'import-waiting' : null}
            onClick={() => void importChosen()}
          >
            {chosen.length === 0
              ? t('imaging.import')
              : t('imagingSafety.import.importChosen', { count: chosen.length })}
          </ReasonedButton>
        </section>
      )}
    </div>
  );
}

/** What could not be imported, by reason; the station's own sentences kept for the regional IT. */
function RefusedFiles({ report }: { report: ScanReport }) {
  const { t } = useTranslation();
  const reason = (code: string) =>
    t([`imaging.reasons.${code}`, `imagingSafety.reasons.${code}`], { defaultValue: code });
  return (
    <>
      <p className="hint">
        {t('imaging.refusedSummary')} {report.refused.map((r) => `${reason(r.reason)} (${r.count})`).join(', ')}
      </p>
      <details>
        <summary>{t('imagingSafety.refusedDetails')}</summary>
        <ul className="hint" lang="en">
          {report.refused.flatMap((r) =>
            r.examples.map((e) => <li key={`${r.reason}:${e.file}`}>{`${e.file}: ${e.detail}`}</li>),
          )}
        </ul>
      </details>
    </>
  );
}
