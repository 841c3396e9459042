// Joining the doctor: the teleconsultation offers' experts who are available, as large buttons.
// The call itself is the station's call screen, where the pharmacist assists; the act starts
// when the call connects and waits for its report when the call ends.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Peer } from '../../../shared/hub-protocol';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useKiosk } from './kiosk-store';
import { useSlots } from '../../ui/slots';

/** Links the act to the call once it connects, and moves it on when the call ends. */
function useActFollowsCall(onEnded: () => void) {
  const { dismiss } = useSlots().calls;
  const call = useCalls((s) => s.call);
  const linked = useRef<string | null>(null);
  const ended = useRef<string | null>(null);
  useEffect(() => {
    const { encounter } = useKiosk.getState().session;
    if (!call || !encounter) return;
    const move = async (status: 'in_progress' | 'awaiting_report', callId?: string) => {
      const current = useKiosk.getState().session.encounter!;
      const result = await relais.invoke('encounters.setStatus', {
        id: current.id,
        version: current.version,
        status,
        ...(callId ? { callId } : {}),
      });
      if (result.ok) useKiosk.getState().update({ encounter: result.value });
    };
    if (call.phase === 'connected' && linked.current !== call.callId) {
      linked.current = call.callId;
      if (encounter.status === 'draft') void move('in_progress', call.callId);
    }
    if (call.phase === 'ended' && ended.current !== call.callId) {
      ended.current = call.callId;
      void (async () => {
        if (useKiosk.getState().session.encounter?.status === 'in_progress') await move('awaiting_report');
        dismiss();
        onEnded();
      })();
    }
  }, [call, onEnded, dismiss]);
  return call;
}

export function CallStep({ onEnded }: { onEnded(): void }) {
  const { CallView, calls } = useSlots();
  const { ring } = calls;
  const { t } = useTranslation();
  const hub = useCalls((s) => s.hub);
  const call = useActFollowsCall(onEnded);
  if (call) return <CallView cabin />;

  const byId = new Map(hub.peers.map((p) => [p.id, p]));
  const experts = hub.offers
    .filter((o) => o.acts.includes('teleconsultation'))
    .flatMap((offer) => offer.experts.map(({ id }) => ({ offer, peer: byId.get(id) })))
    .filter((e): e is { offer: (typeof hub.offers)[number]; peer: Peer } => e.peer?.availability === 'available');
  return (
    <section className="kiosk-card" aria-labelledby="kiosk-call-title">
      <h2 id="kiosk-call-title">{t('kiosk.call.title')}</h2>
      {hub.link !== 'online' && (
        <p role="alert" className="error-text">
          {t('kiosk.call.offline')}
        </p>
      )}
      {hub.link === 'online' && experts.length === 0 && <p role="status">{t('kiosk.call.nobody')}</p>}
      <ul className="plain-list kiosk-experts">
        {experts.map(({ offer, peer }) => (
          <li key={`${offer.id}-${peer.id}`}>
            <button
              type="button"
              className="kiosk-button"
              onClick={() => void ring(peer.id, t('kiosk.call.reason', { lng: 'fr' }), false)}
            >
              {t('kiosk.call.callExpert', { name: peer.name, specialty: offer.specialty, hospital: offer.hospital })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="kiosk-button secondary" onClick={onEnded}>
        {t('kiosk.call.skip')}
      </button>
    </section>
  );
}
