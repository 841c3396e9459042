// Messages between stations/experts and the regional hub (signaling, presence, calls). Pure zod;
// the hub and the renderer's call client both parse with these schemas.
import { z } from 'zod';

export const HUB_PROTOCOL = 'relais-hub.v1';
export const HUB_MAX_MESSAGE_BYTES = 64 * 1024;

export const RoleSchema = z.enum(['station', 'expert']);
export const PeerIdSchema = z.string().min(1).max(100);
export const CallIdSchema = z.string().min(1).max(100);

export const PeerSchema = z.object({
  id: PeerIdSchema,
  role: RoleSchema,
  name: z.string(),
  site: z.string(),
  specialty: z.string().nullable(),
  availability: z.enum(['available', 'busy', 'away']),
});
export type Peer = z.infer<typeof PeerSchema>;

export const OfferSchema = z.object({
  id: z.string(),
  specialty: z.string(),
  hospital: z.string(),
  /** The hospital's commune (INSEE code), for the transport a remote act spares the patient. */
  commune: z
    .string()
    .regex(/^(\d{2}|2A|2B)\d{3}$/)
    .optional(),
  act: z.enum(['teleconsultation', 'teleexpertise', 'telesurveillance', 'teleassistance']),
  /** Opening hours, e.g. "lun-ven 08:00-18:00" or "24/7" (on-duty neurologist). */
  hours: z.string(),
  /** Experts answering this offer. */
  experts: z.array(PeerIdSchema),
  urgent: z.boolean().default(false),
});
export type Offer = z.infer<typeof OfferSchema>;

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
  }),
  z.strictObject({ type: z.literal('call.accept'), callId: CallIdSchema }),
  z.strictObject({ type: z.literal('call.decline'), callId: CallIdSchema, reason: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('call.cancel'), callId: CallIdSchema }),
  z.strictObject({ type: z.literal('call.hangup'), callId: CallIdSchema, reason: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('signal'), callId: CallIdSchema, data: signal }),
  z.strictObject({ type: z.literal('turn.credentials') }),
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

const HubErrorCodeSchema = z.enum(['invalid_message', 'not_in_call', 'unknown_peer', 'rate_limited', 'not_allowed']);

// What the hub sends. Parsed by the station (main) before anything reaches the page: a hub is
// another machine, and its bytes are input like any other.
export const ServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('welcome'), you: PeerSchema, peers: z.array(PeerSchema) }),
  z.object({ type: z.literal('presence'), peers: z.array(PeerSchema) }),
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
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;
