// The call screen's own controls on this side: mute the microphone, turn the camera off (the
// room's tracks are disabled, not stopped, so they come back at once), and which picture is large.
import { updateCall, useCalls } from '../../webrtc/call-store';

const current = () => useCalls.getState().call;

export function toggleMic(): void {
  const call = current();
  if (!call) return;
  const muted = !call.micMuted;
  for (const l of call.local.filter((l) => l.kind === 'room'))
    for (const t of l.stream.getAudioTracks()) t.enabled = !muted;
  updateCall(call.callId, { micMuted: muted });
}

export function toggleCamera(): void {
  const call = current();
  if (!call) return;
  const off = !call.cameraOff;
  for (const l of call.local.filter((l) => l.kind === 'room'))
    for (const t of l.stream.getVideoTracks()) t.enabled = !off;
  updateCall(call.callId, { cameraOff: off });
}

export const showLarge = (streamId: string) => {
  const call = current();
  if (call) updateCall(call.callId, { largeStreamId: streamId });
};

/** Ends the call from this side (hang up, cancel, decline): marked first, so that the end screen
 * says "you hung up" here while the other side reads that this side did. */
export function endHere(end: () => Promise<void>): Promise<void> {
  const call = current();
  if (call) updateCall(call.callId, { endedHere: true });
  return end();
}
