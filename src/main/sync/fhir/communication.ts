// A chat line of a call linked to an act -> FHIR R4 Communication: what was written, by whom,
// when, for the patient and the act. Its id is derived from the call and the line, so the same
// line always becomes the same resource.
import { createHash } from 'node:crypto';
import type { Communication } from '@medplum/fhirtypes';
import type { ChatEntry } from '../../../shared/calls';
import type { Encounter } from '../../../shared/encounter';
import { uuidIdentifier } from './systems';

/** A name-based UUID (version 5 layout, SHA-256 of the call and the line): FHIR ids are at most 64 characters. */
export function chatResourceId(callId: string, lineId: string): string {
  const hex = createHash('sha256').update(`${callId}\n${lineId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

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
    sender: { display: line.author || (line.direction === 'sent' ? encounter.requester.name : (encounter.expert?.name ?? 'Correspondant')) },
    payload: [{ contentString: line.text }],
  };
}
