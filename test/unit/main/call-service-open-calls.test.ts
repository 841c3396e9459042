// The call service says how many calls are in progress (rung or answered, not ended), read from
// its journal: what holds an update back. A record left open by a crash long ago does not count.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallRepository } from '../../../src/main/calls/call-repository';
import { openDatabase, type Db } from '../../../src/main/platform/database/connection';
import { createOutboxRepository } from '../../../src/main/platform/database/outbox-repository';
import { createCallService } from '../../../src/main/calls/call-service';
import { createHubLink } from '../../../src/main/platform/hub/hub-link';
import type { Peer } from '../../../src/shared/hub-protocol';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-open-calls-');
const EXPERT: Peer = {
  id: 'dr-neuro',
  role: 'expert',
  name: 'Dr Kerleau',
  site: 'CHU de Brest',
  specialty: 'neurologie',
  availability: 'available',
};
const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function callService(clock: { ms: number }) {
  const db = openDatabase(path.join(tempDir(), 'relais.sqlite'));
  dbs.push(db);
  return createCallService({
    db,
    calls: createCallRepository(db),
    outbox: createOutboxRepository(db),
    link: createHubLink(null, () => {}),
    now: () => new Date(clock.ms),
    icePolicy: 'all',
    onState: () => {},
    onMessage: () => {},
  });
}

describe('open calls', () => {
  it('counts a call from its ringing to its end', () => {
    const clock = { ms: Date.parse('2026-11-23T14:00:00Z') };
    const calls = callService(clock);
    expect(calls.openCalls()).toBe(0);
    calls.handle({ type: 'call.incoming', callId: 'call-1', from: EXPERT, urgent: false });
    expect(calls.openCalls()).toBe(1);
    calls.handle({ type: 'call.accepted', callId: 'call-1', by: EXPERT });
    expect(calls.openCalls()).toBe(1);
    calls.handle({ type: 'call.ended', callId: 'call-1', reason: 'hangup' });
    expect(calls.openCalls()).toBe(0);
  });

  it('does not count a record a crash left open more than 12 hours ago', () => {
    const clock = { ms: Date.parse('2026-11-20T10:00:00Z') };
    const calls = callService(clock);
    calls.handle({ type: 'call.ringing', callId: 'call-2', to: EXPERT });
    clock.ms += 11 * 60 * 60 * 1000;
    expect(calls.openCalls()).toBe(1);
    clock.ms += 2 * 60 * 60 * 1000;
    expect(calls.openCalls()).toBe(0);
  });
});
