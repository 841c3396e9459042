// The cart's notice of the expert's blood pressure request: who asks, and the nurse starts the
// measurement once the patient is ready (or puts it off); then what became of it.
import { useTranslation } from 'react-i18next';
import { declineBloodPressure, startBloodPressure } from './live-vitals-cart';
import { useLiveVitals, type BloodPressureRequest } from './live-vitals-store';

export function BloodPressureRequestNotice() {
  return <BloodPressureRequestView request={useLiveVitals((s) => s.request)} />;
}

/** The notice for this request (the tests render it from the store's state). */
export function BloodPressureRequestView({ request }: { request: BloodPressureRequest | null }) {
  const { t } = useTranslation();
  if (!request) return null;
  const name = request.from;
  const close = () => useLiveVitals.setState({ request: null });
  if (request.state === 'asked')
    return (
      <p className="call-notice" data-testid="bp-request">
        <span>{t('liveVitals.request.asked', { name })}</span>
        <button type="button" className="primary" onClick={() => void startBloodPressure()}>
          {t('liveVitals.request.start')}
        </button>
        <button type="button" onClick={declineBloodPressure}>
          {t('liveVitals.request.decline')}
        </button>
      </p>
    );
  if (request.state === 'measuring')
    return (
      <p className="call-notice" data-testid="bp-request">
        <span>
          {t(request.simulated ? 'liveVitals.request.measuringSimulated' : 'liveVitals.request.measuringReal', {
            name,
          })}
        </span>
      </p>
    );
  return (
    <p className="call-notice" data-testid="bp-request">
      <span className="error-text">
        {request.state === 'no_device'
          ? t('liveVitals.request.no_device', { name })
          : t('liveVitals.request.failed', { name })}
      </span>
      {request.problem && <span>{request.problem}</span>}
      <button type="button" onClick={close}>
        {t('liveVitals.request.close')}
      </button>
    </p>
  );
}
