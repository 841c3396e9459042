// Presence, told to every peer as changes, coalesced. A peer's welcome carries the whole list;
// after it, each change (a peer connects, leaves, sets its availability) is marked, and at most
// once per window every peer is sent one `presence.changed` naming the peers that differ from what
// was last announced and those gone; nothing when nothing differs (a peer that left and came back
// within the window as it was). The message is serialised once and the same bytes go to every
// peer: at 5,000 connections a full list per peer per change was 600 KB times 5,000 (issue 23).
// Applying a change twice is harmless (each peer replaces or removes by id), so a peer welcomed
// in the middle of a window may be told again what its welcome already said.
import type { Peer } from '../shared/hub-protocol';

export interface PresenceOptions {
  /** The peer as presence lists it, or undefined when it is not listed (gone, or the coordinator). */
  describe(peerId: string): Peer | undefined;
  /** Sends one serialised message to every connected peer. */
  broadcast(text: string): void;
  /** At most one presence message per window, in ms. */
  windowMs: number;
}

export function createPresence(options: PresenceOptions) {
  // Each listed peer as JSON: now, and as every peer was last told.
  const current = new Map<string, string>();
  const announced = new Map<string, string>();
  const marked = new Set<string>();
  let listed: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSentAt = -Infinity;

  function flush(): void {
    timer = null;
    lastSentAt = Date.now();
    const changed: string[] = [];
    const left: string[] = [];
    for (const id of marked) {
      const now = current.get(id);
      if (now === announced.get(id)) continue;
      if (now === undefined) {
        announced.delete(id);
        left.push(id);
      } else {
        announced.set(id, now);
        changed.push(now);
      }
    }
    marked.clear();
    if (changed.length + left.length === 0) return;
    options.broadcast(`{"type":"presence.changed","peers":[${changed.join(',')}],"left":${JSON.stringify(left)}}`);
  }

  return {
    /** Everyone listed now, as the JSON array a welcome carries (kept until the next change). */
    listJson(): string {
      listed ??= `[${[...current.values()].join(',')}]`;
      return listed;
    },
    /** This peer connected, left or changed: told now if the window allows, else at its end. */
    changed(peerId: string): void {
      const peer = options.describe(peerId);
      const before = current.get(peerId);
      const now = peer ? JSON.stringify(peer) : undefined;
      if (now === before) return;
      if (now === undefined) current.delete(peerId);
      else current.set(peerId, now);
      // A peer who comes is added at the end of the kept list (V8 joins the two without copying):
      // 5,000 stations reconnecting after a restart each get a welcome without a join of the list.
      if (listed !== null && before === undefined && now !== undefined)
        listed = listed === '[]' ? `[${now}]` : `${listed.slice(0, -1)},${now}]`;
      else listed = null;
      marked.add(peerId);
      // Never within the call: the welcome of a peer that just connected goes out first.
      if (!timer) timer = setTimeout(flush, Math.max(0, lastSentAt + options.windowMs - Date.now()));
    },
    close(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
