// The hub's answers to the offer messages (issue 22, points 1 and 4): the region's coordinator
// publishes and withdraws offers, and every connected peer is then sent the new directory; anyone
// asks who is on duty for an offer now, by the hub's clock.
import type { ClientMessage, Peer, ServerMessage } from '../../shared/hub-protocol';
import type { Outcome } from '../connection';
import { dutyAnswer } from './offer-duty';
import type { OfferStore } from './offer-store';

export type OfferMessage = Extract<ClientMessage, { type: 'offer.publish' | 'offer.withdraw' | 'offer.duty' }>;

export interface OfferMessagesDeps {
  store: OfferStore;
  /** Every connected peer, coordinators included: all are sent the directory. */
  connected(): Iterable<string>;
  isOnline(peerId: string): boolean;
  /** After each publication or withdrawal (the waiting queues follow the offers). */
  changed?(): void;
  send(peerId: string, message: ServerMessage): void;
  now(): number;
  log(event: string, detail?: Record<string, unknown>): void;
}

const unknownOffer = (id: string): Outcome => ({
  ok: false,
  code: 'unknown_offer',
  message: `No offer ${id} is in the region's directory (withdrawn, or never published).`,
});

export function createOfferMessages(deps: OfferMessagesDeps) {
  const directory = (): ServerMessage => ({ type: 'directory', offers: deps.store.active() });
  const broadcast = () => {
    const message = directory();
    for (const id of deps.connected()) deps.send(id, message);
  };

  async function handle(peer: Peer, m: OfferMessage, reply: (message: ServerMessage) => void): Promise<Outcome> {
    if (m.type === 'offer.duty') {
      const offer = deps.store.find(m.offerId);
      if (!offer) return unknownOffer(m.offerId);
      reply(dutyAnswer(offer, new Date(deps.now()), deps.isOnline));
      return { ok: true };
    }
    // SECURITY: the offers are the region's: only its coordinator's token changes them.
    if (peer.role !== 'coordinator') {
      deps.log('hub.offer_refused', { peer: peer.id, type: m.type });
      const message = 'Only the region’s coordinator publishes or withdraws offers: this token is not a coordinator’s.';
      return { ok: false, code: 'not_allowed', message };
    }
    if (m.type === 'offer.publish') {
      // Each expert serves an offer once: her PractitionerRole is one resource.
      const ids = m.offer.experts.map((e) => e.id);
      const twice = ids.find((id, i) => ids.indexOf(id) !== i);
      if (twice !== undefined)
        return {
          ok: false,
          code: 'invalid_message',
          message: `The offer names the expert ${twice} twice: name her once.`,
        };
      await deps.store.publish(m.offer);
      deps.log('hub.offer_published', { by: peer.id, offer: m.offer.id, experts: m.offer.experts.length });
    } else {
      if (!(await deps.store.withdraw(m.offerId))) return unknownOffer(m.offerId);
      deps.log('hub.offer_withdrawn', { by: peer.id, offer: m.offerId });
    }
    broadcast();
    deps.changed?.();
    return { ok: true };
  }

  return { directory, handle };
}
