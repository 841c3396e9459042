// The calls' contract handlers: the hub's state, the page's call commands (each checked first by
// the features that guard what leaves in a call: the patient's consent, the steering grant), the
// ICE servers, the chat and the call journal.
import type { Handlers } from '../../shared/contract';
import type { CallCommand } from '../../shared/calls/calls';
import type { createCallService } from './call-service';

export interface CallsHandlersDeps {
  calls: ReturnType<typeof createCallService>;
  /** Asked in order before a command leaves; each throws to refuse it. */
  outgoingGuards: ((command: CallCommand) => void)[];
}

export const callsHandlers = ({ calls, outgoingGuards }: CallsHandlersDeps): Partial<Handlers> => ({
  'calls.hub': () => calls.state(),
  'calls.send': (command) => {
    for (const guard of outgoingGuards) guard(command);
    return calls.send(command);
  },
  'calls.ice': () => calls.iceConfig(),
  'calls.chat': (entry) => calls.saveChat(entry),
  'calls.history': ({ limit }) => calls.history(limit),
});
