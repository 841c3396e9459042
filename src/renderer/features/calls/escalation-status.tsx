// Where the urgent call stands: each on-duty expert tried and what came of it, the one ringing
// now with how long she has rung of the offer's delay before the next one rings, and what to do
// when nobody answered.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActError } from '../../ui/error-line';
import type { Attempt, Escalation } from './escalation-runner';
import { dismissEscalation, useEscalation } from './on-duty-call';

/** Seconds since an instant, counted again every second while shown. */
function useSecondsSince(at: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [at]);
  return Math.max(0, Math.floor((now - at) / 1000));
}

function Ringing({ attempt, delay }: { attempt: Attempt; delay: number }) {
  const { t } = useTranslation();
  const seconds = Math.min(delay, useSecondsSince(attempt.rungAt));
  return <>{t('onDuty.ringing', { seconds, delay })}</>;
}

export function EscalationSteps({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation();
  return (
    <ol>
      {escalation.attempts.map((a, i) => (
        <li key={`${a.peerId}-${i}`} data-outcome={a.outcome ?? 'ringing'}>
          {t('onDuty.attempt', { name: a.name, rank: i + 1 })} :{' '}
          {a.outcome ? (
            t(`onDuty.outcomes.${a.outcome}`, { seconds: a.waitedSeconds })
          ) : (
            <Ringing attempt={a} delay={escalation.delaySeconds} />
          )}
        </li>
      ))}
    </ol>
  );
}

export function EscalationStatus() {
  const { t } = useTranslation();
  const escalation = useEscalation((s) => s.escalation);
  if (!escalation) return null;
  return (
    <div
      className={`escalation ${escalation.state === 'exhausted' ? 'error-text' : ''}`}
      role="status"
      data-testid="escalation"
      data-state={escalation.state}
    >
      {escalation.state === 'asking' && <p>{t('onDuty.asking')}</p>}
      <EscalationSteps escalation={escalation} />
      {escalation.recordError && (
        <>
          <p className="error-text">{t('onDuty.recordError')}</p>
          <ActError error={escalation.recordError} />
        </>
      )}
      {escalation.state === 'exhausted' && <p role="alert">{t('onDuty.exhausted')}</p>}
      {escalation.state !== 'ringing' && escalation.state !== 'asking' && (
        <button type="button" onClick={dismissEscalation}>
          {t('onDuty.dismiss')}
        </button>
      )}
    </div>
  );
}
