// The offers' waiting queues on the page (issue 22, point 5). A station joins an offer's queue and
// rings the expert who takes it, with the entry's id; an expert takes a waiting station, and her
// station answers the ring that comes with the entry she just took, without a second click. Who
// waits and each place are the station's (HubState.queue); this store keeps what the page did.
import { create } from 'zustand';
import type { RelaisApi } from '../../shared/contract';
import type { ServerMessage } from '../../shared/hub-protocol';
import type { CallCommand } from '../../shared/calls/calls';

type HubError = Extract<ServerMessage, { type: 'error' }>;
const QUEUE_REFUSALS: readonly HubError['code'][] = [
  'offer_closed',
  'unknown_offer',
  'queue_entry_gone',
  'not_allowed',
];

export interface QueueState {
  /** The offers this page asked to wait for, with the reason it gave (the ring says it again). */
  joined: Record<string, string>;
  /** The entry this expert just took: its ring is answered by itself. */
  took: string | null;
  /** Why a place is gone, for the screen to say (an expert took it: the call follows). */
  left: { offerId: string; reason: 'left' | 'withdrawn' | 'expired' } | null;
  /** The hub refused the last queue command (closed offer, a station already taken...). */
  refused: { offerId: string; code: HubError['code']; message: string } | null;
}

export const useQueue = create<QueueState>(() => ({ joined: {}, took: null, left: null, refused: null }));

export interface CallQueueDeps {
  api: RelaisApi;
  send(command: CallCommand): Promise<boolean>;
  ring(peerId: string, reason: string, urgent: boolean, actId?: string, queueEntryId?: string): Promise<void>;
}

export function createCallQueue({ api, send, ring }: CallQueueDeps) {
  /** The last command was a queue's: a refusal that follows is its answer. */
  let asked: string | null = null;

  function onHubMessage(m: ServerMessage): void {
    switch (m.type) {
      case 'queue.taken': {
        const reason = useQueue.getState().joined[m.offerId] ?? '';
        forget(m.offerId);
        void ring(m.by.id, reason, false, undefined, m.entryId);
        return;
      }
      case 'queue.left':
        forget(m.offerId);
        useQueue.setState({ left: { offerId: m.offerId, reason: m.reason } });
        return;
      case 'error':
        if (asked && QUEUE_REFUSALS.includes(m.code))
          useQueue.setState({ refused: { offerId: asked, code: m.code, message: m.message } });
        asked = null;
        return;
      default:
        return;
    }
  }

  const forget = (offerId: string) =>
    useQueue.setState((s) => {
      const { [offerId]: _gone, ...joined } = s.joined;
      return { joined };
    });

  async function command(c: Extract<CallCommand, { offerId: string }>): Promise<boolean> {
    useQueue.setState({ refused: null, left: null });
    asked = c.offerId;
    return send(c);
  }

  return {
    init(): void {
      api.on('calls.message', onHubMessage);
    },
    /** Waits for an offer, or finds its place again. */
    async join(offerId: string, reason: string): Promise<void> {
      useQueue.setState((s) => ({ joined: { ...s.joined, [offerId]: reason } }));
      if (!(await command({ type: 'queue.join', offerId, reason }))) forget(offerId);
    },
    async leave(offerId: string): Promise<void> {
      forget(offerId);
      await command({ type: 'queue.leave', offerId });
    },
    async take(offerId: string, entryId: string): Promise<void> {
      useQueue.setState({ took: entryId });
      await command({ type: 'queue.take', offerId, entryId });
    },
    /** The patient steps out of the cabin and comes back: the place is kept; experts see it away meanwhile. */
    async stepAway(away: boolean): Promise<void> {
      await send({ type: 'presence.set', availability: away ? 'away' : 'available' });
    },
    /** Whether an incoming call is the one she took from a queue (the hub passes its id only then). */
    answersItself(queueEntryId: string | undefined): boolean {
      if (!queueEntryId || useQueue.getState().took !== queueEntryId) return false;
      useQueue.setState({ took: null });
      return true;
    },
  };
}
export type CallQueue = ReturnType<typeof createCallQueue>;
