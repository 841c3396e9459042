// The station keeps who is online from the hub's welcome, then from each presence change: a peer
// changed or come is replaced or added by id, a peer gone removed; its own availability follows.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallRepository } from '../../../src/main/calls/call-repository';
import { createCallService } from '../../../src/main/calls/call-service';
import { openDatabase, type Db } from '../../../src/main/platform/database/connection';
import { createOutboxRepository } from '../../../src/main/platform/database/outbox-repository';
import { createHubLink } from '../../../src/main/platform/hub/hub-link';
import type { Peer } from '../../../src/shared/hub-protocol';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-call-presence-');
const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

const peer = (id: string, role: Peer['role'], availability: Peer['availability'] = 'available'): Peer => ({
  id,
  role,
  name: id,
  site: 'CHU de Brest',
  specialty: role === 'expert' ? 'neurologie' : null,
  availability,
});

function callService() {
  const db = openDatabase(path.join(tempDir(), 'relais.sqlite'));
  dbs.push(db);
  return createCallService({
    db,
    calls: createCallRepository(db),
    outbox: createOutboxRepository(db),
    link: createHubLink(null, () => {}),
    now: () => new Date(),
    icePolicy: 'all',
    onState: () => {},
    onMessage: () => {},
  });
}

describe('presence on the station', () => {
  it('applies each change to the welcome’s list', () => {
    const calls = callService();
    const me = peer('cart-1', 'station');
    calls.handle({ type: 'welcome', you: me, peers: [me, peer('dr-a', 'expert')] });
    expect(calls.state().peers.map((p) => p.id)).toEqual(['dr-a']);

    calls.handle({
      type: 'presence.changed',
      peers: [peer('dr-a', 'expert', 'busy'), peer('dr-b', 'expert')],
      left: [],
    });
    expect(calls.state().peers).toEqual([peer('dr-a', 'expert', 'busy'), peer('dr-b', 'expert')]);

    calls.handle({ type: 'presence.changed', peers: [{ ...me, availability: 'away' }], left: ['dr-a'] });
    expect(calls.state().peers.map((p) => p.id)).toEqual(['dr-b']);
    expect(calls.state().you?.availability).toBe('away');

    // Told twice (a change already in the welcome): the same list.
    calls.handle({ type: 'presence.changed', peers: [peer('dr-b', 'expert')], left: ['dr-a'] });
    expect(calls.state().peers.map((p) => p.id)).toEqual(['dr-b']);
  });
});
