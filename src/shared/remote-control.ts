// Remote camera steering, decided on the cart: a command from the data channel is obeyed only if
// it comes from the session's expert, while the nurse grants control, and is not older than one
// already obeyed (data-channel messages can arrive late after a reconnection). Pure.
import { z } from 'zod';
import { CameraCommandSchema, type CameraCommand } from './devices';

export const RemoteMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('camera'), seq: z.number().int().nonnegative(), command: CameraCommandSchema }),
  z.strictObject({ type: z.literal('chat'), id: z.string().min(1).max(100), text: z.string().min(1).max(2000), at: z.string() }),
]);
export type RemoteMessage = z.infer<typeof RemoteMessageSchema>;

export interface RemoteControlState {
  expertPeerId: string | null; // the session's expert, from the hub's accepted call
  granted: boolean; // the nurse's grant, revocable at any time
  lastSeq: number; // the newest camera command obeyed
}

export type RemoteDecision =
  | { obey: true; command: CameraCommand; seq: number }
  | { obey: false; reason: 'invalid' | 'not_expert' | 'not_granted' | 'stale' | 'not_camera' };

/** Whether to obey a data-channel message from `senderPeerId`. Stop is always obeyed from the
 * expert even without a grant: stopping a camera can never hurt. */
export function decideRemote(state: RemoteControlState, senderPeerId: string, raw: unknown): RemoteDecision {
  const parsed = RemoteMessageSchema.safeParse(raw);
  if (!parsed.success) return { obey: false, reason: 'invalid' };
  const message = parsed.data;
  if (message.type !== 'camera') return { obey: false, reason: 'not_camera' };
  if (!state.expertPeerId || senderPeerId !== state.expertPeerId) return { obey: false, reason: 'not_expert' };
  if (!state.granted && message.command.type !== 'stop') return { obey: false, reason: 'not_granted' };
  if (message.seq <= state.lastSeq && message.command.type !== 'stop') return { obey: false, reason: 'stale' };
  return { obey: true, command: message.command, seq: message.seq };
}

export function afterDecision(state: RemoteControlState, decision: RemoteDecision): RemoteControlState {
  return decision.obey ? { ...state, lastSeq: Math.max(state.lastSeq, decision.seq) } : state;
}
