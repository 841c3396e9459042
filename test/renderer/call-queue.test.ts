// The offers' waiting queues on the page, with a stand-in station: what is sent to the hub for each
// gesture; a station taken rings the expert who took it with the entry's id; the expert's station
// answers by itself only the ring that carries the entry she just took (any other one rings).
import { beforeEach, describe, expect, it } from 'vitest';
import { createHubSignaling } from '../../src/renderer/webrtc/hub-signaling';
import { useCalls } from '../../src/renderer/webrtc/call-store';
import { createCallQueue, useQueue } from '../../src/renderer/webrtc/call-queue';
import type { ServerMessage } from '../../src/shared/hub-protocol';
import { fakeStation, peer, resetCalls, settle } from './call-fakes';

const expert = peer('dr-gp', 'expert', 'Dr Le Goff');
const cabin = peer('cabin-1', 'station', 'Pharmacie du Port');

/** The queue and the hub signaling wired as the call controller wires them (webrtc/call-controller.ts). */
function controller() {
  const station = fakeStation({ 'calls.hub': () => ({ ok: true, value: useCalls.getState().hub }) });
  const rings: boolean[] = [];
  const signaling = createHubSignaling({
    api: station.api,
    media: {
      begin: () => {},
      prepare: () => {},
      startLink: async () => {},
      finish: () => {},
      signal: () => {},
      resumed: () => {},
    },
    startRingtone: (urgent) => {
      rings.push(urgent);
      return { stop: () => {} };
    },
    onControlChanged: () => {},
    answersItself: (entryId) => queue.answersItself(entryId),
  });
  const queue = createCallQueue({ api: station.api, send: signaling.send, ring: signaling.ring });
  const c = {
    ...signaling,
    ...queue,
    init: async () => {
      queue.init();
      await signaling.init();
    },
  };
  const hub = (m: ServerMessage) => station.emit('calls.message', m);
  return { c, station, rings, hub };
}

beforeEach(() => useQueue.setState({ joined: {}, took: null, left: null, refused: null }));

describe('the cabin in a queue', () => {
  beforeEach(() => resetCalls(cabin, [expert]));

  it('joins, and rings the expert who took it with the entry, giving the reason it joined with', async () => {
    const { c, station, hub } = controller();
    await c.init();
    await c.join('mg-brest', 'Fièvre');
    expect(station.sent()).toEqual([{ type: 'queue.join', offerId: 'mg-brest', reason: 'Fièvre' }]);
    hub({ type: 'queue.taken', offerId: 'mg-brest', entryId: 'e-1', by: expert });
    await settle();
    expect(station.sent()[1]).toEqual({ type: 'call.ring', to: 'dr-gp', reason: 'Fièvre', queueEntryId: 'e-1' });
    expect(useQueue.getState().joined).toEqual({});
  });

  it('says why a join was refused, for that offer, and why a place was lost', async () => {
    const { c, hub } = controller();
    await c.init();
    await c.join('mg-brest', 'Fièvre');
    hub({ type: 'error', code: 'offer_closed', message: 'closed' });
    expect(useQueue.getState().refused).toMatchObject({ offerId: 'mg-brest', code: 'offer_closed' });
    // A refusal that answers no queue command (a rate limit) is not the queue's.
    await c.join('mg-brest', 'Fièvre');
    hub({ type: 'error', code: 'rate_limited', message: 'slow down' });
    expect(useQueue.getState().refused).toBeNull();
    hub({ type: 'queue.left', offerId: 'mg-brest', entryId: 'e-1', reason: 'expired' });
    expect(useQueue.getState().left).toEqual({ offerId: 'mg-brest', reason: 'expired' });
  });

  it('steps out and back through its presence', async () => {
    const { c, station } = controller();
    await c.init();
    await c.stepAway(true);
    await c.stepAway(false);
    expect(station.sent()).toEqual([
      { type: 'presence.set', availability: 'away' },
      { type: 'presence.set', availability: 'available' },
    ]);
  });
});

describe('the expert taking from a queue', () => {
  beforeEach(() => resetCalls(expert, [cabin]));

  it('answers by itself the ring carrying the entry she took, and rings for any other', async () => {
    const { c, station, rings, hub } = controller();
    await c.init();
    await c.take('mg-brest', 'e-1');
    expect(station.sent()).toEqual([{ type: 'queue.take', offerId: 'mg-brest', entryId: 'e-1' }]);

    // A ring with another entry's id (a station that took no turn): it rings, and waits for her.
    hub({ type: 'call.incoming', callId: 'c0', from: cabin, urgent: false, queueEntryId: 'e-other' });
    await settle();
    expect(rings).toEqual([false]);
    expect(station.sent()).toHaveLength(1);
    await c.decline();
    useCalls.setState({ call: null }); // ended and closed (the media part, stood in for here, ends it)

    hub({ type: 'call.incoming', callId: 'c1', from: cabin, urgent: false, queueEntryId: 'e-1' });
    await settle();
    expect(station.sent().at(-1)).toEqual({ type: 'call.accept', callId: 'c1' });
    expect(rings).toEqual([false]); // no second ring: answered at once
    expect(useQueue.getState().took).toBeNull();
  });
});
