// The urgent call's escalation as the act keeps it (issue 22, point 4): for each alert placed from
// the act, who was rung in turn, at what second, what came of it ("sans réponse après 10 s", "a
// répondu"), and which rota line chose them, read by the hub's clock or the station's. Read again
// whenever the act changes, so the steps appear as the alert goes on. The card shows only on an
// act an urgent call was placed from, stroke acts included (the stroke doctor's act screen).
import { useTranslation } from 'react-i18next';
import type { EscalationStep } from '../../../shared/acts/escalation';
import { ActError } from '../../ui/error-line';
import { useActReading } from './use-act-reading';

/** The steps of each alert, in the order they were rung. */
function byAlert(steps: EscalationStep[]): EscalationStep[][] {
  const alerts = new Map<string, EscalationStep[]>();
  for (const step of steps) alerts.set(step.escalationId, [...(alerts.get(step.escalationId) ?? []), step]);
  return [...alerts.values()].map((s) => [...s].sort((a, b) => a.rank - b.rank));
}

export function EscalationRecord({ steps }: { steps: EscalationStep[] }) {
  const { t, i18n } = useTranslation();
  const time = (at: string) =>
    new Date(at).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  const day = (at: string) => new Date(at).toLocaleDateString(i18n.language);
  return byAlert(steps).map((alert) => {
    const first = alert[0]!;
    return (
      <article key={first.escalationId} className="report" data-testid="act-escalation">
        <p>
          <strong>{t('actEscalation.alert', { day: day(first.rungAt), time: time(first.rungAt) })}</strong>
        </p>
        <p className="hint">
          {t(`actEscalation.sources.${first.source.kind}`, { detail: first.source.detail })}{' '}
          {t(`actEscalation.decidedBy.${first.source.decidedBy}`)} ·{' '}
          {t('actEscalation.delay', { seconds: first.delaySeconds })}
        </p>
        <ol className="act-escalation-steps">
          {alert.map((s) => (
            <li key={s.rank} data-outcome={s.outcome}>
              {time(s.rungAt)} — {s.expertName} :{' '}
              {t(`actEscalation.outcomes.${s.outcome}`, { seconds: s.waitedSeconds })}
            </li>
          ))}
        </ol>
      </article>
    );
  });
}

/** The act screen's card "Appel urgent : médecins de garde sonnés", when an urgent call was placed from the act. */
export function ActEscalation({ encounterId }: { encounterId: string }) {
  const { t } = useTranslation();
  const { value, error } = useActReading('encounters.escalation', encounterId);
  const steps = value ?? [];
  if (steps.length === 0 && !error) return null;
  return (
    <section className="card" aria-labelledby="act-escalation-title">
      <h2 id="act-escalation-title">{t('actEscalation.title')}</h2>
      <ActError error={error} />
      <EscalationRecord steps={steps} />
    </section>
  );
}
