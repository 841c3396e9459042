// The cart's side of remote steering: each steering message from the data channel is decided
// (session's expert only, while granted, never stale), then sent to the station's camera through
// the contract marked remote with its call (the station checks its own grant; the driver keeps
// no backlog), and the expert is told what became of it.
import { centerTarget, VISCA_EVI_D70_OPTICS } from '../../shared/click-to-center';
import type { RelaisApi } from '../../shared/contract';
import { afterDecision, decideRemote, type RemoteControlState, type RemoteMessage } from '../../shared/remote-control';

export interface CartSteering {
  handle(raw: unknown): void;
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
        if (decision.seq !== undefined) reply({ type: 'camera.result', seq: decision.seq, outcome: 'refused', reason: decision.reason });
        return;
      }
      state = afterDecision(state, decision);
      const { seq, steering } = decision;
      const run = async () => {
        if (steering.kind === 'command') return api.invoke('camera.command', { command: steering.command, origin });
        const position = await api.invoke('camera.position', {});
        if (!position.ok) return position;
        if (!position.value) return { ok: false as const, error: { code: 'device_refused' as const, message: 'The camera does not report its position.' } };
        const target = centerTarget(VISCA_EVI_D70_OPTICS, position.value, steering.x, steering.y);
        return api.invoke('camera.command', { command: { type: 'move_to', ...target, speed: 0.8 }, origin });
      };
      void run().then((result) => {
        if (result.ok) return reply({ type: 'camera.result', seq, outcome: 'done' });
        // The station refused it: its grant ended before the page heard (the call, the hub lost).
        if (result.error.code === 'control_not_granted') {
          return reply({ type: 'camera.result', seq, outcome: 'refused', reason: 'not_granted' });
        }
        reply({ type: 'camera.result', seq, outcome: 'failed', reason: result.error.code });
      });
    },
    setGranted(granted) {
      state = { ...state, granted };
    },
    granted: () => state.granted,
  };
}
