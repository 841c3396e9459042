// The calls' contract handlers: the hub's state, the page's call commands (each checked first by
// the features that guard what leaves in a call: the patient's consent, the steering grant), the
// ICE servers, the chat and the call journal.
import type { Handlers } from '../../shared/contract';
import type { CallCommand } from '../../shared/calls/calls';
import type { createCallService } from './call-service';

/** The acts a call is placed from (the acts feature): the call's reason, and the act told of its call at the ring. */
export interface ActsOfCalls {
  /** The act's reason; throws when the act is unknown or closed. */
  reasonForCall(encounterId: string): string;
  bindRingingCall(encounterId: string, callId: string): void;
}

export interface CallsHandlersDeps {
  calls: ReturnType<typeof createCallService>;
  acts: () => ActsOfCalls;
  onBindFailed: (encounterId: string, callId: string, error: unknown) => void;
  /** Asked in order before a command leaves; each throws to refuse it. */
  outgoingGuards: ((command: CallCommand) => void)[];
}

export const callsHandlers = ({ calls, acts, onBindFailed, outgoingGuards }: CallsHandlersDeps): Partial<Handlers> => ({
  'calls.hub': () => calls.state(),
  'calls.send': (command) => {
    for (const guard of outgoingGuards) guard(command);
    return calls.send(command);
  },
  'calls.ringForAct': ({ encounterId, to, urgent }) => {
    // SECURITY: the reason that leaves for the hub is the act's own, read here (not one the page
    // writes), and the ring passes the same guards as any other call command.
    const reason = acts().reasonForCall(encounterId).slice(0, 500);
    const command = { type: 'call.ring' as const, to, reason, ...(urgent ? { urgent } : {}) };
    for (const guard of outgoingGuards) guard(command);
    return calls.ringBound(command, (callId) => {
      // The act may have been closed between the ring and the hub's answer: the call goes on, unbound.
      try {
        acts().bindRingingCall(encounterId, callId);
      } catch (error) {
        onBindFailed(encounterId, callId, error);
      }
    });
  },
  'calls.ice': () => calls.iceConfig(),
  'calls.chat': (entry) => calls.saveChat(entry),
  'calls.history': ({ limit }) => calls.history(limit),
});
