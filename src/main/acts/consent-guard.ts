// The patient's consent checked where it matters, whatever the page did: before a recording
// (a stethoscope sound, a photo) is kept, and before images leave the station (shown in a call,
// sent to the PACS or with a téléexpertise). The latest word on a scope counts (src/shared/acts/consent.ts).
import { latestDecision, type ConsentScope } from '../../shared/acts/consent';
import type { CallConsent } from '../../shared/acts/consent-channels';
import { AppFailure } from '../contract/failure';
import type { EncounterRepository } from './encounter-repository';

export type GuardedScope = Exclude<ConsentScope, 'act'>;
export type ConsentReader = Pick<EncounterRepository, 'consents'>;

// What is refused and how to record the consent, for the log and a caller without translations.
const WHAT: Record<GuardedScope, { consent: string; refused: string; where: string }> = {
  recording: {
    consent: 'consent to recording',
    refused: 'nothing is recorded (sounds, photos)',
    where: 'scope "à l’enregistrement"',
  },
  image_sharing: {
    consent: 'consent to sharing images',
    refused: 'the images are not sent',
    where: 'scope "au partage d’images"',
  },
};

const CODES: Record<GuardedScope, { missing: string; refused: string }> = {
  recording: { missing: 'consent.recording_missing', refused: 'consent.recording_refused' },
  image_sharing: { missing: 'consent.image_sharing_missing', refused: 'consent.image_sharing_refused' },
};
const codeOf = (scope: GuardedScope, decision: 'refused' | null) =>
  CODES[scope][decision === 'refused' ? 'refused' : 'missing'];

/** The refusal for a scope the patient has not consented to (never asked, or refused). */
export function consentFailure(scope: GuardedScope, decision: 'refused' | null): AppFailure {
  const what = WHAT[scope];
  const message =
    decision === 'refused'
      ? `The patient refused ${what.consent.replace('consent to ', '')} for this act: ${what.refused}. ` +
        'Only a new consent of the patient, recorded in the act, changes that.'
      : `The patient's ${what.consent} is not recorded for this act: ${what.refused}. ` +
        `Ask her, record it in the act (Consentement du patient, ${what.where}), then try again.`;
  return new AppFailure('consent_required', message, [{ path: 'consent', code: codeOf(scope, decision) }]);
}

/** A call with no act of this station linked to it, and no word from the other station. */
export const callWithoutActFailure = (): AppFailure =>
  new AppFailure(
    'consent_required',
    'This call is linked to no act, so no consent of the patient is known: link the call to the patient’s act ' +
      '("Consentement pour cet appel"), record her consent there, then try again.',
    [{ path: 'consent', code: 'consent.call_without_act' }],
  );

/** Throws unless the act's latest word on the scope is "given". */
export function requireActConsent(encounters: ConsentReader, encounterId: string, scope: GuardedScope): void {
  const decision = latestDecision(encounters.consents(encounterId), scope);
  if (decision !== 'given') throw consentFailure(scope, decision);
}

/** Throws unless the call's consents (this station's act, or the other station's word) allow the scope. */
export function requireCallConsent(state: CallConsent, scope: GuardedScope): void {
  if (state.source === 'none') throw callWithoutActFailure();
  const decision = scope === 'recording' ? state.recording : state.imageSharing;
  if (decision !== 'given') throw consentFailure(scope, decision);
}

/** The consents of the act this station holds for a call, if it holds one. */
export function localCallConsent(
  encounters: Pick<EncounterRepository, 'consents' | 'ofCall'>,
  callId: string,
): CallConsent | null {
  const act = encounters.ofCall(callId);
  if (!act) return null;
  const consents = encounters.consents(act.id);
  return {
    callId,
    source: 'local',
    encounterId: act.id,
    patientId: act.patientId,
    recording: latestDecision(consents, 'recording'),
    imageSharing: latestDecision(consents, 'image_sharing'),
  };
}
