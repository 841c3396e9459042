// Joining the doctor: the pharmacy's teleconsultation offers, whose queue the patient joins
// (cabin-queue.tsx), and the experts serving them who are available now, as large buttons (an
// expert serves an offer when named in it, or of its specialty when it is open to it: a general
// practitioner online serves the region's general medicine offer). The call itself is the station's
// call screen, where the pharmacist assists; the act starts when the call connects and waits for
// its report when the call ends.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer, Peer } from '../../../shared/hub-protocol';
import { servesOffer } from '../../../shared/scheduling/offer';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useKiosk } from './kiosk-store';
import { useSlots } from '../../ui/slots';
import { CabinQueue, useCabinWaiting } from './cabin-queue';

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
  const teleconsultations = hub.offers.filter((o) => o.acts.includes('teleconsultation'));
  // The queues are for the offers that take patients without an appointment, not the urgent ones.
  const queued = teleconsultations.filter((o) => !o.urgent);
  const waiting = useCabinWaiting(queued);
  if (call) return <CallView cabin />;

  const experts = teleconsultations.flatMap((offer) =>
    hub.peers
      .filter((peer) => peer.availability === 'available' && servesOffer(peer, offer))
      .map((peer): { offer: Offer; peer: Peer } => ({ offer, peer })),
  );
  const reason = t('kiosk.call.reason', { lng: 'fr' });
  const finish = () => {
    // Finishing without a call gives the place up: nobody waits for an empty cabin.
    if (waiting) void calls.queue.leave(waiting.offer.id);
    onEnded();
  };
  return (
    <section className="kiosk-card" aria-labelledby="kiosk-call-title">
      <h2 id="kiosk-call-title">{t('kiosk.call.title')}</h2>
      {hub.link !== 'online' && (
        <p role="alert" className="error-text">
          {t('kiosk.call.offline')}
        </p>
      )}
      {queued.length > 0 && <CabinQueue offers={queued} reason={reason} />}
      {!waiting && hub.link === 'online' && experts.length === 0 && <p role="status">{t('kiosk.call.nobody')}</p>}
      {!waiting && queued.length > 0 && experts.length > 0 && <h3>{t('kiosk.call.direct')}</h3>}
      <ul className="plain-list kiosk-experts" hidden={waiting !== null}>
        {experts.map(({ offer, peer }) => (
          <li key={`${offer.id}-${peer.id}`}>
            <button type="button" className="kiosk-button" onClick={() => void ring(peer.id, reason, false)}>
              {t('kiosk.call.callExpert', { name: peer.name, specialty: offer.specialty, hospital: offer.hospital })}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="kiosk-button secondary" onClick={finish}>
        {t('kiosk.call.skip')}
      </button>
    </section>
  );
}
