// A téléexpertise -> FHIR R4 ServiceRequest: the requester's question to a specialty (or a named
// expert), for the patient, with its reason; its status follows the act (a draft is a draft, a
// started or answered act is active, a closed one completed, or revoked if it never started).
// It shares the act's id, and the Encounter names it (basedOn).
import type { ServiceRequest } from '@medplum/fhirtypes';
import type { Encounter } from '../../../shared/encounter';
import { professionalReference } from './practitioner';
import { SYSTEM, uuidIdentifier } from './systems';

function status(e: Encounter): ServiceRequest['status'] {
  if (e.status === 'draft') return 'draft';
  if (e.status === 'closed') return e.startedAt ? 'completed' : 'revoked';
  return 'active';
}

export function serviceRequestToFhir(e: Encounter): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: e.id,
    identifier: [uuidIdentifier(e.id)],
    status: status(e),
    intent: 'order',
    code: { coding: [{ system: SYSTEM.actType, code: 'teleexpertise', display: 'Téléexpertise' }], text: 'Téléexpertise' },
    subject: { reference: `Patient/${e.patientId}` },
    authoredOn: e.createdAt,
    requester: professionalReference(e.requester),
    ...(e.expert ? { performer: [professionalReference(e.expert)] } : {}),
    ...(e.specialty ? { performerType: { text: e.specialty } } : {}),
    reasonCode: [{ text: e.reason }],
  };
}
