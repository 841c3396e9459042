// A chat line of a call linked to an act -> FHIR R4 Communication: what was written, by whom,
// when, for the patient and the act. Its id is derived from the call and the line, so the same
// line always becomes the same resource.
import type { Communication } from '@medplum/fhirtypes';
import type { ChatEntry } from '../../../shared/calls/calls';
import type { Encounter } from '../../../shared/acts/encounter';
import { nameBasedUuid } from './name-based-id';
import { uuidIdentifier } from './systems';

/** Named by the call and the line (FHIR ids are at most 64 characters). */
export const chatResourceId = (callId: string, lineId: string): string => nameBasedUuid(`${callId}\n${lineId}`);

export function chatToCommunication(line: ChatEntry, encounter: Encounter): Communication {
  const id = chatResourceId(line.callId, line.id);
  return {
    resourceType: 'Communication',
    id,
    identifier: [uuidIdentifier(id)],
    status: 'completed',
    category: [{ text: 'Message pendant la téléconsultation' }],
    subject: { reference: `Patient/${encounter.patientId}` },
    encounter: { reference: `Encounter/${encounter.id}` },
    sent: line.at,
    sender: {
      display:
        line.author ||
        (line.direction === 'sent' ? encounter.requester.name : (encounter.expert?.name ?? 'Correspondant')),
    },
    payload: [{ contentString: line.text }],
  };
}
