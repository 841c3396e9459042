// The offers' waiting queues on the station's screens (issue 22, point 5). An expert sees, for each
// offer she serves (named in it, or of its specialty when it is open to it), who waits, since when,
// why, and whether the station is there, with "Prendre": the station then rings her, and her
// station answers by itself (webrtc/call-queue.ts). A cart asking a non-urgent offer from the
// directory waits in its queue and sees its place.
import { useTranslation } from 'react-i18next';
import type { Offer, QueueEntry } from '../../../shared/hub-protocol';
import { isOfferOpen, servesOffer } from '../../../shared/scheduling/offer';
import { useCalls } from '../../webrtc/call-store';
import { useQueue } from '../../webrtc/call-queue';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';
import { formatTime, formatWaited } from '../../ui/format';
import { openingWords } from '../../ui/opening-hours-words';
import { joinQueue, leaveQueue, takeFromQueue } from './call-controller';

/** On an offer's card of the directory: its queue for an expert who serves it, waiting in it for a cart. */
export function OfferQueue({ offer, reason }: { offer: Offer; reason: string }) {
  const you = useCalls((s) => s.hub.you);
  if (you?.role === 'expert' && servesOffer(you, offer)) return <QueueEntries offer={offer} />;
  if (you?.role === 'station' && !offer.urgent && offer.acts.includes('teleconsultation'))
    return <CartWaiting offer={offer} reason={reason} />;
  return null;
}

/** The expert's panel, where her incoming work is: the queues of every offer she serves. */
export function QueuePanel() {
  const { t } = useTranslation();
  const you = useCalls((s) => s.hub.you);
  const queues = useCalls((s) => s.hub.queue?.entries) ?? [];
  const served = useCalls((s) => s.hub.offers).filter((o) => you !== null && servesOffer(you, o));
  const waitedFor = served.filter((o) => queues.some((q) => q.offerId === o.id && q.entries.length > 0));
  // The queues are for the offers taken without an appointment; an urgent one shows when someone waits in it.
  const named = [...new Set(served.filter((o) => !o.urgent).map((o) => `${o.specialty} — ${o.hospital}`))];
  if (waitedFor.length === 0)
    return <p>{named.length === 0 ? t('queue.noOffer') : t('queue.nobodyWaits', { offers: named.join(', ') })}</p>;
  return (
    <div className="queue-panel" data-testid="queue-panel">
      {waitedFor.map((offer) => (
        <div key={offer.id}>
          <h3>{t('queue.offerTitle', { specialty: offer.specialty, hospital: offer.hospital })}</h3>
          <QueueEntries offer={offer} />
        </div>
      ))}
    </div>
  );
}

function QueueEntries({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const online = useCalls((s) => s.hub.link === 'online');
  const inCall = useCalls((s) => s.call !== null && s.call.phase !== 'ended');
  const entries = useCalls((s) => s.hub.queue?.entries.find((e) => e.offerId === offer.id)?.entries) ?? [];
  const refused = useQueue((s) => (s.refused?.offerId === offer.id ? s.refused : null));
  const label = t('queue.entries', { specialty: offer.specialty, hospital: offer.hospital });
  const whyNot = (entry: QueueEntry) =>
    firstReason([
      !online && t('why.offline'),
      inCall && t('queue.whyInCall'),
      entry.away && t('queue.whyLostConnection'),
      entry.from.availability === 'away' && t('queue.whySteppedOut'),
    ]);
  return (
    <>
      {refused && (refused.code === 'queue_entry_gone' || refused.code === 'not_allowed') && (
        <p role="alert" className="error-text">
          {t(refused.code === 'queue_entry_gone' ? 'queue.gone' : 'queue.notAllowed')}
        </p>
      )}
      {entries.length === 0 ? (
        <p>{t('queue.empty')}</p>
      ) : (
        <ol className="home-list queue-entries" aria-label={label}>
          {entries.map((entry) => (
            <li key={entry.entryId}>
              <strong>
                {entry.from.name} ({entry.from.site})
              </strong>
              <span className="home-list-detail">
                {t('queue.since', { time: formatTime(entry.since), waited: formatWaited(entry.since) })} ·{' '}
                {entry.reason ? t('queue.reason', { reason: entry.reason }) : t('queue.noReason')}
                {entry.away && <span className="tag"> {t('queue.lostConnection')}</span>}
                {entry.from.availability === 'away' && <span className="tag"> {t('queue.steppedOut')}</span>}
              </span>
              <ReasonedButton
                reason={whyNot(entry)}
                aria-label={t('queue.takeWho', { name: entry.from.name })}
                onClick={() => void takeFromQueue(offer.id, entry.entryId)}
              >
                {t('queue.take')}
              </ReasonedButton>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function CartWaiting({ offer, reason }: { offer: Offer; reason: string }) {
  const { t } = useTranslation();
  const online = useCalls((s) => s.hub.link === 'online');
  const place = useCalls((s) => s.hub.queue?.places.find((p) => p.offerId === offer.id)) ?? null;
  const asked = useQueue((s) => offer.id in s.joined);
  const refused = useQueue((s) => (s.refused?.offerId === offer.id ? s.refused : null));
  const left = useQueue((s) => (s.left?.offerId === offer.id && s.left.reason !== 'left' ? s.left : null));
  if (place || asked)
    return (
      <div className="queue-waiting" role="status">
        {!place ? (
          <p>{t('queue.joining')}</p>
        ) : (
          <p>
            {t('queue.waiting', { position: place.position, waiting: place.waiting })}
            {place.estimatedWaitMinutes !== null && ` · ${t('queue.wait', { count: place.estimatedWaitMinutes })}`}
          </p>
        )}
        {place && place.expertsOnline === 0 && (
          <p>
            {t('queue.nobody')}{' '}
            {place.nextOpening && t('queue.opens', { when: openingWords(new Date(place.nextOpening)) })}
          </p>
        )}
        <button type="button" onClick={() => void leaveQueue(offer.id)}>
          {t('queue.leave')}
        </button>
      </div>
    );
  return (
    <div className="queue-join">
      {left && <p role="alert">{t('queue.lost')}</p>}
      {refused && (refused.code === 'offer_closed' || refused.code === 'unknown_offer') && (
        <p role="alert">{t(refused.code === 'offer_closed' ? 'queue.closed' : 'queue.refused')}</p>
      )}
      <ReasonedButton
        reason={firstReason([!online && t('why.offline'), !isOfferOpen(offer, new Date()) && t('queue.closed')])}
        onClick={() => void joinQueue(offer.id, reason)}
      >
        {t('queue.join')}
      </ReasonedButton>
    </div>
  );
}
