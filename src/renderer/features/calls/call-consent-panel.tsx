// The patient's consent for this call, on the cart: the call is linked to the patient's act (an
// open one, or one opened for it), and her consent to recording and to sharing images is
// collected there; the station tells the expert's station. Without it, nothing of the call is
// recorded and no image is shown to the other side.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallConsent } from '../../../shared/acts/consent-channels';
import type { Encounter, Professional } from '../../../shared/acts/encounter';
import type { Patient } from '../../../shared/patients/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { ConsentForm } from '../../ui/consent-form';
import { PatientSummary } from '../../ui/patient-summary';
import type { CurrentCall } from '../../webrtc/call-store';
import { useCalls } from '../../webrtc/call-store';
import { PatientPicker } from './patient-picker';
import { OpenActsChooser } from './open-acts-chooser';

function LinkToAct({
  patient,
  call,
  onError,
}: {
  patient: Patient;
  call: CurrentCall;
  onError(e: AppError | null): void;
}) {
  const { t } = useTranslation();
  const site = useCalls((s) => s.hub.you?.site ?? '');
  const link = async (act: Encounter) => {
    const r = await relais.invoke('encounters.linkCall', { id: act.id, version: act.version, callId: call.callId });
    onError(r.ok ? null : r.error);
  };
  async function create(requester: Professional) {
    const r = await relais.invoke('encounters.create', {
      patientId: patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester,
      expert: { name: call.remote.name, role: 'physician', specialty: call.remote.specialty ?? null },
      site: site || call.remote.site,
      specialty: call.remote.specialty ?? null,
      reason: call.reason ?? t('consent.call.title'),
      callId: call.callId,
    });
    onError(r.ok ? null : r.error);
  }
  const texts = {
    acts: t('consent.call.acts'),
    useAct: t('consent.call.useAct'),
    newAct: t('consent.call.newAct'),
    requester: t('consent.call.requester'),
    noOpenAct: t('consent.call.noOpenAct'),
  };
  return (
    <div>
      <OpenActsChooser patient={patient} texts={texts} onUse={link} onCreate={create} />
    </div>
  );
}

function Decisions({ consent }: { consent: CallConsent }) {
  const { t } = useTranslation();
  const word = (d: CallConsent['recording']) => t(`consent.call.decisions.${d ?? 'none'}`);
  return (
    <ul className="plain-list" data-testid="call-consents">
      <li>
        {t('acts.scopes.recording')} : <strong>{word(consent.recording)}</strong>
      </li>
      <li>
        {t('acts.scopes.image_sharing')} : <strong>{word(consent.imageSharing)}</strong>
      </li>
    </ul>
  );
}

/** `cabin`: the pharmacy cabin links its act by itself and never searches the registry. */
export function CallConsentPanel({
  call,
  consent,
  cabin,
}: {
  call: CurrentCall;
  consent: CallConsent | null;
  cabin: boolean;
}) {
  const { t } = useTranslation();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // The consent's refusal is shown by the consent form, each field's sentence under it.
  const [consentError, setConsentError] = useState<AppError | null>(null);
  if (!consent) return null;
  return (
    <section className="card" aria-labelledby="call-consent-title">
      <h2 id="call-consent-title">{t('consent.call.title')}</h2>
      {consent.source === 'local' && consent.encounterId ? (
        <>
          <Decisions consent={consent} />
          <ConsentForm
            key={consent.encounterId}
            encounterId={consent.encounterId}
            initialScope="recording"
            error={consentError}
            onDone={setConsentError}
          />
        </>
      ) : (
        <>
          <p className="hint">{t('consent.call.none')}</p>
          {!cabin && !choosing && (
            <button type="button" onClick={() => setChoosing(true)}>
              {t('consent.call.choose')}
            </button>
          )}
          {!cabin && choosing && !patient && <PatientPicker onPick={setPatient} />}
          {!cabin && patient && (
            <>
              <p>
                <PatientSummary patient={patient} />
              </p>
              <LinkToAct patient={patient} call={call} onError={setError} />
            </>
          )}
        </>
      )}
      <ActError error={error} />
    </section>
  );
}
