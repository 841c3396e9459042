// Presence, told to every peer, coalesced: each change (a peer connects, leaves, sets its
// availability) asks for a broadcast, and each peer is sent the list at most once per window, and
// only when it differs from the last one it was given (its welcome included). A peer that
// reconnects in a loop used to make every other peer receive two full lists per loop.
import { createHash } from 'node:crypto';
import type { Peer, ServerMessage } from '../shared/hub-protocol';

export interface PresenceOptions {
  /** Who is online now, as the list says it. */
  list(): Peer[];
  /** The peers to tell. */
  recipients(): Iterable<string>;
  send(peerId: string, message: ServerMessage): void;
  /** At most one presence message per peer in this many ms. */
  windowMs: number;
}

export function createPresence(options: PresenceOptions) {
  // What each peer was last given, as a digest: a list per peer would cost the square of the peers.
  const given = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSentAt = -Infinity;
  const digest = (peers: Peer[]) => createHash('sha256').update(JSON.stringify(peers)).digest('base64');

  function flush(): void {
    timer = null;
    lastSentAt = Date.now();
    const peers = options.list();
    const current = digest(peers);
    for (const id of options.recipients()) {
      if (given.get(id) === current) continue;
      given.set(id, current);
      options.send(id, { type: 'presence', peers });
    }
  }

  return {
    /** The list a peer was just given in its welcome. */
    welcomed(peerId: string, peers: Peer[]): void {
      given.set(peerId, digest(peers));
    },
    left(peerId: string): void {
      given.delete(peerId);
    },
    /** Something changed: told now if the window allows, else at its end (once, with the latest list). */
    changed(): void {
      if (timer) return;
      const wait = lastSentAt + options.windowMs - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    close(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
