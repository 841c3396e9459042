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
  act: z.enum(['teleconsultation', 'teleexpertise', 'telesurveillance', 'teleassistance']),
  /** Opening hours, e.g. "lun-ven 08:00-18:00" or "24/7" (on-duty neurologist). */
  hours: z.string(),
  /** Experts answering this offer. */
  experts: z.array(PeerIdSchema),
  urgent: z.boolean().default(false),
});
export type Offer = z.infer<typeof OfferSchema>;

const signal = z.object({ type: z.string().max(40), sdp: z.string().max(60_000).optional(), candidate: z.unknown().optional() }).passthrough();

export const ClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('presence.set'), availability: z.enum(['available', 'busy', 'away']) }),
  z.strictObject({ type: z.literal('directory.get') }),
  z.strictObject({ type: z.literal('call.ring'), to: PeerIdSchema, reason: z.string().max(500).optional(), urgent: z.boolean().optional() }),
  z.strictObject({ type: z.literal('call.accept'), callId: CallIdSchema }),
  z.strictObject({ type: z.literal('call.decline'), callId: CallIdSchema, reason: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('call.cancel'), callId: CallIdSchema }),
  z.strictObject({ type: z.literal('call.hangup'), callId: CallIdSchema, reason: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('signal'), callId: CallIdSchema, data: signal }),
  z.strictObject({ type: z.literal('turn.credentials') }),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export type CallEndReason = 'declined' | 'cancelled' | 'timeout' | 'busy' | 'hangup' | 'offline' | 'disconnected';

export type ServerMessage =
  | { type: 'welcome'; you: Peer; peers: Peer[] }
  | { type: 'presence'; peers: Peer[] }
  | { type: 'directory'; offers: Offer[] }
  | { type: 'call.ringing'; callId: string; to: Peer } // to the caller
  | { type: 'call.incoming'; callId: string; from: Peer; reason?: string; urgent: boolean } // to the callee
  | { type: 'call.accepted'; callId: string; by: Peer }
  | { type: 'call.ended'; callId: string; reason: CallEndReason; detail?: string }
  | { type: 'signal'; callId: string; from: string; data: unknown }
  | { type: 'turn.credentials'; username: string; credential: string; ttlSeconds: number; urls: string[] }
  | { type: 'error'; code: 'invalid_message' | 'not_in_call' | 'unknown_peer' | 'rate_limited' | 'not_allowed'; message: string };
