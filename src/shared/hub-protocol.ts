// Messages between stations/experts and the regional hub (signaling, presence, calls). Pure zod;
// the hub and the renderer's call client both parse with these schemas.
import { z } from 'zod';
import { OfferIdSchema, OfferSchema } from './scheduling/offer';

export const HUB_PROTOCOL = 'relais-hub.v1';
export const HUB_MAX_MESSAGE_BYTES = 64 * 1024;

/** coordinator: the region's coordinator, who publishes the offers and their rotas; never rung. */
export const RoleSchema = z.enum(['station', 'expert', 'coordinator']);
export const PeerIdSchema = z.string().min(1).max(100);
export const CallIdSchema = z.string().min(1).max(100);

export const QueueEntryIdSchema = z.string().min(1).max(100);

export const PeerSchema = z.object({
  id: PeerIdSchema,
  role: RoleSchema,
  name: z.string(),
  site: z.string(),
  specialty: z.string().nullable(),
  availability: z.enum(['available', 'busy', 'away']),
});
export type Peer = z.infer<typeof PeerSchema>;

/** A station waiting in an offer's queue, as the offer's experts see it. */
export const QueueEntrySchema = z.object({
  entryId: QueueEntryIdSchema,
  from: PeerSchema,
  reason: z.string(),
  /** When it joined (ISO 8601): its place is kept while it steps away. */
  since: z.string(),
  /** Its hub connection dropped: its place is kept for a while. */
  away: z.boolean(),
});
export type QueueEntry = z.infer<typeof QueueEntrySchema>;

/** A waiting station's place in an offer's queue, as the hub tells it at each change. */
export const QueuePlaceSchema = z.object({
  offerId: OfferIdSchema,
  entryId: QueueEntryIdSchema,
  position: z.number().int().min(1),
  waiting: z.number().int().min(1),
  /** From the offer's recent consultations and the experts online; null when none is online. */
  estimatedWaitMinutes: z.number().int().min(0).nullable(),
  expertsOnline: z.number().int().min(0),
  /** When no expert is online and the offer is closed: when it opens (ISO 8601). */
  nextOpening: z.string().nullable(),
});
export type QueuePlace = z.infer<typeof QueuePlaceSchema>;

// The region's offers (specialty, hours, experts, rota): src/shared/scheduling/offer.ts.
export { OfferSchema, type Offer } from './scheduling/offer';

const signal = z
  .object({ type: z.string().max(40), sdp: z.string().max(60_000).optional(), candidate: z.unknown().optional() })
  .passthrough();

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('presence.set'), availability: z.enum(['available', 'busy', 'away']) }),
  z.strictObject({ type: z.literal('directory.get') }),
  z.strictObject({
    type: z.literal('call.ring'),
    to: PeerIdSchema,
    reason: z.string().max(500).optional(),
    urgent: z.boolean().optional(),
    /** The queue entry an expert took: her station answers this ring without a click. */
    queueEntryId: QueueEntryIdSchema.optional(),
  }),
  z.strictObject({ type: z.literal('call.accept'), callId: CallIdSchema }),
  z.strictObject({ type: z.literal('call.decline'), callId: CallIdSchema, reason: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('call.cancel'), callId: CallIdSchema }),
  z.strictObject({ type: z.literal('call.hangup'), callId: CallIdSchema, reason: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('signal'), callId: CallIdSchema, data: signal }),
  z.strictObject({ type: z.literal('turn.credentials') }),
  /** The coordinator publishes an offer (new or changed) or withdraws one. */
  z.strictObject({ type: z.literal('offer.publish'), offer: OfferSchema }),
  z.strictObject({ type: z.literal('offer.withdraw'), offerId: OfferIdSchema }),
  /** Who is on duty for an urgent offer now, by the hub's clock (the stroke alert asks before ringing). */
  z.strictObject({ type: z.literal('offer.duty'), offerId: OfferIdSchema }),
  /** A station asks an offer without an appointment: it joins the offer's queue (or finds its place again). */
  z.strictObject({
    type: z.literal('queue.join'),
    offerId: OfferIdSchema,
    reason: z.string().max(500),
    actId: z.string().max(100).optional(),
  }),
  /** The station gives up its place. */
  z.strictObject({ type: z.literal('queue.leave'), offerId: OfferIdSchema }),
  /** An expert of the offer takes a waiting station: the station is told and rings her. */
  z.strictObject({ type: z.literal('queue.take'), offerId: OfferIdSchema, entryId: QueueEntryIdSchema }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const CallEndReasonSchema = z.enum([
  'declined',
  'cancelled',
  'timeout',
  'busy',
  'hangup',
  'offline',
  'disconnected',
]);
export type CallEndReason = z.infer<typeof CallEndReasonSchema>;

const HubErrorCodeSchema = z.enum([
  'invalid_message',
  'not_in_call',
  'unknown_peer',
  'rate_limited',
  'not_allowed',
  'unknown_offer',
  /** A non-urgent offer asked outside its hours: the message says when it opens. */
  'offer_closed',
  'queue_entry_gone',
]);

// What the hub sends. Parsed by the station (main) before anything reaches the page: a hub is
// another machine, and its bytes are input like any other.
export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), you: PeerSchema, peers: z.array(PeerSchema) }),
  /** What changed since the last presence message (or the welcome): peers connected or changed, and gone. */
  z.object({ type: z.literal('presence.changed'), peers: z.array(PeerSchema), left: z.array(PeerIdSchema) }),
  z.object({ type: z.literal('directory'), offers: z.array(OfferSchema) }),
  /** To the caller. */
  z.object({
    type: z.literal('call.ringing'),
    callId: CallIdSchema,
    to: PeerSchema,
    reason: z.string().optional(),
    urgent: z.boolean().optional(),
  }),
  /** To the callee. */
  z.object({
    type: z.literal('call.incoming'),
    callId: CallIdSchema,
    from: PeerSchema,
    reason: z.string().optional(),
    urgent: z.boolean(),
    queueEntryId: QueueEntryIdSchema.optional(),
  }),
  z.object({ type: z.literal('call.accepted'), callId: CallIdSchema, by: PeerSchema }),
  z.object({
    type: z.literal('call.ended'),
    callId: CallIdSchema,
    reason: CallEndReasonSchema,
    detail: z.string().optional(),
  }),
  /** The other side lost its hub connection; the call waits for it (graceSeconds) before ending. */
  z.object({ type: z.literal('call.peer_away'), callId: CallIdSchema, graceSeconds: z.number() }),
  /** A member of an active call is (back) on the hub: to both, after a reconnection. */
  z.object({ type: z.literal('call.resumed'), callId: CallIdSchema, caller: PeerSchema, callee: PeerSchema }),
  z.object({ type: z.literal('signal'), callId: CallIdSchema, from: PeerIdSchema, data: z.unknown() }),
  z.object({
    type: z.literal('turn.credentials'),
    username: z.string(),
    credential: z.string(),
    ttlSeconds: z.number(),
    urls: z.array(z.string()),
  }),
  z.object({ type: z.literal('error'), code: HubErrorCodeSchema, message: z.string() }),
  /** The answer to offer.duty: whom to ring, in order, and how long each rings before the next. */
  z.object({
    type: z.literal('offer.duty'),
    offerId: OfferIdSchema,
    /** The hub's instant the rota was read at (ISO 8601). */
    at: z.string(),
    experts: z.array(z.object({ id: PeerIdSchema, name: z.string(), online: z.boolean() })),
    /** Which line of the rota decided (rota.ts OnDuty.source), for the act's record. */
    source: z.object({ kind: z.enum(['exception', 'weekly', 'holiday', 'none', 'experts']), detail: z.string() }),
    escalateAfterSeconds: z.number().int().min(1),
  }),
  /** To a waiting station, at each change: its place (1 is next), and what it can expect. */
  QueuePlaceSchema.extend({ type: z.literal('queue.place') }),
  /** To the waiting station: an expert took it; the station rings her with the entry's id. */
  z.object({ type: z.literal('queue.taken'), offerId: OfferIdSchema, entryId: QueueEntryIdSchema, by: PeerSchema }),
  /** To the waiting station: its place is gone (left, the offer withdrawn, or kept too long away). */
  z.object({
    type: z.literal('queue.left'),
    offerId: OfferIdSchema,
    entryId: QueueEntryIdSchema,
    reason: z.enum(['left', 'withdrawn', 'expired']),
  }),
  /** To the experts of an offer, at each change: who waits, in order. */
  z.object({ type: z.literal('queue.entries'), offerId: OfferIdSchema, entries: z.array(QueueEntrySchema) }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
