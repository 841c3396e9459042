// The expert's live measurements from the cart: SpO2 and pulse with the pleth wave, the latest
// blood pressure, temperature and weight with their times, and "Mesurer la tension". A figure not
// refreshed for STALE_AFTER_MS is said to be old, never left standing as if live.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStale } from '../../../shared/devices/live-vitals';
import { formatNumber, formatTime } from '../../ui/format';
import { PlethPlot } from '../../ui/pleth-plot';
import { ReasonedButton } from '../../ui/disabled-reason';
import { LIVE_RESULT_CODES, useLiveVitals, type LiveResult, type LiveVitalsState } from './live-vitals-store';
import { askBloodPressure } from './shared-vitals';

/** Re-renders every second, so that a stream that stops is seen to stop. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

function ResultValue({ result }: { result: LiveResult }) {
  const { t } = useTranslation();
  const v = result.vital;
  const value =
    v.code === 'blood_pressure'
      ? `${v.systolic}/${v.diastolic} mmHg`
      : v.code === 'body_temperature'
        ? `${formatNumber(v.value, 1, 1)} °C`
        : `${formatNumber(v.value, 1)} kg`;
  return (
    <>
      <strong>{value}</strong> {t('liveVitals.takenAt', { time: formatTime(result.takenAt) })}
      {result.device && <> {t('liveVitals.byDevice', { device: result.device })}</>}
    </>
  );
}

export function LiveVitalsPanel({ connected }: { connected: boolean }) {
  return <LiveVitalsView vitals={useLiveVitals()} now={useNow()} connected={connected} />;
}

/** The panel for these measurements at `now` (the tests render it from the store's state). */
export function LiveVitalsView({
  vitals,
  now,
  connected,
}: {
  vitals: LiveVitalsState;
  now: number;
  connected: boolean;
}) {
  const { t } = useTranslation();
  const { oximeter, pleth, results, bloodPressure } = vitals;
  const stale = oximeter !== null && isStale(oximeter.receivedAt, now);
  const live = oximeter?.status === 'measuring' && !stale;
  const figure = (n: number | null, unit: string) =>
    oximeter?.status === 'measuring' && n !== null ? `${n} ${unit}` : '—';
  const asking =
    bloodPressure?.outcome === 'sent' || bloodPressure?.outcome === 'asked' || bloodPressure?.outcome === 'started';

  return (
    <section className="card live-vitals" aria-labelledby="live-vitals-title" data-testid="live-vitals">
      <h2 id="live-vitals-title">{t('liveVitals.title')}</h2>
      {!oximeter ? (
        <p className="hint">{t('liveVitals.waiting')}</p>
      ) : (
        <>
          <div className="vitals" data-live={live} data-stale={stale}>
            <div className="vital">
              <span className="vital-label">{t('liveVitals.spo2')}</span>
              <span className={`vital-value ${stale ? 'stale' : ''}`} data-testid="live-spo2">
                {figure(oximeter.spo2, '%')}
              </span>
              {stale && oximeter.spo2 !== null && <span className="tag">{t('liveVitals.staleTag')}</span>}
            </div>
            <div className="vital">
              <span className="vital-label">{t('liveVitals.pulse')}</span>
              <span className={`vital-value ${stale ? 'stale' : ''}`} data-testid="live-pulse">
                {figure(oximeter.pulseRate, '/min')}
              </span>
              {stale && oximeter.pulseRate !== null && <span className="tag">{t('liveVitals.staleTag')}</span>}
            </div>
          </div>
          <p role="status" className={live ? 'ok-text' : 'error-text'} data-testid="live-oximeter-status">
            {stale
              ? t('liveVitals.stale', { seconds: Math.floor((now - oximeter.receivedAt) / 1000) })
              : t(`liveVitals.status.${oximeter.status}`)}
          </p>
          {live && <PlethPlot samples={pleth} label={t('liveVitals.pleth')} width={420} />}
        </>
      )}
      <h3>{t('liveVitals.results')}</h3>
      <ul className="live-results">
        {LIVE_RESULT_CODES.map((code) => (
          <li key={code} data-testid={`live-result-${code}`}>
            {t(`liveVitals.kinds.${code}`)} :{' '}
            {results[code] ? <ResultValue result={results[code]} /> : t('liveVitals.noResult')}
          </li>
        ))}
      </ul>
      <ReasonedButton
        reason={!connected ? t('liveVitals.notConnected') : asking ? t('why.busy') : null}
        onClick={() => void askBloodPressure()}
      >
        {t('liveVitals.askBloodPressure')}
      </ReasonedButton>
      {bloodPressure && (
        <p
          role="status"
          className={
            bloodPressure.outcome === 'no_device' || bloodPressure.outcome === 'failed' ? 'error-text' : 'hint'
          }
          data-testid="live-bp-outcome"
        >
          {t(`liveVitals.bloodPressure.${bloodPressure.outcome}`)}
        </p>
      )}
    </section>
  );
}
