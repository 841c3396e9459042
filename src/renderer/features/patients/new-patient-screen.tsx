// Create a patient. A possible duplicate is shown before anything is stored.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { useView } from '../../ui/view-store';
import { useAuthor } from '../../ui/author-store';
import { DuplicateDialog } from './duplicate-dialog';
import { IdentityForm } from './identity-form';
import { EMPTY_IDENTITY, toIdentityInput, type IdentityFormValues } from './identity-form-values';
import { usePatientNotice } from './patient-notice';

export function NewPatientScreen() {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const [error, setError] = useState<AppError | null>(null);
  const [errorSerial, setErrorSerial] = useState(0);
  const [submitting, setSubmitting] = useState(false);
  const [pending, setPending] = useState<{ values: IdentityFormValues; candidates: Patient[] } | null>(null);
  const checker = useAuthor()?.name ?? ''; // who is at the station (signed in, or said once)

  async function create(values: IdentityFormValues, notDuplicateOf: string[] = []) {
    setSubmitting(true);
    const result = await relais.invoke('patients.create', { identity: toIdentityInput(values), notDuplicateOf });
    setSubmitting(false);
    if (!result.ok) {
      setError(result.error);
      setErrorSerial((n) => n + 1);
      return;
    }
    if (result.value.status === 'possible_duplicates') {
      setError(null);
      setPending({ values, candidates: result.value.candidates });
      return;
    }
    // Her screen, not the form again: it says she is saved and offers "Nouvel acte" at the top.
    usePatientNotice.getState().created(result.value.patient.id);
    show({ name: 'patient', id: result.value.patient.id });
  }

  return (
    <section aria-labelledby="new-patient-title">
      <h1 id="new-patient-title">{t('patients.createTitle')}</h1>
      <IdentityForm
        initial={EMPTY_IDENTITY}
        insFromInsi={false}
        checker={checker}
        error={error}
        errorSerial={errorSerial}
        submitting={submitting}
        onSubmit={(v) => void create(v)}
      />
      {pending && (
        <DuplicateDialog
          candidates={pending.candidates}
          onOpen={(id) => show({ name: 'patient', id })}
          onCancel={() => setPending(null)}
          onCreateAnyway={() => {
            const { values, candidates } = pending;
            setPending(null);
            void create(
              values,
              candidates.map((c) => c.id),
            );
          }}
        />
      )}
    </section>
  );
}
