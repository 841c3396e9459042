// Remote steering grants as the page sees them: which call's expert may steer this cart's camera,
// granted by whom and since when. The station's main process holds the grant and checks every
// camera command marked remote against it; the page only asks to grant and to take back.
import { z } from 'zod';
import { CallIdSchema, PeerIdSchema } from '../hub-protocol';

export const SteeringGrantSchema = z.object({
  callId: CallIdSchema,
  /** The call's expert as the hub named her (never as the page named her). */
  expert: z.object({ peerId: PeerIdSchema, name: z.string(), site: z.string() }),
  /** Who let her steer: the professional signed in at the station, else the name typed at the cart. */
  grantedBy: z.object({ name: z.string(), idNatPs: z.string().nullable(), source: z.enum(['sign_in', 'typed']) }),
  /** When (ISO). */
  since: z.string(),
});
export type SteeringGrant = z.infer<typeof SteeringGrantSchema>;

/** Why a grant ended: taken back at the cart, or by itself (the call ended, the station lost the
 * hub and can no longer see the call, another expert is now at the other end). */
export const GrantEndReasonSchema = z.enum(['revoked', 'call_ended', 'hub_lost', 'expert_changed']);
export type GrantEndReason = z.infer<typeof GrantEndReasonSchema>;

/** Told to the page at every change: a new grant, or the end of one and why. */
export const ControlChangeSchema = z.object({
  callId: CallIdSchema,
  grant: SteeringGrantSchema.nullable(),
  reason: GrantEndReasonSchema.optional(),
});
export type ControlChange = z.infer<typeof ControlChangeSchema>;

/** The name typed at the cart, when nobody is signed in at the station. */
const typedName = z.string().trim().min(1).max(200);

export const STEERING_CHANNELS = {
  /** Lets the call's expert steer this cart's camera (until taken back or the call ends). */
  'calls.grantControl': {
    input: z.strictObject({ callId: CallIdSchema, by: typedName.optional() }),
    output: SteeringGrantSchema,
  },
  /** Takes it back; `revoked` is false when there was no grant left for this call. */
  'calls.revokeControl': {
    input: z.strictObject({ callId: CallIdSchema, by: typedName.optional() }),
    output: z.strictObject({ revoked: z.boolean() }),
  },
} as const;
