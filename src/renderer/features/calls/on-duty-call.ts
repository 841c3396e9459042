// The urgent call of a tele-stroke alert: it rings the on-duty expert of an urgent offer first
// (the region lists them in on-duty order), and when that expert declines, does not answer, is
// busy or drops, it rings the next one at once, until one answers or the list is exhausted;
// then the team is told to use the hospital's switchboard. Every attempt is shown.
import { create } from 'zustand';
import type { Offer } from '../../../shared/hub-protocol';
import { ringOrder } from '../../../shared/scheduling/offer';
import { ring } from './call-controller';
import { useCalls } from '../../webrtc/call-store';

/** Outcomes that pass the alert to the next expert on the list. */
const NEXT_ON = new Set(['declined', 'timeout', 'busy', 'offline']);

export interface Escalation {
  offerId: string;
  reason: string;
  /** The act the alert is placed from: each expert rung is rung for it. */
  actId: string | null;
  queue: string[];
  attempts: { peerId: string; name: string; outcome: string | null }[];
  /** exhausted: nobody on the list answered; stopped: the caller cancelled. */
  state: 'ringing' | 'answered' | 'exhausted' | 'stopped';
}

export const useEscalation = create<{ escalation: Escalation | null }>(() => ({ escalation: null }));

let watching: (() => void) | null = null;

function update(change: Partial<Escalation>): void {
  const e = useEscalation.getState().escalation;
  if (e) useEscalation.setState({ escalation: { ...e, ...change } });
}

async function ringNext(): Promise<void> {
  const e = useEscalation.getState().escalation;
  if (!e) return;
  const peers = useCalls.getState().hub.peers;
  // Only those online now; one who went offline since the alert began is skipped, and said so.
  const queue = [...e.queue];
  const skipped: Escalation['attempts'] = [];
  let next: string | undefined;
  while ((next = queue.shift()) !== undefined && !peers.some((p) => p.id === next))
    skipped.push({ peerId: next, name: next, outcome: 'offline' });
  if (next === undefined) {
    update({ queue: [], attempts: [...e.attempts, ...skipped], state: 'exhausted' });
    return;
  }
  const peer = peers.find((p) => p.id === next)!;
  update({
    queue,
    attempts: [...e.attempts, ...skipped, { peerId: peer.id, name: peer.name, outcome: null }],
    state: 'ringing',
  });
  await ring(peer.id, e.reason, true, e.actId ?? undefined);
}

/** Starts the alert for an urgent offer; with none of its experts online, it is exhausted at once. */
export async function callOnDuty(offer: Offer, reason: string, actId: string | null = null): Promise<void> {
  watching?.();
  useEscalation.setState({
    escalation: {
      offerId: offer.id,
      reason,
      actId,
      queue: ringOrder(offer, new Date()),
      attempts: [],
      state: 'ringing',
    },
  });
  watching = useCalls.subscribe((state, previous) => {
    const e = useEscalation.getState().escalation;
    const call = state.call;
    if (!e || e.state !== 'ringing' || !call || call.direction !== 'outgoing') return;
    const attempt = e.attempts[e.attempts.length - 1];
    if (!attempt || call.remote.id !== attempt.peerId) return;
    if (call.acceptedAt !== null) {
      update({
        state: 'answered',
        attempts: e.attempts.map((a) => (a === attempt ? { ...a, outcome: 'answered' } : a)),
      });
      return;
    }
    if (call.phase === 'ended' && previous.call?.phase !== 'ended') {
      const outcome = call.end?.reason ?? 'hangup';
      update({ attempts: e.attempts.map((a) => (a === attempt ? { ...a, outcome } : a)) });
      if (NEXT_ON.has(outcome)) {
        // The ended card goes, and the next expert rings.
        useCalls.setState({ call: null });
        void ringNext();
      } else update({ state: 'stopped' });
    }
  });
  await ringNext();
}

export function dismissEscalation(): void {
  watching?.();
  watching = null;
  useEscalation.setState({ escalation: null });
}
