// The hospital PACS from the patient's page: a search prefilled with her birth name (DICOM
// matching: "*" for any ending), the studies found with their patient as the PACS wrote it,
// and a retrieval into her record through the same checks as a CD. A typed name the station
// refuses is said under the name field (noValidate: no browser bubble).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PacsStudy } from '../../../shared/imaging/imaging';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError, FieldError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { invalidProps, splitFieldErrors } from '../../ui/field-errors';
import { FieldError as FieldErrorLine } from '../../ui/form-field';
import { displayDate, personName } from '../../ui/imaging/dicom-display';
import { mismatchesOf, MismatchWarning } from './mismatch-warning';
import { ReasonedButton } from '../../ui/disabled-reason';

/** The paths of pacs.search this form shows beside its fields. */
const SEARCH_PATHS = ['patientName'];

interface PacsSearchFormProps {
  name: string;
  onName: (name: string) => void;
  modality: string;
  onModality: (modality: string) => void;
  /** The last refusal: only the name's is shown here, the rest under the form. */
  error: AppError | null;
  busy: boolean;
  onSubmit: () => void;
}

/** The search's name and modality, with the station's refusal of the name under its field. */
export function PacsSearchForm({ name, onName, modality, onModality, error, busy, onSubmit }: PacsSearchFormProps) {
  const { t } = useTranslation();
  const { byPath } = splitFieldErrors(t, error, SEARCH_PATHS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="inline-form" aria-label={t('pacs.title')} onSubmit={submit} noValidate>
      <label>
        {t('pacs.name')}
        <input
          id="pacs-name"
          value={name}
          onChange={(e) => onName(e.target.value)}
          maxLength={64}
          {...invalidProps('pacs-name', byPath.patientName)}
        />
      </label>
      <label>
        {t('pacs.modality')}
        <select value={modality} onChange={(e) => onModality(e.target.value)}>
          <option value="">{t('pacs.anyModality')}</option>
          {['CT', 'MR', 'CR', 'DX', 'US', 'XA'].map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <ReasonedButton type="submit" reason={busy ? t('why.busy') : null}>
        {t('pacs.search')}
      </ReasonedButton>
      <FieldErrorLine id="pacs-name-error" error={byPath.patientName} />
    </form>
  );
}

export function PacsSearch({ patientId, onImported }: { patientId: string; onImported: (instances: number) => void }) {
  const { t, i18n } = useTranslation();
  const [record, setRecord] = useState<Patient | null>(null);
  const [name, setName] = useState('');
  const [modality, setModality] = useState('');
  const [found, setFound] = useState<PacsStudy[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ studyUid: string; mismatches: FieldError[] } | null>(null);

  useEffect(() => {
    let current = true;
    void relais.invoke('patients.get', { id: patientId }).then((r) => {
      if (!current || !r.ok) return;
      setRecord(r.value);
      setName((n) => n || `${r.value.birthName.toUpperCase()}*`);
    });
    return () => {
      current = false;
    };
  }, [patientId]);

  async function search() {
    setBusy(true);
    setError(null);
    const r = await relais.invoke('pacs.search', {
      patientName: name.trim() || undefined,
      modality: modality || undefined,
    });
    setBusy(false);
    if (r.ok) setFound(r.value);
    else setError(r.error);
  }

  async function retrieve(studyUid: string, acceptMismatchBy: string | null) {
    setBusy(true);
    setError(null);
    const r = await relais.invoke('pacs.retrieve', { studyUid, patientId, acceptMismatchBy });
    setBusy(false);
    if (r.ok) {
      setPending(null);
      setFound(null);
      return onImported(r.value.instances);
    }
    const mismatches = mismatchesOf(r.error.fields);
    if (mismatches.length) setPending({ studyUid, mismatches });
    else setError(r.error);
  }

  return (
    <div>
      <PacsSearchForm
        name={name}
        onName={setName}
        modality={modality}
        onModality={setModality}
        error={error}
        busy={busy}
        onSubmit={() => void search()}
      />
      <ActError error={splitFieldErrors(t, error, SEARCH_PATHS).rest} />
      {busy && <p className="hint">{t('pacs.working')}</p>}
      {found && found.length === 0 && <p>{t('pacs.none')}</p>}
      {found && found.length > 0 && (
        <ul className="plain-list" aria-label={t('pacs.results')}>
          {found.map((s) => (
            <li key={s.studyUid}>
              {displayDate(s.date, i18n.language) || '—'} — {s.description ?? t('imaging.noDescription')} —{' '}
              {s.modalities.join(', ') || '?'} — {personName(s.patientName) || '—'} ({t('pacs.born')}{' '}
              {displayDate(s.birthDate, i18n.language) || '—'}) — {t('viewer.images', { count: s.instances ?? 0 })}{' '}
              {s.alreadyImported ? (
                <span className="hint">({t('imaging.alreadyImported')})</span>
              ) : (
                <>
                  {s.incomplete && <span className="hint">({t('imaging.incompleteHere')}) </span>}
                  <ReasonedButton reason={busy ? t('why.busy') : null} onClick={() => void retrieve(s.studyUid, null)}>
                    {t('pacs.retrieve')}
                  </ReasonedButton>
                </>
              )}
              {pending?.studyUid === s.studyUid && record && (
                <MismatchWarning
                  record={record}
                  study={{ name: s.patientName, id: s.patientId, birthDate: s.birthDate, sex: null }}
                  mismatch={pending.mismatches[0]!}
                  busy={busy}
                  onAccept={(by) => void retrieve(s.studyUid, by)}
                  onCancel={() => setPending(null)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
