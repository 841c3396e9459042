// One patient's identity, editable; a change made elsewhere meanwhile is never overwritten. Her INS
// comes from the INSi teleservice only (the panel below the title), and every change of her
// identity is listed in its history.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useView } from '../../ui/view-store';
import { useAuthor } from '../../ui/author-store';
import { IdentityForm } from './identity-form';
import { IdentityHistory } from './identity-history';
import { InsiPanel } from './insi-panel';
import { fromPatient, toIdentityInput, type IdentityFormValues } from './identity-form-values';
import { useSlots } from '../../ui/slots';

export function PatientScreen({ id }: { id: string }) {
  const { PatientActs, PatientImaging } = useSlots();
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [errorSerial, setErrorSerial] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState(false);

  const [loadSerial, setLoadSerial] = useState(0);
  const [historySerial, setHistorySerial] = useState(0);
  const checker = useAuthor()?.name ?? ''; // who is at the station (signed in, or said once)

  useEffect(() => {
    let current = true; // an answer for a screen that was left is dropped
    void relais.invoke('patients.get', { id }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setPatient(result.value);
        setError(null);
      } else setLoadError(result.error);
    });
    return () => {
      current = false;
    };
  }, [id, loadSerial]);

  async function save(values: IdentityFormValues) {
    if (!patient) return;
    setSubmitting(true);
    setSaved(false);
    const result = await relais.invoke('patients.update', {
      id,
      version: patient.version,
      identity: toIdentityInput(values),
    });
    setSubmitting(false);
    if (result.ok) {
      setPatient(result.value);
      setError(null);
      setSaved(true);
    } else {
      setError(result.error);
      setErrorSerial((n) => n + 1);
    }
  }

  if (loadError)
    return (
      <p role="alert" className="error-text">
        {t(`errors.${loadError.code}`)}
      </p>
    );
  if (!patient) return <p>{t('home.loading')}</p>;
  return (
    <section aria-labelledby="patient-title">
      <button type="button" className="link" onClick={() => show({ name: 'patients' })}>
        ← {t('patients.back')}
      </button>
      <h1 id="patient-title">
        {patient.birthName} {patient.firstName}
      </h1>
      <p>
        {t('vigilance.statusLine')}
        <strong data-testid="identity-status">{t(`vigilance.statuses.${patient.identityStatus}`)}</strong>
      </p>
      {saved && (
        <p role="status" className="ok-text">
          {t('patients.saved')}
        </p>
      )}
      {error?.code === 'stale_version' && (
        <button type="button" onClick={() => setLoadSerial((n) => n + 1)}>
          {t('form.reload')}
        </button>
      )}
      {/* A new key for each version: an answer shown was for the version it was asked for. */}
      <InsiPanel
        key={`insi-${patient.version}`}
        patient={patient}
        onAccepted={(next) => {
          setPatient(next);
          setError(null);
        }}
        onVerified={() => setHistorySerial((n) => n + 1)}
      />
      <h2>{t('patients.editTitle')}</h2>
      {/* A new key after each save or reload: the form starts again from what is stored. */}
      <IdentityForm
        key={`form-${patient.version}`}
        initial={fromPatient(patient)}
        insFromInsi={patient.ins !== null}
        checker={checker}
        error={error}
        errorSerial={errorSerial}
        submitting={submitting}
        onSubmit={(v) => void save(v)}
      />
      <IdentityHistory patientId={patient.id} refresh={patient.version * 1000 + historySerial} />
      <PatientActs patientId={patient.id} />
      <PatientImaging patientId={patient.id} />
    </section>
  );
}
