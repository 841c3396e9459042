// The waiting queue of each offer (issue 22, point 5): a cabin or cart asking an offer without an
// appointment joins its queue; every expert serving the offer sees who waits until one takes a
// station, which then rings her. A station keeps its place while its connection drops (for the
// hold time), and finds it again when it joins once more: its place is keyed by its hub identity
// and the offer, never by a connection.
import { randomUUID } from 'node:crypto';
import type { ClientMessage, Offer, Peer, QueueEntry, ServerMessage } from '../../shared/hub-protocol';
import { isOfferOpen, offerOpensAt, servesOffer } from '../../shared/scheduling/offer';

type HubErrorCode = Extract<ServerMessage, { type: 'error' }>['code'];
export type QueueOutcome = { ok: true } | { ok: false; code: HubErrorCode; message: string };

export interface QueueDeps {
  /** The region's offers as the hub has them now (the offer store plugs in here). */
  offers(): Offer[];
  /** Who is connected now. */
  peers(): Peer[];
  send(peerId: string, message: ServerMessage): void;
  now(): number;
  /** How long a station whose connection dropped keeps its place (ms); 10 minutes by default. */
  holdMs?: number;
  /** The length of a consultation the estimate assumes until the offer's own are measured (minutes); 15 by default. */
  defaultConsultationMinutes?: number;
  log?: (event: string, detail?: Record<string, unknown>) => void;
}

interface Waiting {
  entryId: string;
  offerId: string;
  station: Peer;
  reason: string;
  since: number;
  /** The connection dropped at this instant; its place ends at awaySince + hold. */
  awayTimer: ReturnType<typeof setTimeout> | null;
}

/** An entry an expert took: its station may ring her with its id. */
interface Taken {
  offerId: string;
  station: string;
  expert: string;
  takenAt: number;
  rung: boolean;
}

/** The consultations measured per offer: the last ones only, so the estimate follows the day. */
const MEASURED = 10;
/** A taken entry whose station never rang (it went away) is forgotten after this long. */
const TAKEN_KEPT_MS = 5 * 60_000;

type QueueMessage = Extract<ClientMessage, { type: 'queue.join' | 'queue.leave' | 'queue.take' }>;

const refuse = (code: HubErrorCode, message: string): QueueOutcome => ({ ok: false, code, message });
const openingInParis = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

export function createQueues(deps: QueueDeps) {
  const holdMs = deps.holdMs ?? 10 * 60_000;
  const defaultMinutes = deps.defaultConsultationMinutes ?? 15;
  const log = deps.log ?? (() => {});
  /** Each offer's queue, in the order the stations joined. */
  const queues = new Map<string, Waiting[]>();
  const taken = new Map<string, Taken>();
  const durations = new Map<string, number[]>();
  /** Places that expired while their station was away, told to it when it is back (it was not there to hear). */
  const expiredWhileAway = new Map<string, Extract<ServerMessage, { type: 'queue.left' }>[]>();
  /** What each peer was last told of each offer's queue: a change elsewhere sends it nothing. */
  const told = new Map<string, string>();
  const tell = (peerId: string, message: Extract<ServerMessage, { type: 'queue.place' | 'queue.entries' }>) => {
    const key = `${peerId}\n${message.offerId}`;
    const text = JSON.stringify(message);
    if (told.get(key) === text) return;
    told.set(key, text);
    deps.send(peerId, message);
  };

  const offerById = (id: string) => deps.offers().find((o) => o.id === id);
  const online = () => deps.peers();
  const queueOf = (offerId: string) => queues.get(offerId) ?? [];
  const expertsOnline = (offer: Offer) => online().filter((p) => servesOffer(p, offer));

  /** Every station in every queue is told its place; every expert online sees her offers' queues. */
  function broadcast(): void {
    const at = new Date(deps.now());
    for (const [offerId, waiting] of queues) {
      const offer = offerById(offerId);
      if (!offer) {
        // The offer was withdrawn: its waiting stations are told, and nobody waits for it any more.
        queues.delete(offerId);
        for (const w of waiting) {
          if (w.awayTimer) clearTimeout(w.awayTimer);
          deps.send(w.station.id, { type: 'queue.left', offerId, entryId: w.entryId, reason: 'withdrawn' });
        }
        continue;
      }
      const serving = expertsOnline(offer);
      const available = serving.filter((p) => p.availability === 'available').length;
      const opensAt = available === 0 ? offerOpensAt(offer, at) : null;
      waiting.forEach((w, i) =>
        tell(w.station.id, {
          type: 'queue.place',
          offerId,
          entryId: w.entryId,
          position: i + 1,
          waiting: waiting.length,
          estimatedWaitMinutes: available === 0 ? null : estimate(offerId, i + 1, available),
          expertsOnline: available,
          nextOpening: opensAt ? opensAt.toISOString() : null,
        }),
      );
    }
    // Experts see every offer they serve, an empty queue included (the last one taken leaves it empty).
    for (const offer of deps.offers()) {
      const entries = queueOf(offer.id).map(entryOf);
      for (const expert of expertsOnline(offer)) tell(expert.id, { type: 'queue.entries', offerId: offer.id, entries });
    }
  }

  /**
   * Each station ahead, and this one's own turn, take one consultation of the offer on average
   * (its last ones taken from the queue, from the take to the call's end; a stated default until
   * one is measured), shared among the experts available.
   */
  function estimate(offerId: string, position: number, experts: number): number {
    const measured = durations.get(offerId) ?? [];
    const average = measured.length ? measured.reduce((a, b) => a + b, 0) / measured.length : defaultMinutes * 60_000;
    return Math.ceil((position * average) / experts / 60_000);
  }

  function entryOf(w: Waiting): QueueEntry {
    const station = online().find((p) => p.id === w.station.id) ?? w.station;
    return {
      entryId: w.entryId,
      from: station,
      reason: w.reason,
      since: new Date(w.since).toISOString(),
      away: w.awayTimer !== null,
    };
  }

  function remove(w: Waiting): void {
    if (w.awayTimer) clearTimeout(w.awayTimer);
    w.awayTimer = null;
    const rest = queueOf(w.offerId).filter((x) => x !== w);
    if (rest.length) queues.set(w.offerId, rest);
    else queues.delete(w.offerId);
  }

  function join(station: Peer, m: Extract<QueueMessage, { type: 'queue.join' }>): QueueOutcome {
    if (station.role !== 'station') return refuse('not_allowed', 'Only a station joins an offer’s queue.');
    const offer = offerById(m.offerId);
    if (!offer) return refuse('unknown_offer', `The offer ${m.offerId} is not in the region’s directory.`);
    const mine = queueOf(offer.id).find((w) => w.station.id === station.id);
    if (mine) {
      // Its place again, as it was: a station that stepped away or reloaded its page.
      if (mine.awayTimer) clearTimeout(mine.awayTimer);
      mine.awayTimer = null;
      mine.station = station;
      told.delete(`${station.id}\n${offer.id}`); // told again, though nothing changed: its page may be new
      broadcast();
      return { ok: true };
    }
    const at = new Date(deps.now());
    if (!isOfferOpen(offer, at)) {
      const opens = offerOpensAt(offer, at);
      const when = opens
        ? `It opens on ${openingInParis.format(opens)} (Paris time).`
        : 'No opening is planned in the next two weeks.';
      return refuse('offer_closed', `The offer ${offer.specialty} (${offer.hospital}) is closed now. ${when}`);
    }
    const w: Waiting = {
      entryId: randomUUID(),
      offerId: offer.id,
      station,
      reason: m.reason,
      since: deps.now(),
      awayTimer: null,
    };
    queues.set(offer.id, [...queueOf(offer.id), w]);
    log('hub.queue_joined', { offer: offer.id, station: station.id });
    broadcast();
    return { ok: true };
  }

  function leave(station: Peer, offerId: string): QueueOutcome {
    const mine = queueOf(offerId).find((w) => w.station.id === station.id);
    if (!mine) return refuse('queue_entry_gone', 'You are not waiting in this offer’s queue.');
    remove(mine);
    deps.send(station.id, { type: 'queue.left', offerId, entryId: mine.entryId, reason: 'left' });
    broadcast();
    return { ok: true };
  }

  function take(expert: Peer, offerId: string, entryId: string): QueueOutcome {
    const offer = offerById(offerId);
    if (!offer) return refuse('unknown_offer', `The offer ${offerId} is not in the region’s directory.`);
    // SECURITY: only an expert serving the offer takes from its queue (named in it, or of its
    // specialty when it is open to it): a station taken rings whoever took it.
    if (!servesOffer(expert, offer))
      return refuse('not_allowed', 'You do not serve this offer: its queue is not yours to take from.');
    const w = queueOf(offerId).find((x) => x.entryId === entryId);
    if (!w) return refuse('queue_entry_gone', 'This station is no longer waiting: another expert took it, or it left.');
    if (w.awayTimer)
      return refuse('queue_entry_gone', 'This station lost its connection: take it when it is back, or another one.');
    // The cabin's patient stepped out (the station set itself away): ringing it would ring an empty room.
    if (entryOf(w).from.availability === 'away')
      return refuse(
        'not_allowed',
        'The patient at this station stepped away: take it when it is back, or another one.',
      );
    remove(w);
    taken.set(entryId, { offerId, station: w.station.id, expert: expert.id, takenAt: deps.now(), rung: false });
    const forget = setTimeout(() => {
      if (!taken.get(entryId)?.rung) taken.delete(entryId);
    }, TAKEN_KEPT_MS);
    forget.unref?.();
    log('hub.queue_taken', { offer: offerId, station: w.station.id, expert: expert.id });
    deps.send(w.station.id, { type: 'queue.taken', offerId, entryId, by: expert });
    broadcast();
    return { ok: true };
  }

  return {
    handle(peer: Peer, m: QueueMessage): QueueOutcome {
      if (m.type === 'queue.join') return join(peer, m);
      if (m.type === 'queue.leave') return leave(peer, m.offerId);
      return take(peer, m.offerId, m.entryId);
    },

    /**
     * SECURITY: the queue entry a ring names is passed on to the callee (whose station then
     * answers by itself) only when that callee took that entry from that caller: otherwise any
     * station could make an expert's station answer it. The pair may ring again (she was busy a
     * moment); the entry is forgotten when its call ends.
     */
    passOn(caller: string, callee: string, entryId: string | undefined): string | undefined {
      if (!entryId) return undefined;
      const t = taken.get(entryId);
      if (!t || t.station !== caller || t.expert !== callee) {
        log('hub.queue_entry_dropped', { caller, callee });
        return undefined;
      }
      t.rung = true;
      return entryId;
    },

    /** A call rung for a taken entry ended: its length, from the take, measures the offer's consultations. */
    callEnded(entryId: string | undefined): void {
      const t = entryId ? taken.get(entryId) : undefined;
      if (!t || !entryId) return;
      taken.delete(entryId);
      const measured = [...(durations.get(t.offerId) ?? []), deps.now() - t.takenAt].slice(-MEASURED);
      durations.set(t.offerId, measured);
      broadcast();
    },

    /** A peer connected (again): a station's places are no longer away. */
    connected(peer: Peer): void {
      for (const key of told.keys()) if (key.startsWith(`${peer.id}\n`)) told.delete(key);
      for (const left of expiredWhileAway.get(peer.id) ?? []) deps.send(peer.id, left);
      expiredWhileAway.delete(peer.id);
      for (const waiting of queues.values())
        for (const w of waiting)
          if (w.station.id === peer.id) {
            if (w.awayTimer) clearTimeout(w.awayTimer);
            w.awayTimer = null;
            w.station = peer;
          }
      broadcast();
    },

    /** A peer's connection closed: its places are kept, marked away, for the hold time. */
    disconnected(peerId: string): void {
      for (const waiting of queues.values())
        for (const w of waiting)
          if (w.station.id === peerId && !w.awayTimer)
            w.awayTimer = setTimeout(() => {
              remove(w);
              log('hub.queue_expired', { offer: w.offerId, station: peerId });
              const left = { type: 'queue.left', offerId: w.offerId, entryId: w.entryId, reason: 'expired' } as const;
              expiredWhileAway.set(peerId, [...(expiredWhileAway.get(peerId) ?? []), left]);
              broadcast();
            }, holdMs);
      broadcast();
    },

    /** Someone's availability changed: the waiting stations' experts online and estimates follow. */
    changed: broadcast,

    close(): void {
      for (const waiting of queues.values()) for (const w of waiting) if (w.awayTimer) clearTimeout(w.awayTimer);
      queues.clear();
      taken.clear();
      expiredWhileAway.clear();
    },
  };
}
