// Whether an expert can be called now for the region's offers (issue 22, point 6): outside its
// hours a non-urgent offer cannot be called, and an expert who serves only closed offers is not
// called either; an urgent offer is always reachable, and an expert no offer names (a colleague
// found by name) is not held by any offer's hours.
import type { Peer } from '../hub-protocol';
import { isOfferOpen, offerOpensAt, servesOffer, type Offer } from './offer';

/** Null when she may be called now; otherwise when the soonest of her offers opens (null: none within two weeks). */
export function closedForExpert(
  peer: Pick<Peer, 'id' | 'role' | 'specialty'>,
  offers: Offer[],
  at: Date,
): { opensAt: Date | null } | null {
  const served = offers.filter((offer) => servesOffer(peer, offer));
  if (served.length === 0 || served.some((offer) => isOfferOpen(offer, at))) return null;
  const openings = served
    .map((offer) => offerOpensAt(offer, at))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  return { opensAt: openings[0] ?? null };
}
