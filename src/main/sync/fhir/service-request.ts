// A téléexpertise -> FHIR R4 ServiceRequest: the requester's question to a specialty (or a named
// expert), for the patient, with its reason; its status follows the act (a draft is a draft, a
// started or answered act is active, a closed one completed, or revoked if it never started).
// It shares the act's id, and the Encounter names it (basedOn).
//
// The specialty is also coded (a key whatever its case or accents) so that an expert's station
// finds the requests routed to her specialty with a token search (performer-type); the urgency is
// FHIR's priority and the clinical context a note. The files are not listed here: they are the
// act's Media and DocumentReference (searched by encounter), which may still be uploading.
import type { ServiceRequest } from '@medplum/fhirtypes';
import type { Encounter } from '../../../shared/encounter';
import { specialtyKey, type ExpertiseDetails } from '../../../shared/teleexpertise';
import { professionalReference } from './practitioner';
import { SYSTEM, uuidIdentifier } from './systems';

function status(e: Encounter): ServiceRequest['status'] {
  if (e.status === 'draft') return 'draft';
  if (e.status === 'closed') return e.startedAt ? 'completed' : 'revoked';
  return 'active';
}

export function serviceRequestToFhir(e: Encounter, details: ExpertiseDetails | null = null): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: e.id,
    identifier: [uuidIdentifier(e.id)],
    status: status(e),
    intent: 'order',
    ...(details ? { priority: details.priority } : {}),
    code: { coding: [{ system: SYSTEM.actType, code: 'teleexpertise', display: 'Téléexpertise' }], text: 'Téléexpertise' },
    subject: { reference: `Patient/${e.patientId}` },
    authoredOn: details?.submittedAt ?? e.createdAt,
    requester: professionalReference(e.requester),
    ...(e.expert ? { performer: [professionalReference(e.expert)] } : {}),
    ...(e.specialty ? { performerType: { coding: [{ system: SYSTEM.specialty, code: specialtyKey(e.specialty) }], text: e.specialty } } : {}),
    reasonCode: [{ text: e.reason }],
    ...(details?.context ? { note: [{ text: details.context }] } : {}),
  };
}
