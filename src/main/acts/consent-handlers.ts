// The patient's consent around calls, wired to the station: the act this station holds for a call
// gives the call's consents, and this station tells the other station of the call what they are
// (station to station, through the hub's relay between the call's two members); a station that
// holds no act for the call (the expert's) goes by what the other said. Every recording and every
// series shown in a call is checked here, whatever the page did.
import { z } from 'zod';
import type { CallCommand } from '../../shared/calls/calls';
import type { CallConsent } from '../../shared/acts/consent-channels';
import type { Handlers } from '../../shared/contract';
import type { ServerMessage } from '../../shared/hub-protocol';
import { AppFailure, fieldFailure } from '../contract/failure';
import type { EncounterRepository } from './encounter-repository';
import type { Logger } from '../platform/logger';
import { callWithoutActFailure, localCallConsent, requireActConsent, requireCallConsent } from './consent-guard';
import type { StationEvents } from '../platform/station-events';

/** The signal type this station's main sends and reads; a page may not send it (see guardOutgoing). */
export const CONSENT_SIGNAL = 'relais.consent';
const Decision = z.enum(['given', 'refused']).nullable();
const ConsentSignalSchema = z.object({ type: z.literal(CONSENT_SIGNAL), recording: Decision, imageSharing: Decision });

export interface StationConsentDeps {
  encounters: Pick<EncounterRepository, 'consents' | 'ofCall' | 'get'>;
  /** Sends a call command through the station's hub link (throws when the hub is out of reach). */
  send: (command: CallCommand) => void;
  events: StationEvents;
  logger: Logger;
}

export function createStationConsent(deps: StationConsentDeps) {
  /** What the other station of each call under way said (it holds the act); forgotten at the call's end. */
  const remote = new Map<string, CallConsent>();
  /** The calls under way (accepted at the hub): the only ones a word can be sent in. */
  const live = new Set<string>();

  const stateOf = (callId: string): CallConsent =>
    localCallConsent(deps.encounters, callId) ??
    remote.get(callId) ?? {
      callId,
      source: 'none',
      encounterId: null,
      patientId: null,
      recording: null,
      imageSharing: null,
    };

  /** Tells the other station of the call what this station's act for it says. */
  function announce(callId: string): void {
    const local = localCallConsent(deps.encounters, callId);
    if (!local || !live.has(callId)) return;
    try {
      deps.send({
        type: 'signal',
        callId,
        data: { type: CONSENT_SIGNAL, recording: local.recording, imageSharing: local.imageSharing },
      });
    } catch (error) {
      // The hub is out of reach: the call is too; the word goes again when it resumes.
      deps.logger.warn('consent.announce_failed', { callId, error: String((error as Error)?.message ?? error) });
    }
  }

  const changed = (callId: string) => deps.events.emit('calls.consentChanged', { callId });

  /** Whatever the file, this station's act or the other station's word must allow recording it. */
  function requireForAttachment(meta: { kind: string; encounterId: string | null; callId: string | null }): void {
    // A document (a letter, a prior report) is no recording of the patient.
    if (meta.kind === 'document') return;
    if (meta.encounterId) requireActConsent(deps.encounters, meta.encounterId, 'recording');
    else if (meta.callId) requireCallConsent(stateOf(meta.callId), 'recording');
  }

  const handlers: Pick<Handlers, 'calls.consent' | 'calls.shareImages'> = {
    'calls.consent': ({ callId }) => stateOf(callId),
    'calls.shareImages': ({ callId, patientId }) => {
      // The images are this station's: its own act for the call must be this patient's and allow it.
      const local = localCallConsent(deps.encounters, callId);
      if (!local) throw callWithoutActFailure();
      if (local.patientId !== patientId) {
        throw new AppFailure(
          'consent_required',
          'These images are of another patient than the act of this call: her consent does not cover them. ' +
            'Share only the images of the call’s patient, or link the call to the other patient’s act.',
          [{ path: 'consent', code: 'consent.other_patient' }],
        );
      }
      requireCallConsent(local, 'image_sharing');
      return { allowed: true as const };
    },
  };

  return {
    handlers,
    stateOf,
    requireForAttachment,
    /** An act changed (a consent, a link to a call): its call's screen refreshes, and the other station hears it. */
    actChanged(encounterId: string): void {
      const callId = deps.encounters.get(encounterId)?.callId;
      if (!callId) return;
      announce(callId);
      changed(callId);
    },
    /** The hub's call messages as they arrive; true when the message was this module's own (not for the page). */
    callMessage(message: ServerMessage): boolean {
      switch (message.type) {
        case 'call.accepted':
        case 'call.resumed':
          live.add(message.callId);
          announce(message.callId);
          return false;
        case 'call.ended':
          live.delete(message.callId);
          if (remote.delete(message.callId)) changed(message.callId);
          return false;
        case 'signal': {
          const word = ConsentSignalSchema.safeParse(message.data);
          if (!word.success) return false;
          // SECURITY: the hub relays signals only between the two members of a call it authenticated:
          // this word is the other station's, about the act it holds for this very call.
          const { recording, imageSharing } = word.data;
          remote.set(message.callId, {
            callId: message.callId,
            source: 'remote',
            encounterId: null,
            patientId: null,
            recording,
            imageSharing,
          });
          deps.logger.info('consent.remote', { callId: message.callId, from: message.from, recording, imageSharing });
          changed(message.callId);
          return true;
        }
        default:
          return false;
      }
    },
    /** The page's own call commands: the consent word is main's alone. */
    guardOutgoing(command: CallCommand): void {
      // SECURITY: a page cannot speak for the patient's consent to the other station; only main, from the act.
      if (command.type === 'signal' && (command.data as { type?: unknown }).type === CONSENT_SIGNAL) {
        throw fieldFailure('data.type', 'consent.signal_reserved');
      }
    },
  };
}
export type StationConsent = ReturnType<typeof createStationConsent>;
