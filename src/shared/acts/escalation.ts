// The urgent call's escalation as the act keeps it (issue 22, point 4): each expert the alert
// rang (or skipped), when, what came of it, and the rota line that chose her. The page that runs
// the escalation reports each step once its outcome is known; main checks it and keeps it.
import { z } from 'zod';
import { CallIdSchema, PeerIdSchema } from '../hub-protocol';
import { OfferIdSchema } from '../scheduling/offer';

/** What came of one expert rung: no_answer is the escalation's delay run out (or the hub's ring timeout). */
export const EscalationOutcomeSchema = z.enum(['answered', 'no_answer', 'declined', 'busy', 'offline', 'cancelled']);
export type EscalationOutcome = z.infer<typeof EscalationOutcomeSchema>;

/** Which rota line chose the experts, and whose clock read it: the hub's (offer.duty) or this station's. */
export const EscalationSourceSchema = z.strictObject({
  kind: z.enum(['exception', 'weekly', 'holiday', 'none', 'experts']),
  /** The exception's id, the holiday's name; empty for the weekly pattern. */
  detail: z.string().max(200),
  decidedBy: z.enum(['hub', 'station']),
});
export type EscalationSource = z.infer<typeof EscalationSourceSchema>;

const escalationStepFields = {
  /** One alert: its steps share it. */
  escalationId: z.uuid(),
  /** 1 for the first expert rung (or skipped), then in order. */
  rank: z.number().int().min(1).max(20),
  offerId: OfferIdSchema,
  expertId: PeerIdSchema,
  expertName: z.string().min(1).max(200),
  rungAt: z.iso.datetime({ offset: true }),
  outcome: EscalationOutcomeSchema,
  /** Seconds between the ring and its outcome. */
  waitedSeconds: z.number().int().min(0).max(3600),
  /** The offer's delay before the next expert is rung. */
  delaySeconds: z.number().int().min(1).max(600),
  source: EscalationSourceSchema,
};

export const EscalationStepInputSchema = z.strictObject({
  encounterId: z.uuid(),
  ...escalationStepFields,
  /** The hub's call; left out when the expert was never rung (offline, or refused as busy by the hub). */
  callId: CallIdSchema.optional(),
});
export type EscalationStepInput = z.infer<typeof EscalationStepInputSchema>;

export const EscalationStepSchema = z.strictObject({
  ...escalationStepFields,
  callId: CallIdSchema.nullable(),
  recordedAt: z.string(),
});
export type EscalationStep = z.infer<typeof EscalationStepSchema>;
