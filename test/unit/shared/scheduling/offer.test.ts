// Which experts serve an offer, whether it can be called now, and whom an urgent call rings: the
// rota's line when one covers the instant, the offer's experts otherwise. The bug of issue 22:
// a general practitioner online did not count for the region's general medicine offer because
// only the experts named in it did.
import { describe, expect, it } from 'vitest';
import {
  escalationDelaySeconds,
  isOfferOpen,
  offerOpensAt,
  ringOrder,
  servesOffer,
} from '../../../../src/shared/scheduling/offer';
import { anOffer } from '../../../helpers/offers';

const gp = { id: 'dr-gp', role: 'expert', specialty: 'Médecine générale' };
const cart = { id: 'cart-1', role: 'station', specialty: null };
const at = (iso: string) => new Date(iso);

describe('an offer of the region', () => {
  it('is served by its named experts and, when open to its specialty, by any expert of it', () => {
    const general = anOffer({ id: 'mg', specialty: 'médecine générale', experts: ['dr-named'] });
    expect(servesOffer(gp, general)).toBe(true);
    expect(servesOffer({ id: 'dr-named', role: 'expert', specialty: null }, general)).toBe(true);
    expect(servesOffer(cart, general)).toBe(false);
    expect(servesOffer(gp, { ...general, openToSpecialty: false })).toBe(false);
    expect(servesOffer({ ...gp, specialty: 'dermatologie' }, general)).toBe(false);
  });

  it('is open in its hours, says when it opens otherwise, and an urgent one is always open', () => {
    const weekdays = anOffer({ id: 'mg' }); // weekdays 08:00-18:00, closed on holidays
    expect(isOfferOpen(weekdays, at('2026-12-07T10:00:00Z'))).toBe(true); // Monday 11:00 in Paris
    const saturday = at('2026-12-12T10:00:00Z');
    expect(isOfferOpen(weekdays, saturday)).toBe(false);
    expect(offerOpensAt(weekdays, saturday)?.toISOString()).toBe('2026-12-14T07:00:00.000Z'); // Monday 08:00
    expect(offerOpensAt(weekdays, at('2026-12-07T10:00:00Z'))).toBeNull();
    expect(isOfferOpen({ ...weekdays, urgent: true }, saturday)).toBe(true);
  });

  it('rings the rota’s line on duty now, and the named experts when no line covers the instant', () => {
    const stroke = anOffer({
      id: 'avc',
      urgent: true,
      experts: ['dr-a', 'dr-b', 'dr-c'],
      rota: {
        weekly: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00', experts: ['dr-b', 'dr-c'] }],
        exceptions: [],
        escalateAfterSeconds: 45,
      },
    });
    expect(ringOrder(stroke, at('2026-12-07T10:00:00Z'))).toEqual(['dr-b', 'dr-c']);
    expect(ringOrder(stroke, at('2026-12-12T10:00:00Z'))).toEqual(['dr-a', 'dr-b', 'dr-c']);
    expect(escalationDelaySeconds(stroke)).toBe(45);
    expect(escalationDelaySeconds(anOffer({ id: 'x', urgent: true }))).toBe(30);
  });
});
