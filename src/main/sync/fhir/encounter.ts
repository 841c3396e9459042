// Encounter -> FHIR R4 Encounter: class VR (virtual), the French act type, the requester and
// the expert as participants (identified by IdNatPS when their RPPS is known), the reason, the
// period, and the call journal's id kept as an identifier.
import type { Encounter as FhirEncounter, EncounterParticipant } from '@medplum/fhirtypes';
import type { Encounter, Professional } from '../../../shared/encounter';
import { SYSTEM, uuidIdentifier } from './systems';

const ACT_DISPLAY = { teleconsultation: 'Téléconsultation', teleexpertise: 'Téléexpertise', telesurveillance: 'Télésurveillance', teleassistance: 'Téléassistance' } as const;

function status(e: Encounter): FhirEncounter['status'] {
  if (e.status === 'draft') return 'planned';
  if (e.status === 'in_progress') return 'in-progress';
  // Closed without ever starting: a cancelled act.
  if (e.status === 'closed' && e.startedAt === null) return 'cancelled';
  return 'finished';
}

function participant(p: Professional, code: 'REF' | 'CON' | 'PPRF'): EncounterParticipant {
  return {
    type: [{ coding: [{ system: SYSTEM.participationType, code }] }],
    individual: { display: p.name, ...(p.rpps ? { identifier: { system: SYSTEM.idNatPs, value: `8${p.rpps}` } } : {}) },
  };
}

export function encounterToFhir(e: Encounter): FhirEncounter {
  const participants = [participant(e.requester, 'REF')];
  if (e.expert) participants.push(participant(e.expert, 'CON'));
  const period = e.startedAt ? { start: e.startedAt, ...(e.endedAt ? { end: e.endedAt } : {}) } : undefined;
  return {
    resourceType: 'Encounter',
    id: e.id,
    identifier: [uuidIdentifier(e.id)],
    status: status(e),
    class: { system: SYSTEM.actCode, code: 'VR', display: 'virtual' },
    type: [{ coding: [{ system: SYSTEM.actType, code: e.act, display: ACT_DISPLAY[e.act] }], text: `${ACT_DISPLAY[e.act]}${e.assisted ? ' assistée' : ''}` }],
    ...(e.specialty ? { serviceType: { text: e.specialty } } : {}),
    subject: { reference: `Patient/${e.patientId}` },
    participant: participants,
    ...(period ? { period } : {}),
    reasonCode: [{ text: e.reason }],
    serviceProvider: { display: e.site },
  };
}
