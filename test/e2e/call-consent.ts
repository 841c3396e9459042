// The patient's consent for the call under way, recorded through the cart station's contract (as
// the page's "Consentement pour cet appel" does): the call's act, linked to it, with her consents.
// Without it the station records nothing of the call and shows no image to the other side.
import type { ConsentScope } from '../../src/shared/acts/consent';
import { connectStationClient } from './station-client';

export async function consentForCall(cartUrl: string, birthName: string, scopes: ConsentScope[]): Promise<void> {
  const client = await connectStationClient(cartUrl);
  try {
    const [call] = await client.value('calls.history', { limit: 1 });
    const [patient] = await client.value('patients.search', { name: birthName, limit: 1 });
    if (!call || !patient) throw new Error('no call or no patient to record the consent for');
    const act = await client.value('encounters.create', {
      patientId: patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: call.reason ?? 'Appel',
      callId: call.id,
    });
    for (const scope of scopes) {
      await client.value('encounters.consent', {
        encounterId: act.id,
        scope,
        decision: 'given',
        givenBy: { kind: 'patient' },
        collectedBy: 'IDE Morvan',
        collectedAt: new Date().toISOString(),
      });
    }
  } finally {
    client.close();
  }
}
