// The patient's consent for this call, on the cart: the call is linked to the patient's act (an
// open one, or one opened for it), and her consent to recording and to sharing images is
// collected there; the station tells the expert's station. Without it, nothing of the call is
// recorded and no image is shown to the other side.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallConsent } from '../../../shared/consent-channels';
import type { Encounter } from '../../../shared/encounter';
import type { Patient } from '../../../shared/patient';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { ConsentForm } from '../../ui/consent-form';
import { PatientSummary } from '../../ui/patient-summary';
import type { CurrentCall } from '../../webrtc/call-store';
import { useCalls } from '../../webrtc/call-store';
import { PatientPicker } from './patient-picker';
import { formatDateTime } from '../../ui/format';

function LinkToAct({ patient, call, onError }: { patient: Patient; call: CurrentCall; onError(e: AppError | null): void }) {
  const { t } = useTranslation();
  const site = useCalls((s) => s.hub.you?.site ?? '');
  const [acts, setActs] = useState<Encounter[] | null>(null);
  const [requester, setRequester] = useState('');
  useEffect(() => {
    let current = true;
    void relais.invoke('encounters.forPatient', { patientId: patient.id })
      .then((r) => current && setActs(r.ok ? r.value.filter((a) => a.status !== 'closed') : []));
    return () => {
      current = false;
    };
  }, [patient.id]);
  if (acts === null) return null;
  const link = async (act: Encounter) => {
    const r = await relais.invoke('encounters.linkCall', { id: act.id, version: act.version, callId: call.callId });
    onError(r.ok ? null : r.error);
  };
  async function create(event: FormEvent) {
    event.preventDefault();
    const r = await relais.invoke('encounters.create', {
      patientId: patient.id, act: 'teleconsultation', assisted: true, requester: { name: requester, role: 'nurse' },
      expert: { name: call.remote.name, role: 'physician', specialty: call.remote.specialty ?? null }, site: site || call.remote.site,
      specialty: call.remote.specialty ?? null, reason: call.reason ?? t('consent.call.title'), callId: call.callId,
    });
    onError(r.ok ? null : r.error);
  }
  return (
    <div>
      {acts.length === 0 ? <p className="hint">{t('consent.call.noOpenAct')}</p> : (
        <ul className="plain-list" aria-label={t('consent.call.acts')}>
          {acts.map((a) => (
            <li key={a.id}>
              {formatDateTime(a.createdAt)} — {a.reason}{' '}
              <button type="button" onClick={() => void link(a)}>{t('consent.call.useAct')}</button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" aria-label={t('consent.call.newAct')} onSubmit={(e) => void create(e)}>
        <label>
          {t('consent.call.requester')}
          <input value={requester} onChange={(e) => setRequester(e.target.value)} required maxLength={200} autoComplete="name" />
        </label>
        <button type="submit">{t('consent.call.newAct')}</button>
      </form>
    </div>
  );
}

function Decisions({ consent }: { consent: CallConsent }) {
  const { t } = useTranslation();
  const word = (d: CallConsent['recording']) => t(`consent.call.decisions.${d ?? 'none'}`);
  return (
    <ul className="plain-list" data-testid="call-consents">
      <li>{t('acts.scopes.recording')} : <strong>{word(consent.recording)}</strong></li>
      <li>{t('acts.scopes.image_sharing')} : <strong>{word(consent.imageSharing)}</strong></li>
    </ul>
  );
}

/** `cabin`: the pharmacy cabin links its act by itself and never searches the registry. */
export function CallConsentPanel({ call, consent, cabin }: { call: CurrentCall; consent: CallConsent | null; cabin: boolean }) {
  const { t } = useTranslation();
  const [patient, setPatient] = useState<Patient | null>(null);
  const [choosing, setChoosing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!consent) return null;
  return (
    <section className="card" aria-labelledby="call-consent-title">
      <h2 id="call-consent-title">{t('consent.call.title')}</h2>
      {consent.source === 'local' && consent.encounterId ? (
        <>
          <Decisions consent={consent} />
          <ConsentForm key={consent.encounterId} encounterId={consent.encounterId} initialScope="recording" onDone={setError} />
        </>
      ) : (
        <>
          <p className="hint">{t('consent.call.none')}</p>
          {!cabin && !choosing && <button type="button" onClick={() => setChoosing(true)}>{t('consent.call.choose')}</button>}
          {!cabin && choosing && !patient && <PatientPicker onPick={setPatient} />}
          {!cabin && patient && (
            <>
              <p><PatientSummary patient={patient} /></p>
              <LinkToAct patient={patient} call={call} onError={setError} />
            </>
          )}
        </>
      )}
      <ActError error={error} />
    </section>
  );
}
