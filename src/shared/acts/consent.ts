// The patient's consent as the station records it: to what (the act, its recording, sharing its
// images), the decision, who gave it as French law allows, and who collected it. Pure zod and
// pure rules; main checks them before each recording or sharing, the screens before offering it.
import { z } from 'zod';

/** What the patient agreed to, or refused: the act itself, its recording, sharing images. */
export const ConsentScopeSchema = z.enum(['act', 'recording', 'image_sharing']);
export type ConsentScope = z.infer<typeof ConsentScopeSchema>;

const name = z.string().trim().min(1, 'field.required').max(200);

/**
 * Who gave it (Code de la santé publique): the patient (L1111-4, R6316-2); her legal
 * representative, for a minor or a protected adult (L1111-4); her personne de confiance
 * (L1111-6); or nobody could, in a vital emergency (L1111-4 al. 5), and the physician who
 * decided is named.
 */
export const ConsentGiverSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('patient') }),
  z.strictObject({ kind: z.literal('legal_representative'), name }),
  z.strictObject({ kind: z.literal('trusted_person'), name }),
  z.strictObject({ kind: z.literal('vital_emergency'), physician: name }),
]);
export type ConsentGiver = z.infer<typeof ConsentGiverSchema>;
export const CONSENT_GIVER_KINDS = ['patient', 'legal_representative', 'trusted_person', 'vital_emergency'] as const;

/** A consent recorded before the station asked who gave it (migration 0024): shown "non précisé". */
export const STORED_GIVER_UNKNOWN = { kind: 'unknown' } as const;
const StoredGiverSchema = z.union([ConsentGiverSchema, z.strictObject({ kind: z.literal('unknown') })]);
export type StoredConsentGiver = z.infer<typeof StoredGiverSchema>;

export const ConsentInputSchema = z
  .strictObject({
    encounterId: z.uuid(),
    scope: ConsentScopeSchema,
    decision: z.enum(['given', 'refused']),
    givenBy: ConsentGiverSchema,
    /** Who collected it (the nurse, the pharmacist, the physician). */
    collectedBy: name,
    collectedAt: z.iso.datetime({ offset: true }),
  })
  .superRefine((c, ctx) => {
    if (c.givenBy.kind !== 'vital_emergency') return;
    // The urgency rule lets the care go on without consent; it is nobody's refusal.
    if (c.decision === 'refused')
      ctx.addIssue({ code: 'custom', path: ['givenBy'], message: 'consent.emergency_is_not_a_refusal' });
    // It covers what the care needs now (the act, the images the remote physician must see),
    // not keeping a recording: that waits for the patient, or for whoever may consent for her.
    if (c.scope === 'recording')
      ctx.addIssue({ code: 'custom', path: ['givenBy'], message: 'consent.emergency_not_for_recording' });
  });
export type ConsentInput = z.infer<typeof ConsentInputSchema>;

export const ConsentSchema = z.object({
  id: z.uuid(),
  encounterId: z.string(),
  scope: ConsentScopeSchema,
  decision: z.enum(['given', 'refused']),
  givenBy: StoredGiverSchema,
  collectedBy: z.string(),
  collectedAt: z.string(),
});
export type Consent = z.infer<typeof ConsentSchema>;

type Decided = Pick<Consent, 'scope' | 'decision'>;

/** The latest word on a scope, in the order recorded (a patient may withdraw: L1111-4), or none yet. */
export function latestDecision<T extends Decided>(
  consents: readonly T[],
  scope: ConsentScope,
): Consent['decision'] | null {
  return consents.filter((c) => c.scope === scope).at(-1)?.decision ?? null;
}

/** Whether the recorded consents allow what the scope covers: only a latest "given" does. */
export const consentAllows = <T extends Decided>(consents: readonly T[], scope: ConsentScope): boolean =>
  latestDecision(consents, scope) === 'given';
