// Call routing on the hub: ring, accept, decline, cancel, time-out, busy, hang-up, and the
// signaling relay, which only carries messages between the two members of a call.
import { randomUUID } from 'node:crypto';
import type { CallEndReason, Peer, ServerMessage } from '../shared/hub-protocol';

interface Call {
  id: string;
  caller: string;
  callee: string;
  state: 'ringing' | 'active';
  timer: ReturnType<typeof setTimeout> | null;
  /** A member whose hub connection dropped during the call, waited for until the timer ends it. */
  away: string | null;
  /** The offer's queue entry the callee took, when the call comes from a queue. */
  queueEntryId?: string;
}

export interface CallRouterDeps {
  send(peerId: string, message: ServerMessage): void;
  describe(peerId: string): Peer | undefined;
  ringTimeoutMs?: number;
  /** How long an active call waits for a member who lost the hub (a network drop) to come back. */
  reconnectGraceMs?: number;
  /** A call ended (the queue measures its consultations by it). */
  ended?(call: { id: string; queueEntryId?: string }): void;
  /** The peer is in a call another hub of the region owns (cluster/): it is busy here too. */
  inRemoteCall?(peerId: string): boolean;
}

export type CallRouter = ReturnType<typeof createCallRouter>;

type Outcome = { ok: true } | { ok: false; code: 'not_in_call' | 'unknown_peer' | 'not_allowed'; message: string };
const ok: Outcome = { ok: true };
const refuse = (code: Exclude<Outcome, { ok: true }>['code'], message: string): Outcome => ({
  ok: false,
  code,
  message,
});

export function createCallRouter(deps: CallRouterDeps) {
  const calls = new Map<string, Call>();
  const callsOf = (peer: string) => [...calls.values()].filter((c) => c.caller === peer || c.callee === peer);
  const engaged = (peer: string) => callsOf(peer).length > 0 || (deps.inRemoteCall?.(peer) ?? false);

  function end(call: Call, reason: CallEndReason, notify: string[], detail?: string): void {
    if (call.timer) clearTimeout(call.timer);
    calls.delete(call.id);
    deps.ended?.(call);
    for (const peer of notify)
      deps.send(
        peer,
        detail
          ? { type: 'call.ended', callId: call.id, reason, detail }
          : { type: 'call.ended', callId: call.id, reason },
      );
  }

  function member(callId: string, peer: string): Call | null {
    const call = calls.get(callId);
    return call && (call.caller === peer || call.callee === peer) ? call : null;
  }

  return {
    inCall: engaged,

    /** `queueEntryId` only when the queue checked that the callee took this caller's entry. */
    ring(from: string, to: string, reason: string | undefined, urgent: boolean, queueEntryId?: string): Outcome {
      if (from === to) return refuse('not_allowed', 'You cannot call yourself.');
      const callee = deps.describe(to);
      const caller = deps.describe(from);
      if (!callee || !caller) return refuse('unknown_peer', `${to} is not connected to the hub.`);
      // One call at a time per station or expert: a second would share one camera and one screen.
      if (engaged(from)) return refuse('not_allowed', 'You are already in a call: end it before calling again.');
      const id = randomUUID();
      // Busy: already in a call or ringing, or said so; an urgent call (tele-stroke) still rings
      // an expert who is merely marked busy, never one who is in a call.
      if (engaged(to) || (callee.availability !== 'available' && !urgent)) {
        deps.send(from, { type: 'call.ended', callId: id, reason: 'busy', detail: `${callee.name} is busy.` });
        return ok;
      }
      const call: Call = { id, caller: from, callee: to, state: 'ringing', timer: null, away: null, queueEntryId };
      call.timer = setTimeout(() => end(call, 'timeout', [from, to], 'Nobody answered.'), deps.ringTimeoutMs ?? 30_000);
      calls.set(id, call);
      deps.send(from, { type: 'call.ringing', callId: id, to: callee, urgent, ...(reason ? { reason } : {}) });
      const queued = queueEntryId ? { queueEntryId } : {};
      deps.send(to, {
        type: 'call.incoming',
        callId: id,
        from: caller,
        urgent,
        ...(reason ? { reason } : {}),
        ...queued,
      });
      return ok;
    },

    accept(by: string, callId: string): Outcome {
      const call = member(callId, by);
      if (!call || call.callee !== by || call.state !== 'ringing')
        return refuse('not_in_call', 'There is no call ringing for you with this id.');
      if (call.timer) clearTimeout(call.timer);
      call.timer = null;
      call.state = 'active';
      const who = deps.describe(by)!;
      deps.send(call.caller, { type: 'call.accepted', callId, by: who });
      deps.send(by, { type: 'call.accepted', callId, by: who });
      return ok;
    },

    decline(by: string, callId: string, detail?: string): Outcome {
      const call = member(callId, by);
      if (!call || call.callee !== by || call.state !== 'ringing')
        return refuse('not_in_call', 'There is no call ringing for you with this id.');
      end(call, 'declined', [call.caller, call.callee], detail);
      return ok;
    },

    cancel(by: string, callId: string): Outcome {
      const call = member(callId, by);
      if (!call || call.caller !== by || call.state !== 'ringing')
        return refuse('not_in_call', 'You have no ringing call with this id.');
      end(call, 'cancelled', [call.caller, call.callee]);
      return ok;
    },

    hangup(by: string, callId: string, detail?: string): Outcome {
      const call = member(callId, by);
      if (!call) return refuse('not_in_call', 'You are not in this call.');
      end(call, 'hangup', [call.caller, call.callee], detail);
      return ok;
    },

    /** Relays signaling to the other member of an active call; nobody else can inject into it. */
    signal(from: string, callId: string, data: unknown): Outcome {
      const call = member(callId, from);
      if (!call || call.state !== 'active')
        return refuse('not_in_call', 'You can only signal within an active call you belong to.');
      deps.send(from === call.caller ? call.callee : call.caller, { type: 'signal', callId, from, data });
      return ok;
    },

    /** The peer's connection closed. A ringing call ends; an active call waits for the peer to
     * come back (a cart on a flaky Wi-Fi) and ends with "offline" only after the grace period. */
    disconnected(peer: string): void {
      const graceMs = deps.reconnectGraceMs ?? 30_000;
      for (const call of callsOf(peer)) {
        const other = call.caller === peer ? call.callee : call.caller;
        if (call.state === 'ringing' || call.away === other) {
          end(call, 'offline', [other], 'The other side lost its connection to the hub.');
          continue;
        }
        call.away = peer;
        if (call.timer) clearTimeout(call.timer);
        call.timer = setTimeout(
          () => end(call, 'offline', [other], 'The other side did not come back after losing its connection.'),
          graceMs,
        );
        deps.send(other, { type: 'call.peer_away', callId: call.id, graceSeconds: Math.round(graceMs / 1000) });
      }
    },

    /** The peer is connected (again): an active call it had left resumes, told to both sides. */
    connected(peer: string): void {
      for (const call of callsOf(peer)) {
        if (call.state !== 'active') continue;
        if (call.away === peer) {
          if (call.timer) clearTimeout(call.timer);
          call.timer = null;
          call.away = null;
        }
        const caller = deps.describe(call.caller);
        const callee = deps.describe(call.callee);
        if (!caller || !callee) continue;
        for (const member of [call.caller, call.callee])
          deps.send(member, { type: 'call.resumed', callId: call.id, caller, callee });
      }
    },

    close(): void {
      for (const call of calls.values()) if (call.timer) clearTimeout(call.timer);
      calls.clear();
    },
  };
}
