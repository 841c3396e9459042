// The contract's consent channels around a call (spread into contract.ts): what the patient of a
// call consented to (from this station's act for the call, or as the other station said it), the
// act a call is held for, and the check before a series is shown to the other side.
import { z } from 'zod';
import { EncounterSchema } from './encounter';
import { CallIdSchema } from '../hub-protocol';
import { PatientIdSchema } from '../patients/patient';

const Decision = z.enum(['given', 'refused']).nullable();

/**
 * The patient's consents for a call. `local`: this station holds the call's act (its latest word
 * on each scope); `remote`: the other station of the call said it; `none`: nobody knows yet.
 */
export const CallConsentSchema = z.object({
  callId: z.string(),
  source: z.enum(['local', 'remote', 'none']),
  encounterId: z.string().nullable(),
  patientId: z.string().nullable(),
  recording: Decision,
  imageSharing: Decision,
});
export type CallConsent = z.infer<typeof CallConsentSchema>;

export const CONSENT_CHANNELS = {
  'calls.consent': { input: z.strictObject({ callId: CallIdSchema }), output: CallConsentSchema },
  /** Links an open act of this station to the call it is held in (its captures and consents are the act's). */
  'encounters.linkCall': {
    input: z.strictObject({ id: z.uuid(), version: z.number().int().positive(), callId: CallIdSchema }),
    output: EncounterSchema,
  },
  /** Asked before a series leaves for the other side of the call: refused without the image-sharing consent. */
  'calls.shareImages': {
    input: z.strictObject({ callId: CallIdSchema, patientId: PatientIdSchema, label: z.string().max(300) }),
    output: z.strictObject({ allowed: z.literal(true) }),
  },
} as const;

export const CONSENT_EVENTS = {
  /** A call's consents changed (here, or the other station said so). */
  'calls.consentChanged': z.object({ callId: z.string() }),
} as const;
