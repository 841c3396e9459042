// The contract's channels for the prescription the expert writes on her station about an act of
// another station (issue 21, point 5), assembled in src/shared/contract.ts with the remote acts':
// the versions she signed (the SHA-256 computed by main, from her signed-in identity, for the
// patient of the act's context) and whether the requesting station has each one.
import { z } from 'zod';
import { PeerIdSchema } from '../hub-protocol';
import { PrescriptionLineSchema, SignedPrescriptionSchema } from '../acts/prescription';
import { channel } from '../channel';
import { ReportDeliverySchema } from './report-channels';

export const RemotePrescriptionSchema = z.object({
  prescription: SignedPrescriptionSchema,
  delivery: ReportDeliverySchema,
  /** A later version corrects this one. */
  replacedBy: z.uuid().nullable(),
});
export type RemotePrescription = z.infer<typeof RemotePrescriptionSchema>;

const ActKeySchema = { peerId: PeerIdSchema, actId: z.uuid() };

export const REMOTE_PRESCRIPTION_CHANNELS = {
  /** Every version of her prescription for the act, oldest first. */
  'remoteActs.prescriptions': channel(z.strictObject(ActKeySchema), z.array(RemotePrescriptionSchema)),
  // SECURITY: who signs and for whom are never in the payload: main takes her from the sign-in and
  // the hub's welcome, the patient's traits from the act's context, and computes the SHA-256.
  /** Signs these lines in her name for the act's patient. Refused when she is not signed in. */
  'remoteActs.signPrescription': channel(
    z.strictObject({
      ...ActKeySchema,
      lines: z.array(PrescriptionLineSchema).min(1).max(40),
      replaces: z.uuid().nullable(),
      correctionReason: z.string().trim().max(1000).optional(),
    }),
    RemotePrescriptionSchema,
  ),
  /** What the requesting station answered when the prescription reached it over the call. */
  'remoteActs.prescriptionDelivered': channel(
    z.strictObject({
      prescriptionId: z.uuid(),
      outcome: z.enum(['filed', 'already_filed', 'refused']),
      /** A refusal's reason, as the requesting station gave it. */
      reason: z.string().max(1000).optional(),
    }),
    RemotePrescriptionSchema,
  ),
} as const;
