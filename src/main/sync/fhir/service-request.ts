// A téléexpertise -> FHIR R4 ServiceRequest: the requester's question to a specialty (or to an
// expert named by her hub identity), for the patient, with its reason; its status follows the act (a draft is a draft, a
// started or answered act is active, a closed one completed, or revoked if it never started).
// It shares the act's id, and the Encounter names it (basedOn).
//
// The specialty is also coded (a key whatever its case or accents) so that an expert's station
// finds the requests routed to her specialty with a token search (performer-type); the urgency is
// FHIR's priority and the clinical context a note. The files are not listed here: they are the
// act's Media and DocumentReference (searched by encounter), which may still be uploading.
import type { Practitioner, Reference, ServiceRequest } from '@medplum/fhirtypes';
import type { Encounter, Professional } from '../../../shared/acts/encounter';
import { specialtyKey } from '../../../shared/scheduling/specialty-key';
import { EXPERT_ID_SYSTEM, type ExpertiseDetails } from '../../../shared/teleexpertise/teleexpertise';
import { professionalReference } from './practitioner';
import { SYSTEM, uuidIdentifier } from './systems';

function status(e: Encounter): ServiceRequest['status'] {
  if (e.status === 'draft') return 'draft';
  if (e.status === 'closed') return e.startedAt ? 'completed' : 'revoked';
  return 'active';
}

/**
 * The expert named: by her hub identity when she was chosen from the hub's presence (the hub and
 * her inbox route on it, never on the name); a name typed by hand is shown, and routes nowhere.
 */
function expertReference(expert: Professional): Reference<Practitioner> {
  if (!expert.hubId) return professionalReference(expert);
  return { display: expert.name, identifier: { system: EXPERT_ID_SYSTEM, value: expert.hubId } };
}

export function serviceRequestToFhir(e: Encounter, details: ExpertiseDetails | null = null): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: e.id,
    identifier: [uuidIdentifier(e.id)],
    status: status(e),
    intent: 'order',
    ...(details ? { priority: details.priority } : {}),
    code: {
      coding: [{ system: SYSTEM.actType, code: 'teleexpertise', display: 'Téléexpertise' }],
      text: 'Téléexpertise',
    },
    subject: { reference: `Patient/${e.patientId}` },
    authoredOn: details?.submittedAt ?? e.createdAt,
    requester: professionalReference(e.requester),
    ...(e.expert ? { performer: [expertReference(e.expert)] } : {}),
    ...(e.specialty
      ? {
          performerType: { coding: [{ system: SYSTEM.specialty, code: specialtyKey(e.specialty) }], text: e.specialty },
        }
      : {}),
    reasonCode: [{ text: e.reason }],
    ...(details?.context ? { note: [{ text: details.context }] } : {}),
  };
}
