// "Appeler l'expert" on the act: the experts online (those of the region's offers first), each
// rung for this act, so that the act's reason is the call's and the station binds the call to the
// act at its ring (calls.ringForAct): nothing to link by hand afterwards. An urgent offer (the
// stroke alert) rings its on-duty list the same way, each attempt for this act, and is offered on
// a stroke act only (its stroke sheet started): a dermatology act never shows a button that rings
// the neurologist on duty. An expert who serves only offers closed now is shown greyed with when
// the soonest of them opens (issue 22, point 6).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Encounter } from '../../../shared/acts/encounter';
import type { Peer } from '../../../shared/hub-protocol';
import { useCalls } from '../../webrtc/call-store';
import { ring } from './call-controller';
import { callOnDuty } from './on-duty-call';
import { firstReason, ReasonedButton } from '../../ui/disabled-reason';
import { closedWords } from '../../ui/opening-hours-words';
import { closedForExpert } from '../../../shared/scheduling/reachable';
import { relais } from '../../api';

/** Whether this act's stroke sheet has been started (anything recorded on it), followed live. */
function useStrokeAct(encounterId: string): boolean {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    let current = true;
    const load = () =>
      relais.invoke('stroke.sheet', { encounterId }).then((r) => current && setStarted(r.ok && r.value.version > 0));
    void load();
    const off = relais.on('stroke.changed', (e) => e.encounterId === encounterId && void load());
    return () => {
      current = false;
      off();
    };
  }, [encounterId]);
  return started;
}

/** Experts named by an offer first (the region's directory), then any other expert online. */
function expertsOnline(peers: Peer[], offered: Set<string>): Peer[] {
  const experts = peers.filter((p) => p.role === 'expert');
  return [...experts.filter((p) => offered.has(p.id)), ...experts.filter((p) => !offered.has(p.id))];
}

export function CallFromAct({ encounter }: { encounter: Encounter }) {
  const { t } = useTranslation();
  const inCall = useCalls((s) => s.call !== null && s.call.phase !== 'ended');
  // The list closes when a call is placed from it: back on the act after the call, it is closed.
  const [open, setOpen] = useState(false);
  const closed = encounter.status === 'closed';
  // Why the button is greyed, said beside it.
  const why = closed ? t('callAct.fromAct.closed') : inCall ? t('callAct.fromAct.inCall') : null;
  const strokeAct = useStrokeAct(encounter.id);

  return (
    <div className="call-from-act">
      <button
        type="button"
        className="primary"
        aria-expanded={open}
        aria-describedby={why ? 'call-from-act-why' : undefined}
        disabled={why !== null}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? t('callAct.fromAct.close') : t('callAct.fromAct.open')}
      </button>
      {why && (
        <p id="call-from-act-why" className="hint">
          {why}
        </p>
      )}
      {open && why === null && (
        <section className="card call-from-act-list" aria-labelledby="call-from-act-title">
          <h2 id="call-from-act-title">{t('callAct.fromAct.title')}</h2>
          <p className="hint">{t('callAct.fromAct.reason', { reason: encounter.reason })}</p>
          <ExpertsToCall encounter={encounter} strokeAct={strokeAct} onPlaced={() => setOpen(false)} />
        </section>
      )}
    </div>
  );
}

/** The list "Appeler l'expert" opens: the stroke alert on a stroke act, then the experts online, each greyed with why. */
export function ExpertsToCall({
  encounter,
  strokeAct,
  onPlaced,
}: {
  encounter: Encounter;
  strokeAct: boolean;
  onPlaced: () => void;
}) {
  const { t } = useTranslation();
  const hub = useCalls((s) => s.hub);
  const online = hub.link === 'online';
  const offered = new Set(hub.offers.flatMap((o) => o.experts.map((e) => e.id)));
  const experts = expertsOnline(hub.peers, offered);
  const urgentOffers = strokeAct ? hub.offers.filter((o) => o.urgent) : [];
  const specialtyOf = (p: Peer) => (p.specialty ? ` · ${p.specialty}` : '');
  const closedWhy = (p: Peer) => {
    const closed = closedForExpert(p, hub.offers, new Date());
    return closed ? closedWords(closed.opensAt) : null;
  };
  return (
    <>
      {!online && (
        <p role="alert" className="error-text">
          {t('callAct.fromAct.hubDown')}
        </p>
      )}
      {online &&
        urgentOffers.map((offer) => (
          <button
            key={offer.id}
            type="button"
            className="warning urgent-call"
            onClick={() => {
              onPlaced();
              void callOnDuty(offer, encounter.reason, encounter.id);
            }}
          >
            {t('callAct.fromAct.strokeAlert', { specialty: offer.specialty, hospital: offer.hospital })}
          </button>
        ))}
      {online && experts.length === 0 && <p>{t('callAct.fromAct.noExpert')}</p>}
      {online && experts.length > 0 && (
        <ul className="plain-list" aria-label={t('callAct.fromAct.experts')}>
          {experts.map((peer) => (
            <li key={peer.id}>
              <strong>{peer.name}</strong> — {peer.site}
              {specialtyOf(peer)}{' '}
              <ReasonedButton
                reason={firstReason([closedWhy(peer), peer.availability !== 'available' && t('callAct.fromAct.busy')])}
                onClick={() => {
                  onPlaced();
                  void ring(peer.id, encounter.reason, false, encounter.id);
                }}
              >
                {t('callAct.fromAct.call', { name: peer.name })}
              </ReasonedButton>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
