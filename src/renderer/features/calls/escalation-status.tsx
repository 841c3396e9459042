// Where the stroke alert stands: each on-duty expert tried and what came of it, and what to do
// when nobody answered.
import { useTranslation } from 'react-i18next';
import { dismissEscalation, useEscalation } from './on-duty-call';

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
      <ol>
        {escalation.attempts.map((a, i) => (
          <li key={`${a.peerId}-${i}`}>
            {t('onDuty.attempt', { name: a.name, rank: i + 1 })} :{' '}
            {a.outcome ? t(`onDuty.outcomes.${a.outcome}`, { defaultValue: a.outcome }) : t('onDuty.ringing')}
          </li>
        ))}
      </ol>
      {escalation.state === 'exhausted' && <p role="alert">{t('onDuty.exhausted')}</p>}
      {escalation.state !== 'ringing' && (
        <button type="button" onClick={dismissEscalation}>
          {t('onDuty.dismiss')}
        </button>
      )}
    </div>
  );
}
