// One patient's screen: her banner (kept in view), her acts with "Nouvel acte" at the top, her
// images, then her identity, editable; a change made elsewhere meanwhile is never overwritten. Her
// INS comes from the INSi teleservice only (the panel above the form), and every change of her
// identity is listed in its history. Laid out so that a cart's 1366x768 screen shows who she is
// and "Nouvel acte" without scrolling (issue 20).
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
import { PatientBanner } from '../../ui/patient-banner';
import { usePatientNotice } from './patient-notice';

export function PatientScreen({ id }: { id: string }) {
  const { PatientActs, PatientImaging, PatientAppointments } = useSlots();
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [errorSerial, setErrorSerial] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [saved, setSaved] = useState(false);
  // Read once per patient: shown on arrival from the new-patient form, gone when she is left.
  const [created] = useState(() => usePatientNotice.getState().take(id));

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
    <section aria-labelledby="patient-title" className="patient-screen">
      <button type="button" className="link" onClick={() => show({ name: 'patients' })}>
        ← {t('patients.back')}
      </button>
      <PatientBanner patient={patient} />
      <h1 id="patient-title" className="patient-screen-title">
        {patient.birthName} {patient.firstName}
      </h1>
      {created && (
        <p role="status" className="ok-text" data-testid="patient-created">
          {t('patients.created')}
        </p>
      )}
      <PatientActs patientId={patient.id} />
      <PatientAppointments patientId={patient.id} />
      <PatientImaging patientId={patient.id} />
      <section aria-labelledby="identity-title">
        <h2 id="identity-title">{t('patients.editTitle')}</h2>
        <p>
          {t('vigilance.statusLine')}
          <strong data-testid="identity-status">{t(`vigilance.statuses.${patient.identityStatus}`)}</strong>
        </p>
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
        {/* Beside the button just pressed, where the nurse is looking; the banner above shows the new traits. */}
        {saved && (
          <p role="status" className="ok-text" data-testid="identity-saved">
            {t('patients.saved')}
          </p>
        )}
      </section>
      <IdentityHistory patientId={patient.id} refresh={patient.version * 1000 + historySerial} />
    </section>
  );
}
