// Images in a call. The cart picks the patient, imports from a CD or USB drive if needed, and
// shares a series; then both sides see the same slice, window and zoom, and each other's pointer.
// The expert's side only ever shows what the cart shared; it never reaches into the cart.
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../shared/patients/patient';
import { SeriesViewer } from '../../ui/imaging/series-viewer';
import { PatientSummary } from '../../ui/patient-summary';
import { PatientPicker } from './patient-picker';
import {
  changeSharedView,
  moveSharedPointer,
  shareSeries,
  stopSharing,
  useSharedImaging,
  type SharedImaging,
} from './shared-imaging';
import type { CallConsent } from '../../../shared/acts/consent-channels';
import { ActError } from '../../ui/error-line';
import { BlockedReason } from '../../ui/consent-blocked';
import { useCallBlocked } from './call-consent';
import { useSlots } from '../../ui/slots';

function SharedViewer({ share }: { share: SharedImaging }) {
  const { t } = useTranslation();
  const received = useSyncExternalStore(share.source.subscribe, share.source.loaded);
  return (
    <section className="card shared-imaging" aria-labelledby="shared-imaging-title">
      <h2 id="shared-imaging-title">{t('sharedImaging.title', { label: share.label })}</h2>
      <p role="status" data-testid="shared-imaging-progress">
        {share.role === 'sharer'
          ? t('sharedImaging.sent', { sent: share.sent, count: share.source.count })
          : t('sharedImaging.received', { received, count: share.source.count })}
      </p>
      <SeriesViewer
        source={share.source}
        view={share.view}
        onView={changeSharedView}
        remotePointer={share.remotePointer}
        onPointer={moveSharedPointer}
      />
      {share.role === 'sharer' && (
        <button type="button" onClick={stopSharing}>
          {t('sharedImaging.stop')}
        </button>
      )}
    </section>
  );
}

export function SharedImagingPanel({ isCart, consent }: { isCart: boolean; consent: CallConsent | null }) {
  const { PatientImaging } = useSlots();
  const { t } = useTranslation();
  const share = useSharedImaging((s) => s.share);
  const refused = useSharedImaging((s) => s.refused);
  const [patient, setPatient] = useState<Patient | null>(null);
  const [choosing, setChoosing] = useState(false);
  const blockedFor = useCallBlocked(consent, true, '');
  if (share) return <SharedViewer key={share.shareId} share={share} />;
  if (!isCart) return null;
  // The patient's consent to sharing images, and only her images: the share button is offered then.
  const blocked =
    blockedFor('image_sharing') ??
    (patient && consent?.patientId && consent.patientId !== patient.id ? t('consent.blocked.other_patient') : null);
  return (
    <section className="card" aria-labelledby="share-images-title">
      <h2 id="share-images-title">{t('sharedImaging.shareTitle')}</h2>
      <BlockedReason reason={blocked} />
      <ActError error={refused} />
      {!choosing && !patient && (
        <button type="button" onClick={() => setChoosing(true)}>
          {t('sharedImaging.start')}
        </button>
      )}
      {choosing && !patient && <PatientPicker onPick={setPatient} />}
      {patient && (
        <>
          <p>
            <PatientSummary patient={patient} />{' '}
            <button type="button" onClick={() => setPatient(null)}>
              {t('sharedImaging.otherPatient')}
            </button>
          </p>
          <PatientImaging
            patientId={patient.id}
            onShare={blocked ? undefined : (source, view) => void shareSeries(source, view, patient.id)}
          />
        </>
      )}
    </section>
  );
}
