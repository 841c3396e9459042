// The coordinator's offers, sent through the station's own hub link: offer.publish and
// offer.withdraw go only from a station the hub knows as the region's coordinator, and each waits
// for the hub's answer: the directory it broadcasts once the offer is stored (or withdrawn), or
// its error. The page never sends offer.* itself.
import type { ClientMessage, Offer, Peer, ServerMessage } from '../../shared/hub-protocol';
import { AppFailure } from '../contract/failure';

export interface OffersPublisherDeps {
  /** Sends on the station's hub connection; false when the hub is not reachable. */
  send(message: ClientMessage): boolean;
  /** Who the hub says this station is (null while not connected). */
  identity(): Peer | null;
  /** How long to wait for the hub's answer. */
  answerTimeoutMs?: number;
}

type Waiter = { done(offers: Offer[]): boolean; refused(code: string, message: string): void };

const HUB_UNREACHABLE =
  'The regional hub is not reachable: the offer was not sent. Try again when the station is online.';

export function createOffersPublisher(deps: OffersPublisherDeps) {
  const waiters = new Set<Waiter>();

  function ensureCoordinator(): void {
    const you = deps.identity();
    if (!you) throw new AppFailure('hub_unavailable', HUB_UNREACHABLE);
    if (you.role !== 'coordinator')
      throw new AppFailure(
        'forbidden',
        `Only the region's coordinator publishes offers; this station is known to the hub as ${you.role} "${you.id}".`,
      );
  }

  function sendAndWait(message: ClientMessage, answered: (offers: Offer[]) => boolean): Promise<{ offers: Offer[] }> {
    return new Promise((resolve, reject) => {
      ensureCoordinator();
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new AppFailure(
            'hub_unavailable',
            'The regional hub did not answer in time: check the directory, then try again.',
          ),
        );
      }, deps.answerTimeoutMs ?? 8000);
      const waiter: Waiter = {
        done(offers) {
          if (!answered(offers)) return false;
          clearTimeout(timer);
          resolve({ offers });
          return true;
        },
        refused(code, text) {
          clearTimeout(timer);
          const failure =
            code === 'not_allowed'
              ? new AppFailure('forbidden', `The hub refused: ${text}`)
              : code === 'invalid_message'
                ? new AppFailure('validation_failed', `The hub refused the offer: ${text}`)
                : new AppFailure('not_found', `The hub refused: ${text}`);
          reject(failure);
        },
      };
      waiters.add(waiter);
      if (!deps.send(message)) {
        clearTimeout(timer);
        waiters.delete(waiter);
        reject(new AppFailure('hub_unavailable', HUB_UNREACHABLE));
      }
    });
  }

  return {
    publish: (offer: Offer) =>
      sendAndWait({ type: 'offer.publish', offer }, (offers) => offers.some((o) => o.id === offer.id)),
    withdraw: (offerId: string) =>
      sendAndWait({ type: 'offer.withdraw', offerId }, (offers) => !offers.some((o) => o.id === offerId)),

    /** The hub's messages: a directory answers the oldest request it satisfies; an offer error refuses it. */
    hubMessage(message: ServerMessage): void {
      if (message.type === 'directory') {
        for (const waiter of waiters)
          if (waiter.done(message.offers)) {
            waiters.delete(waiter);
            break;
          }
        return;
      }
      if (message.type !== 'error') return;
      if (!['not_allowed', 'invalid_message', 'unknown_offer'].includes(message.code)) return;
      const [oldest] = waiters;
      if (!oldest) return;
      waiters.delete(oldest);
      oldest.refused(message.code, message.message);
    },
  };
}
export type OffersPublisher = ReturnType<typeof createOffersPublisher>;
