// Who gave the patient's consent, and what each scope allows, against the French rules on consent
// (Code de la santé publique, version in force in 2024): L1111-4 (free and informed consent of the
// person, or of the holders of parental authority / the guardian for a minor or a protected adult),
// L1111-4 al. 5 (a person unable to express her will: no act "sauf urgence ou impossibilité"
// without consulting the personne de confiance, the family or a close relative), L1111-6 (the
// personne de confiance, named by the patient), R6316-2 (telemedicine acts need the patient's
// free and informed consent, which may be given by electronic means).
import { describe, expect, it } from 'vitest';
import {
  ConsentInputSchema,
  consentAllows,
  latestDecision,
  STORED_GIVER_UNKNOWN,
} from '../../../src/shared/acts/consent';
import { toFieldErrors } from '../../../src/shared/validation';

const ENCOUNTER = '00000000-0000-4000-8000-000000000002';
const base = {
  encounterId: ENCOUNTER,
  scope: 'act',
  decision: 'given',
  collectedBy: 'IDE Morvan',
  collectedAt: '2026-11-23T09:40:00.000Z',
} as const;
const fields = (input: unknown) => {
  const parsed = ConsentInputSchema.safeParse(input);
  return parsed.success ? [] : toFieldErrors(parsed.error);
};

describe('who gave consent (Code de la santé publique L1111-4, L1111-6, R6316-2)', () => {
  it('the patient herself (L1111-4: "aucun acte ... sans le consentement libre et éclairé de la personne"; R6316-2 for telemedicine)', () => {
    expect(ConsentInputSchema.parse({ ...base, givenBy: { kind: 'patient' } }).givenBy).toEqual({ kind: 'patient' });
  });

  it('a legal representative, named (L1111-4: the holders of parental authority or the guardian consent for a minor or a protected adult)', () => {
    expect(fields({ ...base, givenBy: { kind: 'legal_representative' } })).toContainEqual(
      expect.objectContaining({ path: 'givenBy.name', code: 'field.required' }),
    );
    expect(
      ConsentInputSchema.parse({ ...base, givenBy: { kind: 'legal_representative', name: ' Mme Le Bihan (mère) ' } })
        .givenBy,
    ).toEqual({ kind: 'legal_representative', name: 'Mme Le Bihan (mère)' });
  });

  it('the personne de confiance, named (L1111-6: designated by the patient, consulted when she cannot express her will)', () => {
    expect(fields({ ...base, givenBy: { kind: 'trusted_person' } })).toContainEqual(
      expect.objectContaining({ path: 'givenBy.name', code: 'field.required' }),
    );
    expect(fields({ ...base, givenBy: { kind: 'trusted_person', name: '   ' } })).toContainEqual(
      expect.objectContaining({ path: 'givenBy.name', code: 'field.required' }),
    );
    expect(
      ConsentInputSchema.parse({
        ...base,
        decision: 'refused',
        givenBy: { kind: 'trusted_person', name: 'M. Yann Le Bihan' },
      }).decision,
    ).toBe('refused');
  });

  it('urgence vitale, consentement impossible: the physician who decides is named (L1111-4 al. 5: "sauf urgence ou impossibilité")', () => {
    expect(fields({ ...base, givenBy: { kind: 'vital_emergency' } })).toContainEqual(
      expect.objectContaining({ path: 'givenBy.physician', code: 'field.required' }),
    );
    expect(
      ConsentInputSchema.parse({ ...base, givenBy: { kind: 'vital_emergency', physician: 'Dr Urgences' } }).givenBy,
    ).toEqual({ kind: 'vital_emergency', physician: 'Dr Urgences' });
    // Nobody refuses in the patient's name under the urgency rule: it only lets the care go on.
    expect(
      fields({ ...base, decision: 'refused', givenBy: { kind: 'vital_emergency', physician: 'Dr Urgences' } }),
    ).toContainEqual(expect.objectContaining({ path: 'givenBy', code: 'consent.emergency_is_not_a_refusal' }));
    // The urgency covers the care and what the remote physician needs to see now, not keeping a recording.
    expect(
      fields({ ...base, scope: 'recording', givenBy: { kind: 'vital_emergency', physician: 'Dr Urgences' } }),
    ).toContainEqual(expect.objectContaining({ path: 'givenBy', code: 'consent.emergency_not_for_recording' }));
    expect(
      ConsentInputSchema.safeParse({
        ...base,
        scope: 'image_sharing',
        givenBy: { kind: 'vital_emergency', physician: 'Dr Urgences' },
      }).success,
    ).toBe(true);
  });

  it('asks who: a consent without it is refused, and "unknown" is only what old records read as', () => {
    expect(fields(base)).toContainEqual(expect.objectContaining({ path: 'givenBy' }));
    expect(ConsentInputSchema.safeParse({ ...base, givenBy: STORED_GIVER_UNKNOWN }).success).toBe(false);
  });
});

describe('what each scope allows (R6316-2: consent to the telemedicine act; recording and image sharing asked apart)', () => {
  const at = (minute: number) => `2026-11-23T09:${String(minute).padStart(2, '0')}:00.000Z`;
  it('follows the latest word on a scope, and nothing is allowed before one is recorded', () => {
    expect(latestDecision([], 'recording')).toBeNull();
    expect(consentAllows([], 'recording')).toBe(false);
    const consents = [
      { scope: 'act', decision: 'given', collectedAt: at(40) },
      { scope: 'recording', decision: 'given', collectedAt: at(41) },
      { scope: 'image_sharing', decision: 'refused', collectedAt: at(41) },
    ] as const;
    expect(consentAllows(consents, 'recording')).toBe(true);
    expect(consentAllows(consents, 'image_sharing')).toBe(false);
    expect(latestDecision(consents, 'image_sharing')).toBe('refused');
    // The patient changes her mind: the latest word counts (L1111-4: consent "peut être retiré à tout moment").
    expect(
      consentAllows([...consents, { scope: 'recording', decision: 'refused', collectedAt: at(50) }], 'recording'),
    ).toBe(false);
    // Consent to the act is not consent to its recording.
    expect(consentAllows([{ scope: 'act', decision: 'given', collectedAt: at(40) }], 'recording')).toBe(false);
  });
});
