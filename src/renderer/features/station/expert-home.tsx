// The expert's home: who waits in the queues of the offers she serves (the calls feature's panel),
// the téléexpertise requests she has to answer, the reports she owes on other
// stations' acts (the remote-acts feature's worklist), the calls she missed and the last calls
// (the call journal). No cabin card: a desk is never a cabin.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../../../shared/calls/calls';
import type { InboxItem } from '../../../shared/teleexpertise/teleexpertise';
import { inboxOrder } from '../../../shared/teleexpertise/teleexpertise';
import { relais } from '../../api';
import { formatDateTime } from '../../ui/format';
import { useView } from '../../ui/view-store';
import { useSlots } from '../../ui/slots';

const SHOWN = 8;

/** An incoming call no one answered here (it rang out, the caller gave up): one she refused is not missed. */
const missed = (c: CallRecord) =>
  c.direction === 'incoming' && c.acceptedAt === null && c.endedAt !== null && c.endReason !== 'declined';

function Requests() {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
  const [items, setItems] = useState<InboxItem[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void relais.invoke('teleexpertise.inbox', {}).then((r) => {
      setFailed(!r.ok);
      setItems(r.ok ? r.value.filter((i) => i.state === 'sent').sort(inboxOrder) : []);
    });
  }, []);
  if (failed) return <p className="error-text">{t('roleHome.loadError')}</p>;
  if (!items) return <p>{t('home.loading')}</p>;
  return (
    <>
      {items.length === 0 ? (
        <p>{t('roleHome.expert.noRequests')}</p>
      ) : (
        <ul className="home-list">
          {items.slice(0, SHOWN).map((i) => (
            <li key={i.requestId}>
              <strong>{i.patientName}</strong>
              <span className="home-list-detail">
                {i.specialty} · {t(`expertise.priorities.${i.priority}`)} · {i.requester} ·{' '}
                {formatDateTime(i.authoredOn)}
              </span>
              <button type="button" onClick={() => show({ name: 'expertise-request', id: i.requestId })}>
                {t('roleHome.technique.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={() => show({ name: 'expertise-inbox' })}>
        {t('roleHome.expert.allRequests')}
      </button>
    </>
  );
}

function CallList({ calls, empty }: { calls: CallRecord[]; empty: string }) {
  const { t } = useTranslation();
  if (calls.length === 0) return <p>{empty}</p>;
  return (
    <ul className="home-list">
      {calls.map((c) => (
        <li key={c.id}>
          <strong>
            {c.remote.name} ({c.remote.site})
          </strong>
          <span className="home-list-detail">
            {t(`roleHome.expert.${c.direction}`)} · {formatDateTime(c.ringingAt)}
            {c.urgent ? ` · ${t('roleHome.expert.urgent')}` : ''} ·{' '}
            {c.endReason
              ? t(`roleHome.expert.endReasons.${c.endReason}`, c.endReason)
              : t('roleHome.expert.unknownEnd')}
            {c.reason ? ` · ${c.reason}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Calls() {
  const { t } = useTranslation();
  const show = useView((v) => v.show);
  const [calls, setCalls] = useState<CallRecord[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void relais.invoke('calls.history', { limit: 50 }).then((r) => {
      setFailed(!r.ok);
      setCalls(r.ok ? r.value : []);
    });
  }, []);
  if (failed) return <p className="error-text">{t('roleHome.loadError')}</p>;
  if (!calls) return <p>{t('home.loading')}</p>;
  return (
    <>
      <section className="card" aria-labelledby="home-missed">
        <h2 id="home-missed">{t('roleHome.expert.missed')}</h2>
        <CallList calls={calls.filter(missed).slice(0, SHOWN)} empty={t('roleHome.expert.noMissed')} />
      </section>
      <section className="card" aria-labelledby="home-history">
        <h2 id="home-history">{t('roleHome.expert.history')}</h2>
        <CallList calls={calls.slice(0, SHOWN)} empty={t('roleHome.expert.noHistory')} />
        <button type="button" className="link" onClick={() => show({ name: 'calls' })}>
          {t('roleHome.expert.allCalls')}
        </button>
      </section>
    </>
  );
}

export function ExpertHome() {
  const { t } = useTranslation();
  const { ReportWorklist, QueuePanel, TodayAppointments } = useSlots();
  return (
    <div className="home-columns">
      <TodayAppointments />
      <section className="card" aria-labelledby="home-queues">
        <h2 id="home-queues">{t('queue.panelTitle')}</h2>
        <QueuePanel />
      </section>
      <section className="card" aria-labelledby="home-requests">
        <h2 id="home-requests">{t('roleHome.expert.requests')}</h2>
        <Requests />
      </section>
      <section className="card" aria-labelledby="home-awaiting">
        <h2 id="home-awaiting">{t('remoteAct.worklist.title')}</h2>
        <ReportWorklist />
      </section>
      <Calls />
    </div>
  );
}
