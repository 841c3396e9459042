// At hang-up, on either side: what the call was (how long, with whom) and what it captured
// (photos, snapshots, recordings, chat lines, measurements), then "Retour à l'acte" when the call
// is bound to an act, or "Rattacher à un acte" when it is not. Read from the station's journal and
// the act's record, so that it says what was kept, not what the page believes it sent.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRecord } from '../../../shared/calls/calls';
import { relais } from '../../api';
import { useView } from '../../ui/view-store';
import { useCalls, type CurrentCall } from '../../webrtc/call-store';
import { AttachCall } from './attach-call';
import { useActOfCall, useCallActId } from './act-of-call';
import { dismiss } from './call-controller';

/** The call's line in the journal, read again at each change of its act (a capture saved late). */
function useJournalLine(callId: string, refresh: unknown): CallRecord | null {
  const [line, setLine] = useState<CallRecord | null>(null);
  useEffect(() => {
    let current = true;
    void relais.invoke('calls.history', { limit: 50 }).then((r) => {
      if (current && r.ok) setLine(r.value.find((c) => c.id === callId) ?? null);
    });
    return () => {
      current = false;
    };
  }, [callId, refresh]);
  return line;
}

export function duration(from: string | null, to: string | null): string | null {
  if (!from || !to) return null;
  const s = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${Math.floor(s / 60)}:${ss}`;
}

export function CallSummary({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const show = useView((s) => s.show);
  const actId = useCallActId(call);
  const act = useActOfCall(actId);
  const line = useJournalLine(call.callId, act?.record);
  const [attaching, setAttaching] = useState(false);
  if (call.callId === 'pending') return null;

  const files = act ? act.record.attachments.filter((a) => a.callId === call.callId) : (line?.attachments ?? []);
  const count = (kind: string, mime?: string) =>
    files.filter((f) => f.kind === kind && (!mime || f.mime === mime)).length;
  // Measurements taken on the act while the call lasted.
  const inCall = (at: string) =>
    line?.acceptedAt !== null &&
    line?.acceptedAt !== undefined &&
    at >= line.acceptedAt &&
    (!line.endedAt || at <= line.endedAt);
  const measurements = act ? act.record.observations.filter((o) => inCall(o.takenAt)).length : 0;
  const chat = act ? act.record.chat.length : (line?.chat.length ?? call.chat.length);
  const counts = [
    ['photo', count('snapshot', 'image/jpeg')],
    ['snapshot', count('snapshot', 'image/png')],
    ['auscultation', count('auscultation')],
    ['document', count('document')],
    ['chat', chat],
    ['measurements', measurements],
  ] as const;
  const captured = counts.filter(([, n]) => n > 0);
  const time = duration(line?.acceptedAt ?? null, line?.endedAt ?? null);

  function backToAct() {
    if (!actId) return;
    dismiss();
    show({ name: 'act', id: actId });
  }

  return (
    <section className="card call-summary" aria-labelledby="call-summary-title" data-testid="call-summary">
      <h2 id="call-summary-title">{t('callAct.summary.title')}</h2>
      <p>{t('callAct.summary.with', { name: call.remote.name, site: call.remote.site })}</p>
      <p data-testid="call-duration">
        {time ? t('callAct.summary.duration', { time }) : t('callAct.summary.notAnswered')}
      </p>
      <h3>{t('callAct.summary.captured')}</h3>
      {captured.length === 0 ? (
        <p>{t('callAct.summary.nothing')}</p>
      ) : (
        <ul className="plain-list" data-testid="call-captured">
          {captured.map(([kind, n]) => (
            <li key={kind} data-kind={kind}>
              {t(`callAct.summary.counts.${kind}`, { count: n })}
            </li>
          ))}
        </ul>
      )}
      {act && <p>{t('callAct.summary.boundTo', { reason: act.record.encounter.reason })}</p>}
      {!actId && !attaching && <p className="hint">{t('callAct.summary.notBound')}</p>}
      <div className="button-row">
        {actId ? (
          <button type="button" className="primary" onClick={backToAct}>
            {t('callAct.summary.backToAct')}
          </button>
        ) : (
          !attaching && (
            <button type="button" className="primary" onClick={() => setAttaching(true)}>
              {t('callAct.summary.attach')}
            </button>
          )
        )}
      </div>
      {attaching && !actId && (
        <AttachCall
          call={{
            callId: call.callId,
            reason: call.reason,
            remoteName: call.remote.name,
            remoteSite: call.remote.site,
            remoteSpecialty: call.remote.specialty ?? null,
            at: line?.ringingAt ?? new Date().toISOString(),
          }}
          onCancel={() => setAttaching(false)}
          onAttached={(attached) => {
            setAttaching(false);
            useCalls.setState((s) =>
              s.call?.callId === call.callId ? { call: { ...s.call, actId: attached.id } } : s,
            );
          }}
        />
      )}
    </section>
  );
}
