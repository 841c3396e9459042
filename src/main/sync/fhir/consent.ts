// The patient's consent -> FHIR R4 Consent: to the act itself (scope treatment), to its recording
// or to sharing images (scope patient-privacy); permit or deny; who collected it and when.
import type { Consent as FhirConsent } from '@medplum/fhirtypes';
import type { Consent, Encounter } from '../../../shared/encounter';
import { EXTENSION, SYSTEM, uuidIdentifier } from './systems';

const SCOPE = {
  act: { scope: 'treatment', action: 'treat', text: 'Consentement à l’acte de télémédecine' },
  recording: { scope: 'patient-privacy', action: 'collect', text: 'Consentement à l’enregistrement' },
  image_sharing: { scope: 'patient-privacy', action: 'disclose', text: 'Consentement au partage des images' },
} as const;

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
    // The patient agrees; the professional who collected it has no R4 element of its own.
    performer: [{ reference: `Patient/${encounter.patientId}` }],
    extension: [{ url: EXTENSION.consentCollectedBy, valueString: c.collectedBy }],
    provision: {
      type: c.decision === 'given' ? 'permit' : 'deny',
      action: [{ coding: [{ system: SYSTEM.consentAction, code: s.action }] }],
      data: [{ meaning: 'related', reference: { reference: `Encounter/${encounter.id}` } }],
    },
  };
}
