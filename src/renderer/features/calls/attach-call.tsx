// Attaching a call placed without an act to a patient's act afterwards: the nurse finds the
// patient, sees the call's declared reason beside the chosen patient's banner (identity
// vigilance: the wrong patient is caught here, not after the files left), picks or creates the
// act, and confirms. The station then links them (encounters.linkCall), and what of the call
// waited for an act leaves with it at the next sync.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter, Professional } from '../../../shared/acts/encounter';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { formatDateTime } from '../../ui/format';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';
import { PatientBanner } from '../../ui/patient-banner';
import { useCalls } from '../../webrtc/call-store';
import { OpenActsChooser } from './open-acts-chooser';
import { PatientPicker } from './patient-picker';
import './attach-call.css';

/** What the call itself says about whom it was for (nothing more is known of a call without an act). */
export interface DeclaredCall {
  callId: string;
  reason: string | null;
  remoteName: string;
  remoteSite: string;
  remoteSpecialty?: string | null;
  at: string;
}

export function AttachCall({
  call,
  onAttached,
  onCancel,
}: {
  call: DeclaredCall;
  onAttached: (act: Encounter) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const site = useCalls((s) => s.hub.you?.site ?? '');
  const [patient, setPatient] = useState<Patient | null>(null);
  const [act, setAct] = useState<Encounter | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  async function createAct(requester: Professional) {
    if (!patient) return;
    const r = await relais.invoke('encounters.create', {
      patientId: patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester,
      site: site || call.remoteSite,
      specialty: call.remoteSpecialty ?? null,
      reason: call.reason ?? t('callAct.attach.title'),
    });
    setError(r.ok ? null : r.error);
    if (r.ok) setAct(r.value);
  }

  async function confirm() {
    if (!act) return;
    setBusy(true);
    const r = await relais.invoke('encounters.linkCall', { id: act.id, version: act.version, callId: call.callId });
    setBusy(false);
    setError(r.ok ? null : r.error);
    if (r.ok) onAttached(r.value);
  }

  return (
    <section className="card attach-call" aria-labelledby="attach-call-title">
      <h2 id="attach-call-title">{t('callAct.attach.title')}</h2>
      <div className="attach-call-sides">
        <div className="attach-call-side" data-testid="attach-declared">
          <h3>{t('callAct.attach.declared')}</h3>
          <p>{call.reason ? t('callAct.attach.reason', { reason: call.reason }) : t('callAct.attach.noReason')}</p>
          <p className="hint">{t('callAct.attach.when', { when: formatDateTime(call.at), name: call.remoteName })}</p>
        </div>
        <div className="attach-call-side" data-testid="attach-chosen">
          <h3>{t('callAct.attach.chosen')}</h3>
          {patient ? (
            <>
              <PatientBanner patient={patient} />
              <button
                type="button"
                className="link"
                onClick={() => {
                  setPatient(null);
                  setAct(null);
                }}
              >
                {t('callAct.attach.otherPatient')}
              </button>
            </>
          ) : (
            <>
              <p className="hint">{t('callAct.attach.pickPatient')}</p>
              <PatientPicker onPick={setPatient} />
            </>
          )}
        </div>
      </div>
      {patient && !act && (
        <OpenActsChooser
          patient={patient}
          texts={{
            acts: t('callAct.attach.acts'),
            useAct: t('callAct.attach.useAct'),
            newAct: t('callAct.attach.newAct'),
            requester: t('callAct.attach.requester'),
            noOpenAct: t('callAct.attach.noOpenAct'),
          }}
          onUse={async (chosen) => setAct(chosen)}
          onCreate={createAct}
        />
      )}
      {patient && act && (
        <>
          <p>
            <strong>
              {t(`acts.types.${act.act}`)} — {act.reason}
            </strong>{' '}
            ({formatDateTime(act.createdAt)})
          </p>
          <p className="hint">{t('callAct.attach.check')}</p>
        </>
      )}
      <ActError error={error} />
      <div className="button-row">
        <ReasonedButton
          className="primary"
          reason={firstReason([busy && t('why.busy'), !act && t('callAct.attach.check')])}
          onClick={() => void confirm()}
        >
          {t('callAct.attach.confirm')}
        </ReasonedButton>
        <button type="button" onClick={onCancel}>
          {t('callAct.attach.cancel')}
        </button>
      </div>
    </section>
  );
}
