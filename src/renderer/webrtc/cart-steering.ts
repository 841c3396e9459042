// The cart's side of remote steering: each steering message from the data channel is parsed and
// decided here (session's expert only, while granted, never stale), then passed to the station as
// it came, marked remote with its call: a command to `camera.command`, a click to `camera.center`
// (main works out the target with the attached camera's optics). The station checks its own
// grant; the driver keeps no backlog; the expert is told what became of it.
import type { RelaisApi } from '../../shared/contract';
import {
  afterDecision,
  decideRemote,
  type RemoteControlState,
  type RemoteMessage,
} from '../../shared/devices/remote-control';

export interface CartSteering {
  /** Decides on a raw steering message; true when it was passed on to the station. */
  handle(raw: unknown): boolean;
  setGranted(granted: boolean): void;
  granted(): boolean;
}

export function createCartSteering(
  api: RelaisApi,
  callId: string,
  expertPeerId: string | null,
  reply: (message: RemoteMessage) => void,
): CartSteering {
  let state: RemoteControlState = { expertPeerId, granted: false, lastSeq: 0 };
  // Marked remote: the station obeys it only while it holds a grant for this call.
  const origin = { kind: 'remote' as const, callId };
  return {
    handle(raw) {
      const decision = decideRemote(state, expertPeerId ?? '', raw);
      if (!decision.obey) {
        // A move older than one obeyed (overtaken on the unordered steering channel) is dropped
        // without an answer: the expert's page counts it answered with the newer one.
        if (decision.seq !== undefined && decision.reason !== 'stale')
          reply({ type: 'camera.result', seq: decision.seq, outcome: 'refused', reason: decision.reason });
        return false;
      }
      state = afterDecision(state, decision);
      const { message } = decision;
      const sent =
        message.type === 'camera'
          ? api.invoke('camera.command', { command: message.command, origin })
          : api.invoke('camera.center', { x: message.x, y: message.y, origin });
      void sent.then((result) => {
        if (result.ok) return reply({ type: 'camera.result', seq: message.seq, outcome: 'done' });
        // The station refused it: its grant ended before the page heard (the call, the hub lost).
        if (result.error.code === 'control_not_granted') {
          return reply({ type: 'camera.result', seq: message.seq, outcome: 'refused', reason: 'not_granted' });
        }
        reply({ type: 'camera.result', seq: message.seq, outcome: 'failed', reason: result.error.code });
      });
      return true;
    },
    setGranted(granted) {
      state = { ...state, granted };
    },
    granted: () => state.granted,
  };
}
