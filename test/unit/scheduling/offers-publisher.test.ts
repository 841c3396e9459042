// The coordinator's offers go through the station's hub link only from a coordinator's station,
// and each request is answered by the hub's directory (or its error), never assumed.
import { describe, expect, it } from 'vitest';
import type { ClientMessage, Peer } from '../../../src/shared/hub-protocol';
import { OfferSchema } from '../../../src/shared/scheduling/offer';
import { createOffersPublisher } from '../../../src/main/scheduling';

const coordinator: Peer = {
  id: 'coord-bzh',
  role: 'coordinator',
  name: 'Coordination Bretagne',
  site: 'GCS',
  specialty: null,
  availability: 'available',
};
const offer = OfferSchema.parse({
  id: 'derm-te',
  specialty: 'Dermatologie',
  specialtyCode: 'SM15',
  hospital: 'CH de Morlaix',
  acts: ['teleexpertise'],
  hours: { alwaysOpen: false, rules: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }], holidays: 'closed' },
  experts: [{ id: 'dr-le-gall', name: 'Dr Le Gall' }],
});

function setup(identity: Peer | null, online = true) {
  const sent: ClientMessage[] = [];
  const publisher = createOffersPublisher({
    send: (m) => (online ? (sent.push(m), true) : false),
    identity: () => identity,
    answerTimeoutMs: 200,
  });
  return { sent, publisher };
}

describe('publishing an offer', () => {
  it('sends offer.publish and answers with the directory the hub sends back holding it', async () => {
    const { sent, publisher } = setup(coordinator);
    const answer = publisher.publish(offer);
    expect(sent).toEqual([{ type: 'offer.publish', offer }]);
    publisher.hubMessage({ type: 'directory', offers: [] });
    publisher.hubMessage({ type: 'directory', offers: [offer] });
    await expect(answer).resolves.toEqual({ offers: [offer] });
  });

  it('refuses a station the hub knows as a cart, naming its role, and sends nothing', async () => {
    const { sent, publisher } = setup({ ...coordinator, id: 'cart-1', role: 'station' });
    await expect(publisher.publish(offer)).rejects.toMatchObject({ code: 'forbidden', message: /station "cart-1"/ });
    expect(sent).toEqual([]);
  });

  it('says the hub is unreachable when the station is not connected', async () => {
    await expect(setup(null).publisher.publish(offer)).rejects.toMatchObject({ code: 'hub_unavailable' });
    await expect(setup(coordinator, false).publisher.publish(offer)).rejects.toMatchObject({ code: 'hub_unavailable' });
  });

  it("passes on the hub's refusal", async () => {
    const { publisher } = setup(coordinator);
    const answer = publisher.publish(offer);
    publisher.hubMessage({ type: 'error', code: 'not_allowed', message: 'Only a coordinator publishes offers.' });
    await expect(answer).rejects.toMatchObject({ code: 'forbidden', message: /Only a coordinator/ });
  });

  it('says when the hub did not answer in time', async () => {
    await expect(setup(coordinator).publisher.publish(offer)).rejects.toMatchObject({
      code: 'hub_unavailable',
      message: /did not answer in time/,
    });
  });
});

describe('withdrawing an offer', () => {
  it('is answered by the first directory without it', async () => {
    const { sent, publisher } = setup(coordinator);
    const answer = publisher.withdraw('derm-te');
    expect(sent).toEqual([{ type: 'offer.withdraw', offerId: 'derm-te' }]);
    publisher.hubMessage({ type: 'directory', offers: [offer] });
    publisher.hubMessage({ type: 'directory', offers: [] });
    await expect(answer).resolves.toEqual({ offers: [] });
  });
});
