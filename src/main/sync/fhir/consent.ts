// The patient's consent -> FHIR R4 Consent: to the act itself (scope treatment), to its recording
// or to sharing images (scope patient-privacy); permit or deny; who collected it and when.
import type { Consent as FhirConsent } from '@medplum/fhirtypes';
import type { Consent, Encounter } from '../../../shared/acts/encounter';
import { EXTENSION, SYSTEM, uuidIdentifier } from './systems';

const SCOPE = {
  act: { scope: 'treatment', action: 'treat', text: 'Consentement à l’acte de télémédecine' },
  recording: { scope: 'patient-privacy', action: 'collect', text: 'Consentement à l’enregistrement' },
  image_sharing: { scope: 'patient-privacy', action: 'disclose', text: 'Consentement au partage des images' },
} as const;

/** Who agreed: the patient, or the person the law lets speak for her, or the physician in a vital emergency. */
function performer(c: Consent, patientId: string): NonNullable<FhirConsent['performer']> {
  switch (c.givenBy.kind) {
    case 'patient':
      return [{ reference: `Patient/${patientId}` }];
    case 'legal_representative':
      return [{ display: `${c.givenBy.name} (représentant légal, CSP L1111-4)` }];
    case 'trusted_person':
      return [{ display: `${c.givenBy.name} (personne de confiance, CSP L1111-6)` }];
    case 'vital_emergency':
      return [{ display: `${c.givenBy.physician} (urgence vitale, consentement impossible, CSP L1111-4)` }];
    case 'unknown':
      // Recorded before the station asked: nobody is named rather than a guess.
      return [];
  }
}

export function consentToFhir(c: Consent, encounter: Pick<Encounter, 'id' | 'patientId'>): FhirConsent {
  const s = SCOPE[c.scope];
  return {
    resourceType: 'Consent',
    id: c.id,
    identifier: [uuidIdentifier(c.id)],
    status: 'active',
    scope: { coding: [{ system: SYSTEM.consentScope, code: s.scope }], text: s.text },
    category: [{ coding: [{ system: SYSTEM.loinc, code: '59284-0', display: 'Patient Consent' }] }],
    patient: { reference: `Patient/${encounter.patientId}` },
    dateTime: c.collectedAt,
    // Collected orally by the professional at the patient's side, recorded here: the rule is
    // French law on telemedicine consent (consentement libre et éclairé), not a written policy.
    policyRule: { text: 'Code de la santé publique, art. L.1111-4 et R.6316-2' },
    // Who agreed; the professional who collected it has no R4 element of its own.
    ...(c.givenBy.kind === 'unknown' ? {} : { performer: performer(c, encounter.patientId) }),
    extension: [
      { url: EXTENSION.consentCollectedBy, valueString: c.collectedBy },
      { url: EXTENSION.consentGivenBy, valueCode: c.givenBy.kind },
    ],
    provision: {
      type: c.decision === 'given' ? 'permit' : 'deny',
      action: [{ coding: [{ system: SYSTEM.consentAction, code: s.action }] }],
      data: [{ meaning: 'related', reference: { reference: `Encounter/${encounter.id}` } }],
    },
  };
}
