// The patient's consent recorded for a test act, as the nurse records it: the station keeps no
// recording, and shares no image, without it (src/main/acts/consent-guard.ts).
import type { Station } from '../../src/main/station';
import type { ConsentScope } from '../../src/shared/acts/consent';
import { contractValue } from './contract-value';
import { provisionalIdentity } from './identities';

export async function consentTo(
  station: Pick<Station, 'dispatch'>,
  encounterId: string,
  scope: ConsentScope = 'recording',
  collectedBy = 'IDE Morvan',
): Promise<void> {
  await contractValue(station as Station, 'encounters.consent', {
    encounterId,
    scope,
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy,
    collectedAt: new Date().toISOString(),
  });
}

/** The act of a call, linked to it, with the patient's consent to recording: what the call captures is kept. */
export async function actForCall(station: Pick<Station, 'dispatch'>, callId: string): Promise<string> {
  const created = await contractValue(station as Station, 'patients.create', {
    identity: provisionalIdentity({ birthName: 'Appel', birthDate: '1950-01-01' }),
    notDuplicateOf: [],
  });
  if (created.status !== 'created') throw new Error('the call’s patient was not created');
  const act = await contractValue(station as Station, 'encounters.create', {
    patientId: created.patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD',
    reason: 'Appel',
    callId,
  });
  await consentTo(station, act.id);
  return act.id;
}
