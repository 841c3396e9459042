// The hospital PACS from the patient's page: a search prefilled with her birth name (DICOM
// matching: "*" for any ending), the studies found with their patient as the PACS wrote it,
// and a retrieval into her record through the same checks as a CD.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PacsStudy } from '../../../shared/imaging/imaging';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError, FieldError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { displayDate, personName } from '../../ui/imaging/dicom-display';
import { mismatchesOf, MismatchWarning } from './mismatch-warning';
import { ReasonedButton } from '../../ui/disabled-reason';

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

  async function search(event: FormEvent) {
    event.preventDefault();
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
      <form className="inline-form" aria-label={t('pacs.title')} onSubmit={(e) => void search(e)} noValidate>
        <label>
          {t('pacs.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={64} />
        </label>
        <label>
          {t('pacs.modality')}
          <select value={modality} onChange={(e) => setModality(e.target.value)}>
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
      </form>
      <ActError error={error} />
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
