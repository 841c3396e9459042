// The station's recent calls, each said as bound to an act or not, with "Rattacher à un acte" on a
// call that has none: its chat and files wait for an act before they leave for the region. Shown
// on the calls screen, and on the sync screen for the calls whose records wait (`waitingOnly`).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../../../shared/calls/calls';
import { relais } from '../../api';
import { formatDateTime } from '../../ui/format';
import { useView } from '../../ui/view-store';
import { AttachCall } from './attach-call';

export function CallHistory({ waitingOnly = false }: { waitingOnly?: boolean }) {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const [calls, setCalls] = useState<CallRecord[] | null>(null);
  const [attaching, setAttaching] = useState<string | null>(null);
  const load = useCallback(
    () => relais.invoke('calls.history', { limit: 20 }).then((r) => r.ok && setCalls(r.value)),
    [],
  );
  useEffect(() => {
    void load();
  }, [load]);
  if (!calls) return null;
  // A call with nothing kept waits for nothing: only those with chat or files are offered on the sync screen.
  const shown = waitingOnly
    ? calls.filter((c) => c.actId === null && c.endedAt !== null && (c.chat.length > 0 || c.attachments.length > 0))
    : calls;
  if (waitingOnly && shown.length === 0) return null;
  return (
    <section className="card call-history" aria-labelledby="call-history-title">
      <h2 id="call-history-title">{t('callAct.history.title')}</h2>
      {shown.length === 0 && <p>{t('callAct.history.none')}</p>}
      <ul className="plain-list">
        {shown.map((c) => (
          <li key={c.id}>
            {t('callAct.history.line', {
              when: formatDateTime(c.ringingAt),
              name: c.remote.name,
              direction: t(`callAct.history.directions.${c.direction}`),
            })}
            {c.reason ? ` — ${c.reason}` : ''}{' '}
            {c.actId ? (
              <button type="button" className="link" onClick={() => show({ name: 'act', id: c.actId! })}>
                {t('callAct.history.bound')}
              </button>
            ) : (
              attaching !== c.id && (
                <button type="button" onClick={() => setAttaching(c.id)}>
                  {t('callAct.history.attach')}
                </button>
              )
            )}
            {attaching === c.id && (
              <AttachCall
                call={{
                  callId: c.id,
                  reason: c.reason,
                  remoteName: c.remote.name,
                  remoteSite: c.remote.site,
                  at: c.ringingAt,
                }}
                onCancel={() => setAttaching(null)}
                onAttached={() => {
                  setAttaching(null);
                  void load();
                }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
