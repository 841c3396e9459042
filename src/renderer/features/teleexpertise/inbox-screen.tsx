// The expert's inbox ("Demandes de téléexpertise"): the requests routed to her specialty or named
// to her, read from the regional server, what is still hers to answer first, then the most urgent
// and the oldest, each with its urgency and age.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/result';
import { waitingTime, type InboxItem } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { ActError } from '../../ui/error-line';
import { useView } from '../../ui/view-store';
import { ReasonedButton } from '../../ui/disabled-reason';

const AGE_KEY = { minutes: 'expertise.ageMinutes', hours: 'expertise.ageHours', days: 'expertise.ageDays' } as const;
function age(since: string, now: number, t: (key: string, o: Record<string, number>) => string): string {
  const { unit, count } = waitingTime(since, now);
  return t(AGE_KEY[unit], { count });
}

export function InboxScreen() {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  /** When the list was read: the ages are counted from it. */
  const [readAt, setReadAt] = useState(0);
  const load = useCallback(
    () =>
      relais.invoke('teleexpertise.inbox', {}).then((r) => {
        setLoading(false);
        setError(r.ok ? null : r.error);
        if (r.ok) {
          setItems(r.value);
          setReadAt(Date.now());
        }
      }),
    [],
  );
  useEffect(() => {
    void load();
    // New requests arrive on the server: the inbox is read again every half minute.
    const timer = setInterval(() => void load(), 30_000);
    const off = relais.on('teleexpertise.changed', () => void load());
    return () => {
      clearInterval(timer);
      off();
    };
  }, [load]);
  const refresh = () => {
    setLoading(true);
    void load();
  };

  return (
    <section aria-labelledby="inbox-title">
      <div className="title-row">
        <h1 id="inbox-title">{t('expertise.inbox')}</h1>
        <ReasonedButton reason={loading ? t('why.busy') : null} onClick={refresh}>
          {t('expertise.refresh')}
        </ReasonedButton>
      </div>
      <ActError error={error} />
      {items && items.length === 0 && <p>{t('expertise.inboxEmpty')}</p>}
      {items && items.length > 0 && (
        <ul className="plain-list" aria-label={t('expertise.inbox')}>
          {items.map((i) => (
            <li key={i.requestId} data-request={i.requestId}>
              <span className={i.priority === 'routine' ? 'tag' : 'tag urgent'}>
                {t(`expertise.priorities.${i.priority}`)}
              </span>{' '}
              <button
                type="button"
                className="link"
                onClick={() => show({ name: 'expertise-request', id: i.requestId })}
              >
                {i.patientName} — {i.question}
              </button>{' '}
              <span className="hint">
                {i.specialty} · {i.requester} · {t('expertise.waitingFor', { age: age(i.authoredOn, readAt, t) })} ·{' '}
                <strong>{t(`expertise.expertStates.${i.state}`)}</strong>
                {i.toMe ? ` · ${t('expertise.toMe')}` : ''}
                {i.unsentReplies > 0 ? ` · ${t('expertise.unsentReplies', { count: i.unsentReplies })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
