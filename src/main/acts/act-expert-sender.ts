// Who may send a signed document (her report, her prescription) to an act of this station: the
// expert of the act's call, as the hub named her (over the call: the call's remote peer in the
// journal; through the hub: the writer the hub authenticated), who also signed it. What the
// document says of its sender is never taken for it. Shared by the report's and the
// prescription's intakes; a refusal says why in words for the audit.
import type { Encounter } from '../../shared/acts/encounter';
import { FINAL_REFUSAL_CODES } from '../../shared/calls/report-messages';
import { AppFailure } from '../contract/failure';
import type { CallRepository } from '../calls';
import type { EncounterRepository } from './encounter-repository';

export interface DocumentSender {
  /** The sender's hub identity: the call's remote peer, or the identity the hub authenticated. */
  peerId: string;
  via: 'call' | 'hub';
  callId: string | null;
}

export interface ActExpertDeps {
  encounters: Pick<EncounterRepository, 'get'>;
  calls: Pick<CallRepository, 'remoteOf'>;
}

/** The act, when the sender is its call's expert and the document's signer; throws (forbidden) otherwise. */
export function actOfItsExpert(
  deps: ActExpertDeps,
  encounterId: string,
  sender: DocumentSender,
  signerHubId: string,
  what: string,
): Encounter {
  const act = deps.encounters.get(encounterId);
  if (!act) throw new AppFailure('forbidden', `This ${what} is for an act this station does not hold.`);
  if (sender.via === 'call' && act.callId !== sender.callId)
    throw new AppFailure('forbidden', `This ${what} is for an act that is not the call’s act.`);
  const expert = act.callId ? deps.calls.remoteOf(act.callId) : null;
  if (!expert || expert.role !== 'expert' || expert.id !== sender.peerId)
    throw new AppFailure('forbidden', `The sender (${sender.peerId}) is not the expert of this act.`);
  if (signerHubId !== sender.peerId)
    throw new AppFailure('forbidden', `The ${what} is signed by ${signerHubId}, not by its sender.`);
  return act;
}

/** What this station answers a signed document that came through the hub: filed, refused for good, or not now. */
export type HubIntakeAnswer = { outcome: 'filed' } | { outcome: 'refused'; reason: string } | { outcome: 'later' };

/**
 * Files a document its writer sent through the hub (`receive` throws AppFailure when it refuses).
 * A passing trouble (a full disk, a held database) is "later": the document comes again.
 */
export async function answerFromHub(receive: () => unknown): Promise<HubIntakeAnswer> {
  try {
    await receive();
    return { outcome: 'filed' };
  } catch (error) {
    if (!(error instanceof AppFailure)) throw error;
    if (!FINAL_REFUSAL_CODES.includes(error.code)) return { outcome: 'later' };
    return { outcome: 'refused', reason: (error.fields?.[0]?.code ?? error.code).slice(0, 200) };
  }
}
