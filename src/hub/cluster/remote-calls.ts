// Calls between peers on different hubs. A call is owned by the hub of its callee: that hub's
// router rings, times out, relays and ends it, exactly as for a call within one hub, and knows
// for sure whether its callee is busy. The caller's hub forwards the caller's side (ring, cancel,
// signal, hang-up) to the owner, and learns which calls its peers are in from what the owner sends
// them (call.ringing, signal, call.ended...). When the hubs lose each other, a local peer in a call
// owned elsewhere is told the other side is away, and the call ends for it after the grace period
// unless the hubs find each other again, as for a peer who lost its own connection.
import type { ServerMessage } from '../../shared/hub-protocol';
import type { CallRouter } from '../call-router';

/** A call operation forwarded to the hub that owns the call. */
export type CallOp =
  | {
      op: 'ring';
      by: string;
      to: string;
      reason?: string;
      urgent: boolean;
      queueEntryId?: string;
    }
  | { op: 'accept' | 'cancel'; by: string; callId: string }
  | { op: 'decline' | 'hangup'; by: string; callId: string; detail?: string }
  | { op: 'signal'; by: string; callId: string; data: unknown };

export interface RemoteCallsDeps {
  /** The hub a peer is connected to, when it is another hub. */
  hubOf(peerId: string): string | undefined;
  forward(hub: string, op: CallOp): void;
  /** Sends to a peer connected to this hub. */
  deliver(peerId: string, message: ServerMessage): void;
  graceMs: number;
}

const CALL_MESSAGES = new Set(['call.ringing', 'call.incoming', 'call.accepted', 'call.resumed', 'call.peer_away']);

export function createRemoteCalls(deps: RemoteCallsDeps) {
  /** Per local peer: the calls it is in that another hub owns, by call id, with the owner. */
  const memberships = new Map<string, Map<string, string>>();
  /** Calls waiting for their owner after the hubs lost each other. */
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  const ownerOf = (peerId: string, callId: string) => memberships.get(peerId)?.get(callId);

  function forget(peerId: string, callId: string): void {
    const calls = memberships.get(peerId);
    calls?.delete(callId);
    if (calls?.size === 0) memberships.delete(peerId);
    const timer = waiting.get(callId);
    if (timer) clearTimeout(timer);
    waiting.delete(callId);
  }

  return {
    inRemoteCall: (peerId: string) => (memberships.get(peerId)?.size ?? 0) > 0,

    /** A message from the hub `owner` for a local peer: learn from it which calls that peer is in. */
    delivered(owner: string, peerId: string, message: ServerMessage): void {
      if (message.type === 'call.ended') return forget(peerId, message.callId);
      if (!CALL_MESSAGES.has(message.type) && message.type !== 'signal') return;
      const callId = (message as { callId: string }).callId;
      const calls = memberships.get(peerId) ?? new Map<string, string>();
      calls.set(callId, owner);
      memberships.set(peerId, calls);
      const timer = waiting.get(callId);
      if (timer) clearTimeout(timer);
      waiting.delete(callId);
    },

    /** The other hubs are out of reach: each local peer in a call owned elsewhere waits, then the call ends. */
    lostTouch(): void {
      for (const [peerId, calls] of memberships)
        for (const callId of calls.keys()) {
          if (waiting.has(callId)) continue;
          deps.deliver(peerId, { type: 'call.peer_away', callId, graceSeconds: Math.round(deps.graceMs / 1000) });
          const timer = setTimeout(() => {
            forget(peerId, callId);
            const detail = 'The regional hubs lost each other and the other side did not come back.';
            deps.deliver(peerId, { type: 'call.ended', callId, reason: 'offline', detail });
          }, deps.graceMs);
          waiting.set(callId, timer);
        }
    },

    /** The router this hub's connections use. */
    route(local: CallRouter): CallRouter {
      // Forwarded to the call's owner when there is one elsewhere; answered later (an error
      // comes back as a message), so the forwarder answers `ok` now.
      const owned = (by: string, callId: string, op: CallOp) => {
        const owner = ownerOf(by, callId);
        if (!owner) return null;
        deps.forward(owner, op);
        return { ok: true } as const;
      };
      return {
        ...local,
        ring(from, to, reason, urgent, queueEntryId) {
          const hub = deps.hubOf(to);
          if (!hub || from === to) return local.ring(from, to, reason, urgent, queueEntryId);
          if (local.inCall(from))
            return {
              ok: false,
              code: 'not_allowed',
              message: 'You are already in a call: end it before calling again.',
            };
          deps.forward(hub, {
            op: 'ring',
            by: from,
            to,
            urgent,
            ...(reason ? { reason } : {}),
            ...(queueEntryId ? { queueEntryId } : {}),
          });
          return { ok: true };
        },
        accept: (by, callId) => owned(by, callId, { op: 'accept', by, callId }) ?? local.accept(by, callId),
        decline: (by, callId, detail) =>
          owned(by, callId, { op: 'decline', by, callId, ...(detail ? { detail } : {}) }) ??
          local.decline(by, callId, detail),
        cancel: (by, callId) => owned(by, callId, { op: 'cancel', by, callId }) ?? local.cancel(by, callId),
        hangup: (by, callId, detail) =>
          owned(by, callId, { op: 'hangup', by, callId, ...(detail ? { detail } : {}) }) ??
          local.hangup(by, callId, detail),
        signal: (by, callId, data) =>
          owned(by, callId, { op: 'signal', by, callId, data }) ?? local.signal(by, callId, data),
        disconnected(peerId) {
          local.disconnected(peerId);
          // The owner hears of it from presence (the peer gone from this hub) and waits for it.
          for (const callId of memberships.get(peerId)?.keys() ?? []) forget(peerId, callId);
        },
        close() {
          local.close();
          for (const timer of waiting.values()) clearTimeout(timer);
          waiting.clear();
          memberships.clear();
        },
      };
    },

    /** Runs, on the owner, an operation another hub forwarded. */
    run(local: CallRouter, op: CallOp): ReturnType<CallRouter['ring']> {
      switch (op.op) {
        case 'ring':
          return local.ring(op.by, op.to, op.reason, op.urgent, op.queueEntryId);
        case 'accept':
          return local.accept(op.by, op.callId);
        case 'decline':
          return local.decline(op.by, op.callId, op.detail);
        case 'cancel':
          return local.cancel(op.by, op.callId);
        case 'hangup':
          return local.hangup(op.by, op.callId, op.detail);
        case 'signal':
          return local.signal(op.by, op.callId, op.data);
      }
    },
  };
}
