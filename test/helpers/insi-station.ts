// A patient qualified the only way there is: created validated on her document, her INS asked of
// the INSi gateway (its double), the answer accepted. For tests that need a QUAL patient.
import type { Patient } from '../../src/shared/patients/patient';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import { validatedIdentity } from './identities';

interface Calls {
  value<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
}

/**
 * Qualifies Jeanne Louise Martin (validatedIdentity, with `overrides`) through INSi: the station's
 * INSi must know her. Creates her, unless the record `created` is given.
 */
export async function qualifyThroughInsi(
  station: Calls,
  overrides: Parameters<typeof validatedIdentity>[0] = {},
  created?: Patient,
): Promise<Patient> {
  let patient = created;
  if (!patient) {
    const outcome = await station.value('patients.create', {
      identity: validatedIdentity(overrides),
      notDuplicateOf: [],
    });
    if (outcome.status !== 'created') throw new Error('not created: a possible duplicate');
    patient = outcome.patient;
  }
  const answer = await station.value('patients.insiSearch', { id: patient.id });
  if (answer.outcome !== 'found') throw new Error(`INSi answered ${answer.outcome}`);
  const qualified = await station.value('patients.insiAccept', {
    id: patient.id,
    version: patient.version,
    answerId: answer.answerId,
  });
  if (qualified.identityStatus !== 'QUAL')
    throw new Error(`INSi's answer gave ${qualified.identityStatus}, not QUAL: its traits differ from those checked`);
  return qualified;
}
