// The urgent call's escalation, with fake timers and a stand-in hub: who is on duty comes from the
// hub's answer or, without one within a second, from the station's copy of the rota; the backup
// rings once the offer's delay has run out without an answer (not a second before), a decline
// passes on at once, and each step is reported to main for the act.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import {
  createEscalationRunner,
  DUTY_ANSWER_MS,
  type Escalation,
} from '../../src/renderer/features/calls/escalation-runner';
import { newCall, useCalls } from '../../src/renderer/webrtc/call-store';
import type { ServerMessage } from '../../src/shared/hub-protocol';
import { anOffer } from '../helpers/offers';
import { fakeStation, peer, resetCalls } from './call-fakes';

const ACT = '6f1d2c4e-8a5b-4c3d-9e2f-1a2b3c4d5e6f';
const garde = peer('dr-garde', 'expert', 'Dr Garde');
const backup = peer('dr-backup', 'expert', 'Dr Backup');
const third = peer('dr-tiers', 'expert', 'Dr Tiers');

const neuro = anOffer({
  id: 'neuro-garde',
  specialty: 'neurologie',
  urgent: true,
  experts: [
    { id: third.id, name: third.name },
    { id: garde.id, name: garde.name },
    { id: backup.id, name: backup.name },
  ],
  rota: {
    weekly: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00', experts: [garde.id, backup.id] }],
    exceptions: [],
    escalateAfterSeconds: 10,
  },
});

/** A stand-in hub: a ring is named at once and rings until answered, declined or cancelled. */
function setup() {
  const station = fakeStation();
  const rung: string[] = [];
  const hub = {
    ring: async (peerId: string) => {
      rung.push(peerId);
      const remote = useCalls.getState().hub.peers.find((p) => p.id === peerId)!;
      useCalls.setState({ call: newCall('pending', 'outgoing', remote, true, 'AVC', ACT) });
      useCalls.setState((s) => ({ call: { ...s.call!, callId: `call-${peerId}` } }));
    },
    cancel: async () => hub.end('cancelled'),
    end: (reason: string) =>
      useCalls.setState((s) => ({ call: { ...s.call!, phase: 'ended', end: { reason, detail: null } } })),
    answer: () => useCalls.setState((s) => ({ call: { ...s.call!, phase: 'connecting', acceptedAt: Date.now() } })),
  };
  const state = create<{ escalation: Escalation | null }>(() => ({ escalation: null }));
  const runner = createEscalationRunner({
    api: station.api,
    calls: useCalls,
    state,
    ring: hub.ring,
    cancel: () => hub.cancel(),
    now: () => Date.now(),
    newId: () => '0b7e6f2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
  });
  const steps = () =>
    station.invoked
      .filter((i) => i.channel === 'encounters.escalationStep')
      .map(
        (i) => i.input as { rank: number; expertId: string; outcome: string; waitedSeconds: number; callId?: string },
      )
      // A step never rung names no call.
      .map((s) => ({ ...s, callId: s.callId ?? null }));
  return { station, runner, hub, rung, state, steps };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-07T19:00:00Z') });
  resetCalls(peer('cart-1', 'station', 'Chariot 1'), [third, garde, backup]);
});
afterEach(() => vi.useRealTimers());

describe('the urgent call’s escalation', () => {
  it('asks the hub who is on duty, and reads the rota itself when the hub says nothing within a second', async () => {
    const { station, runner, rung, state } = setup();
    void runner.callOnDuty(neuro, 'AVC', ACT);
    await vi.advanceTimersByTimeAsync(0);
    expect(station.sent()).toEqual([{ type: 'offer.duty', offerId: 'neuro-garde' }]);
    expect(state.getState().escalation?.state).toBe('asking');
    await vi.advanceTimersByTimeAsync(DUTY_ANSWER_MS - 1);
    expect(rung).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    // The rota's line, not the offer's list (which names Dr Tiers first).
    expect(rung).toEqual([garde.id]);
    expect(state.getState().escalation?.source).toEqual({ kind: 'weekly', detail: '', decidedBy: 'station' });
  });

  it('rings in the order the hub answers, with its delay', async () => {
    const { station, runner, rung, state } = setup();
    void runner.callOnDuty(neuro, 'AVC', ACT);
    await vi.advanceTimersByTimeAsync(0);
    const duty: ServerMessage = {
      type: 'offer.duty',
      offerId: 'neuro-garde',
      at: '2026-12-07T19:00:00.000Z',
      experts: [
        { id: backup.id, name: 'Dr Backup', online: true },
        { id: garde.id, name: 'Dr Garde', online: true },
      ],
      source: { kind: 'exception', detail: 'échange de garde' },
      escalateAfterSeconds: 20,
    };
    station.emit('calls.message', duty);
    await vi.advanceTimersByTimeAsync(0);
    expect(rung).toEqual([backup.id]);
    expect(state.getState().escalation).toMatchObject({
      delaySeconds: 20,
      source: { kind: 'exception', detail: 'échange de garde', decidedBy: 'hub' },
    });
    await vi.advanceTimersByTimeAsync(19_999);
    expect(rung).toEqual([backup.id]);
    await vi.advanceTimersByTimeAsync(1);
    expect(rung).toEqual([backup.id, garde.id]);
  });

  it('rings the backup once the delay has run out without an answer, not before, and records both steps', async () => {
    const { runner, hub, rung, state, steps } = setup();
    void runner.callOnDuty(neuro, 'AVC', ACT);
    await vi.advanceTimersByTimeAsync(DUTY_ANSWER_MS);
    expect(rung).toEqual([garde.id]);
    await vi.advanceTimersByTimeAsync(9_999);
    expect(rung).toEqual([garde.id]);
    expect(state.getState().escalation?.attempts[0]?.outcome).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    // Her ring was cancelled at the hub, and the backup rings.
    expect(rung).toEqual([garde.id, backup.id]);
    expect(useCalls.getState().call).toMatchObject({ callId: 'call-dr-backup', phase: 'ringing' });
    await vi.advanceTimersByTimeAsync(4_000);
    hub.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.getState().escalation?.state).toBe('answered');
    expect(steps()).toMatchObject([
      { rank: 1, expertId: garde.id, outcome: 'no_answer', waitedSeconds: 10, callId: 'call-dr-garde' },
      { rank: 2, expertId: backup.id, outcome: 'answered', waitedSeconds: 4, callId: 'call-dr-backup' },
    ]);
    // The answered call is not cancelled when the delay would have run out.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(rung).toEqual([garde.id, backup.id]);
    expect(useCalls.getState().call?.phase).toBe('connecting');
  });

  it('records an answer that reaches the hub before the cancel of a ring whose delay ran out', async () => {
    const { runner, hub, rung, state, steps } = setup();
    hub.cancel = async () => {}; // on its way: the hub has not ended the ring yet
    void runner.callOnDuty(neuro, 'AVC', ACT);
    await vi.advanceTimersByTimeAsync(DUTY_ANSWER_MS + 10_000);
    hub.answer();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(rung).toEqual([garde.id]);
    expect(state.getState().escalation?.state).toBe('answered');
    expect(steps()).toMatchObject([{ rank: 1, expertId: garde.id, outcome: 'answered', waitedSeconds: 10 }]);
  });

  it('passes on at once on a decline, skips one offline, and says when nobody is left', async () => {
    const { runner, hub, rung, state, steps } = setup();
    resetCalls(peer('cart-1', 'station', 'Chariot 1'), [garde]);
    void runner.callOnDuty(neuro, 'AVC', ACT);
    await vi.advanceTimersByTimeAsync(DUTY_ANSWER_MS + 2_000);
    hub.end('declined');
    await vi.advanceTimersByTimeAsync(0);
    expect(rung).toEqual([garde.id]);
    expect(state.getState().escalation?.state).toBe('exhausted');
    expect(steps()).toMatchObject([
      { rank: 1, expertId: garde.id, outcome: 'declined', waitedSeconds: 2 },
      { rank: 2, expertId: backup.id, outcome: 'offline', callId: null },
    ]);
  });

  it('stops when the team cancels the ring, and keeps nothing for an alert placed without an act', async () => {
    const { runner, hub, rung, state, steps } = setup();
    void runner.callOnDuty(neuro, 'AVC', null);
    await vi.advanceTimersByTimeAsync(DUTY_ANSWER_MS + 3_000);
    hub.end('cancelled');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(rung).toEqual([garde.id]);
    expect(state.getState().escalation?.state).toBe('stopped');
    expect(state.getState().escalation?.attempts[0]?.outcome).toBe('cancelled');
    expect(steps()).toEqual([]);
  });
});
