// The cabin waits for a doctor of the pharmacy's teleconsultation offer (issue 22, point 5): the
// patient joins its queue, sees her place and the estimated wait, is told plainly when no doctor
// of the offer is online and when it opens, can step out and come back without losing her place.
// When a doctor takes her, the station rings that doctor by itself (webrtc/call-queue.ts) and the
// call step shows the call.
import { useTranslation } from 'react-i18next';
import type { Offer, QueuePlace } from '../../../shared/hub-protocol';
import { isOfferOpen, offerOpensAt } from '../../../shared/scheduling/offer';
import { relais } from '../../api';
import { useCalls } from '../../webrtc/call-store';
import { useQueue } from '../../webrtc/call-queue';
import { openingWords } from '../../ui/opening-hours-words';
import { ReasonedButton } from '../../ui/disabled-reason';
import { useSlots } from '../../ui/slots';

/** The offer this cabin waits for, if any: the hub's place, or the join on its way. */
export function useCabinWaiting(offers: Offer[]): { offer: Offer; place: QueuePlace | null } | null {
  const places = useCalls((s) => s.hub.queue?.places);
  const joined = useQueue((s) => s.joined);
  for (const offer of offers) {
    const place = places?.find((p) => p.offerId === offer.id) ?? null;
    if (place || offer.id in joined) return { offer, place };
  }
  return null;
}

/** At the end of a session: the cabin's places given up, and the cabin back from "stepped away". */
export async function leaveEveryQueue(): Promise<void> {
  const { hub } = useCalls.getState();
  const offers = new Set([
    ...(hub.queue?.places ?? []).map((p) => p.offerId),
    ...Object.keys(useQueue.getState().joined),
  ]);
  if (hub.link !== 'online') return;
  for (const offerId of offers) await relais.invoke('calls.send', { type: 'queue.leave', offerId });
  if (hub.you?.availability === 'away')
    await relais.invoke('calls.send', { type: 'presence.set', availability: 'available' });
  useQueue.setState({ joined: {} });
}

export function CabinQueue({ offers, reason }: { offers: Offer[]; reason: string }) {
  const { t } = useTranslation();
  const { queue } = useSlots().calls;
  const online = useCalls((s) => s.hub.link === 'online');
  const left = useQueue((s) => s.left);
  const refused = useQueue((s) => s.refused);
  const waiting = useCabinWaiting(offers);
  if (waiting) return <Waiting offer={waiting.offer} place={waiting.place} />;
  const now = new Date();
  return (
    <section className="kiosk-queue" aria-labelledby="kiosk-queue-title">
      <h3 id="kiosk-queue-title">{t('kiosk.queue.title')}</h3>
      {left && left.reason !== 'left' && (
        <p role="alert" className="kiosk-queue-notice">
          {t(left.reason === 'withdrawn' ? 'kiosk.queue.lostWithdrawn' : 'kiosk.queue.lostExpired')}
        </p>
      )}
      {refused && (
        <p role="alert" className="kiosk-queue-notice">
          {t(refused.code === 'offer_closed' ? 'kiosk.queue.refusedClosed' : 'kiosk.queue.refused')}
        </p>
      )}
      <ul className="plain-list kiosk-experts">
        {offers.map((offer) => {
          const opens = isOfferOpen(offer, now) ? null : offerOpensAt(offer, now);
          const closed = !isOfferOpen(offer, now);
          const why = closed
            ? opens
              ? t('kiosk.queue.closed', { when: openingWords(opens) })
              : t('kiosk.queue.closedNoOpening')
            : null;
          return (
            <li key={offer.id}>
              <ReasonedButton
                className="kiosk-button"
                reason={online ? why : t('kiosk.call.offline')}
                onClick={() => void queue.join(offer.id, reason)}
              >
                {t('kiosk.queue.join', { specialty: offer.specialty, hospital: offer.hospital })}
              </ReasonedButton>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Waiting({ offer, place }: { offer: Offer; place: QueuePlace | null }) {
  const { t } = useTranslation();
  const { queue } = useSlots().calls;
  const away = useCalls((s) => s.hub.you?.availability === 'away');
  return (
    <section className="kiosk-queue kiosk-waiting" aria-labelledby="kiosk-waiting-title" aria-live="polite">
      <h3 id="kiosk-waiting-title">{t('kiosk.queue.waitingTitle')}</h3>
      <p className="kiosk-queue-offer">
        {t('kiosk.queue.offer', { specialty: offer.specialty, hospital: offer.hospital })}
      </p>
      {!place ? (
        <p>{t('kiosk.queue.joining')}</p>
      ) : away ? (
        <div className="kiosk-queue-away" role="status">
          <p className="kiosk-queue-big">{t('kiosk.queue.awayTitle')}</p>
          <p>{t('kiosk.queue.away')}</p>
          <button type="button" className="kiosk-button" onClick={() => void queue.stepAway(false)}>
            {t('kiosk.queue.back')}
          </button>
        </div>
      ) : (
        <>
          <p className="kiosk-queue-big" data-testid="queue-position" data-position={place.position}>
            {t('kiosk.queue.place', { position: place.position })}
          </p>
          <p>{place.position === 1 ? t('kiosk.queue.next') : t('kiosk.queue.ahead', { count: place.position - 1 })}</p>
          {place.expertsOnline === 0 ? (
            <div role="status" className="kiosk-queue-notice">
              <p>{t('kiosk.queue.nobody')}</p>
              <p>
                {place.nextOpening
                  ? t('kiosk.queue.opens', { when: openingWords(new Date(place.nextOpening)) })
                  : t('kiosk.queue.kept')}
              </p>
            </div>
          ) : (
            place.estimatedWaitMinutes !== null && <p>{t('kiosk.queue.wait', { count: place.estimatedWaitMinutes })}</p>
          )}
          <p className="hint">{t('kiosk.queue.callStarts')}</p>
        </>
      )}
      <div className="kiosk-queue-actions">
        {place && !away && (
          <button type="button" className="kiosk-button secondary" onClick={() => void queue.stepAway(true)}>
            {t('kiosk.queue.stepAway')}
          </button>
        )}
        <button
          type="button"
          className="kiosk-button secondary"
          onClick={() => void (away ? queue.stepAway(false) : Promise.resolve()).then(() => queue.leave(offer.id))}
        >
          {t('kiosk.queue.leave')}
        </button>
      </div>
    </section>
  );
}
