// Finding someone to call: the directory of telemedicine offers (specialty, hospital, act, hours)
// with each expert's presence, and everyone online, searchable by name, site or specialty.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer, Peer } from '../../../shared/hub-protocol';
import { ring, setAvailability } from './call-controller';
import { useCalls } from '../../webrtc/call-store';
import { EscalationStatus } from './escalation-status';
import { callOnDuty } from './on-duty-call';
import { CallHistory } from './call-history';
import { OfferQueue } from './offer-queue';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';
import { closedWords, hoursWords, openingWords } from '../../ui/opening-hours-words';
import { isOfferOpen, offerOpensAt } from '../../../shared/scheduling/offer';
import { closedForExpert } from '../../../shared/scheduling/reachable';

const matches = (peer: Peer, query: string) => {
  const q = query.trim().toLocaleLowerCase('fr');
  return !q || [peer.name, peer.site, peer.specialty ?? ''].some((v) => v.toLocaleLowerCase('fr').includes(q));
};

export function CallsScreen() {
  const { t } = useTranslation();
  const { hub } = useCalls();
  const [query, setQuery] = useState('');
  const [reason, setReason] = useState('');
  const [urgent, setUrgent] = useState(false);
  const online = hub.link === 'online';
  const byId = new Map(hub.peers.map((p) => [p.id, p]));
  const found = hub.peers.filter((p) => matches(p, query));

  // Outside its hours a non-urgent offer is not called: the reason is said on its experts' buttons.
  const closedWhy = (offer: Offer, now: Date) =>
    isOfferOpen(offer, now) ? null : closedWords(offerOpensAt(offer, now));
  const closedExpertWhy = (peer: Peer, now: Date) => {
    const closed = closedForExpert(peer, hub.offers, now);
    return closed ? closedWords(closed.opensAt) : null;
  };
  const callButton = (peer: Peer, closed: string | null) => (
    <ReasonedButton
      reason={firstReason([
        !online && t('why.offline'),
        closed,
        peer.availability !== 'available' && !urgent && t('why.notAvailable'),
      ])}
      onClick={() => void ring(peer.id, reason, urgent)}
    >
      {t('calls.call', { name: peer.name })}
    </ReasonedButton>
  );

  return (
    <section className="calls-screen" aria-labelledby="calls-title">
      <h1 id="calls-title">{t('calls.title')}</h1>
      {hub.you && (
        <div className="button-row">
          <p>
            {t('calls.you', { name: hub.you.name, site: hub.you.site })} — {t(`calls.roles.${hub.you.role}`)}
          </p>
          <label htmlFor="my-availability">{t('calls.myAvailability')}</label>
          <select
            id="my-availability"
            value={hub.you.availability}
            onChange={(e) => void setAvailability(e.target.value as Peer['availability'])}
          >
            {(['available', 'busy', 'away'] as const).map((a) => (
              <option key={a} value={a}>
                {t(`calls.availability.${a}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!online && (
        <p role="alert" className="banner banner-offline">
          {t('calls.hubDown', { state: t(`home.hubStates.${hub.link}`) })}
        </p>
      )}

      <div className="card call-options">
        <label htmlFor="call-reason">{t('calls.reason')}</label>
        <input id="call-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} /> {t('calls.urgent')}
        </label>
      </div>

      <EscalationStatus />
      <h2>{t('calls.directory')}</h2>
      {hub.offers.length === 0 && <p>{t('calls.noOffers')}</p>}
      <ul className="offer-list">
        {hub.offers.map((offer) => (
          <li key={offer.id} className="card">
            <h3>
              {offer.specialty} — {offer.hospital}{' '}
              {offer.urgent && <span className="tag urgent">{t('calls.urgentOffer')}</span>}
            </h3>
            <p>
              {offer.acts.map((act) => t(`calls.acts.${act}`)).join(', ')} ·{' '}
              {t('calls.hours', { hours: hoursWords(offer.hours) })}
            </p>
            <OpenNow offer={offer} />
            <OfferQueue offer={offer} reason={reason} />
            {offer.urgent && (
              <ReasonedButton
                className="warning urgent-call"
                reason={online ? null : t('why.offline')}
                onClick={() => void callOnDuty(offer, reason || t('onDuty.defaultReason'))}
              >
                {t('onDuty.call', { specialty: offer.specialty, hospital: offer.hospital })}
              </ReasonedButton>
            )}
            <ul>
              {offer.experts.map(({ id, name }) => {
                const peer = byId.get(id);
                return (
                  <li key={id}>
                    {peer ? peer.name : name} — {t(`calls.availability.${peer ? peer.availability : 'offline'}`)}{' '}
                    {peer && callButton(peer, closedWhy(offer, new Date()))}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>

      <h2>{t('calls.online')}</h2>
      <label htmlFor="call-search">{t('calls.byName')}</label>
      <input
        id="call-search"
        type="search"
        placeholder={t('calls.byNamePlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {hub.peers.length === 0 ? <p>{t('calls.nobody')}</p> : found.length === 0 ? <p>{t('calls.noMatch')}</p> : null}
      <ul className="peer-list">
        {found.map((peer) => (
          <li key={peer.id}>
            <strong>{peer.name}</strong> — {peer.site}
            {peer.specialty ? ` · ${peer.specialty}` : ''} · {t(`calls.roles.${peer.role}`)} ·{' '}
            {t(`calls.availability.${peer.availability}`)} {callButton(peer, closedExpertWhy(peer, new Date()))}
          </li>
        ))}
      </ul>
      <CallHistory />
    </section>
  );
}

/** Whether the offer can be called now, and when it opens when it cannot. */
function OpenNow({ offer }: { offer: Offer }) {
  const { t } = useTranslation();
  const now = new Date();
  if (isOfferOpen(offer, now)) return <p className="offer-open">{t('hours.openNow')}</p>;
  const opens = offerOpensAt(offer, now);
  return (
    <p className="offer-closed">
      {opens ? t('hours.closedNow', { when: openingWords(opens) }) : t('hours.closedNoOpening')}
    </p>
  );
}
