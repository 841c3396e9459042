// The hub's offer.duty answer for the cases the integration test does not reach: an offer without
// a rota rings its experts, and an instant no line covers with nobody named rings nobody.
import { describe, expect, it } from 'vitest';
import { dutyAnswer } from '../../../src/hub/scheduling/offer-duty';
import { anOffer } from '../../helpers/offers';

describe('dutyAnswer', () => {
  it('without a rota, rings the experts the offer names, in order, after the default 30 s', () => {
    const offer = anOffer({ id: 'neuro', urgent: true, experts: [{ id: 'dr-a', name: 'Anne A' }, 'dr-b'] });
    const answer = dutyAnswer(offer, new Date('2026-12-07T10:00:00Z'), (id) => id === 'dr-b');
    expect(answer).toEqual({
      type: 'offer.duty',
      offerId: 'neuro',
      at: '2026-12-07T10:00:00.000Z',
      experts: [
        { id: 'dr-a', name: 'Anne A', online: false },
        { id: 'dr-b', name: 'dr-b', online: true },
      ],
      source: { kind: 'experts', detail: '' },
      escalateAfterSeconds: 30,
    });
  });

  it('says nobody is on duty when no line covers the instant and the offer names no expert', () => {
    const offer = anOffer({
      id: 'neuro',
      urgent: true,
      rota: {
        weekly: [{ days: [1], from: '08:00', to: '09:00', experts: ['dr-a'] }],
        exceptions: [],
        holidays: 'sunday',
        escalateAfterSeconds: 20,
      },
    });
    // Monday 7 December 2026, 11:00 in France: after the only line.
    const answer = dutyAnswer(offer, new Date('2026-12-07T10:00:00Z'), () => true);
    expect(answer.experts).toEqual([]);
    expect(answer.source).toEqual({ kind: 'none', detail: '' });
    expect(answer.escalateAfterSeconds).toBe(20);
  });
});
