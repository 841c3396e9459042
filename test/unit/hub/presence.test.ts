// Presence as changes: one serialised message per window for everyone, naming only what differs
// from what was last told; the welcome's list kept serialised until the next change.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPresence } from '../../../src/hub/presence';
import type { Peer } from '../../../src/shared/hub-protocol';

const peerNamed = (id: string, availability: Peer['availability'] = 'available'): Peer => ({
  id,
  role: 'station',
  name: id,
  site: 'EHPAD',
  specialty: null,
  availability,
});

function presenceOf(online: Map<string, Peer>) {
  const sent: unknown[] = [];
  const presence = createPresence({
    describe: (id) => online.get(id),
    broadcast: (text) => sent.push(JSON.parse(text)),
    windowMs: 500,
  });
  return { presence, sent };
}

describe('presence', () => {
  afterEach(() => vi.useRealTimers());

  it('sends one message for all the changes of a window, naming only what changed', async () => {
    vi.useFakeTimers();
    const online = new Map([['cart-1', peerNamed('cart-1')]]);
    const { presence, sent } = presenceOf(online);
    presence.changed('cart-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ type: 'presence.changed', peers: [peerNamed('cart-1')], left: [] }]);

    online.set('cart-2', peerNamed('cart-2'));
    presence.changed('cart-2');
    online.set('cart-1', peerNamed('cart-1', 'busy'));
    presence.changed('cart-1');
    online.delete('cart-2');
    presence.changed('cart-2');
    online.set('cart-3', peerNamed('cart-3'));
    presence.changed('cart-3');
    await vi.advanceTimersByTimeAsync(499);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    // cart-2 came and went within the window: nobody was told of it, neither way.
    expect(sent[1]).toEqual({
      type: 'presence.changed',
      peers: [peerNamed('cart-1', 'busy'), peerNamed('cart-3')],
      left: [],
    });
    online.delete('cart-3');
    presence.changed('cart-3');
    await vi.advanceTimersByTimeAsync(500);
    expect(sent[2]).toEqual({ type: 'presence.changed', peers: [], left: ['cart-3'] });
  });

  it('says nothing when a peer says again what it was, or leaves and comes back as it was', async () => {
    vi.useFakeTimers();
    const online = new Map([['cart-1', peerNamed('cart-1')]]);
    const { presence, sent } = presenceOf(online);
    presence.changed('cart-1');
    await vi.advanceTimersByTimeAsync(0);
    presence.changed('cart-1');
    online.delete('cart-1');
    presence.changed('cart-1');
    online.set('cart-1', peerNamed('cart-1'));
    presence.changed('cart-1');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent).toHaveLength(1);
  });

  it('lists everyone as now for a welcome, the coordinator (not described) left out', () => {
    const online = new Map([
      ['cart-1', peerNamed('cart-1')],
      ['dr-neuro', { ...peerNamed('dr-neuro'), role: 'expert' as const }],
    ]);
    const { presence } = presenceOf(online);
    presence.changed('cart-1');
    presence.changed('coord-bzh');
    const first = presence.listJson();
    expect(JSON.parse(first)).toEqual([peerNamed('cart-1')]);
    expect(presence.listJson()).toBe(first); // kept, not serialised again
    presence.changed('dr-neuro');
    expect(JSON.parse(presence.listJson()).map((p: Peer) => p.id)).toEqual(['cart-1', 'dr-neuro']);
    presence.close();
  });
});
