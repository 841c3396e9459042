// What a call captures into the act's record: the stethoscope's lossless recordings, one per body
// site, and full-resolution snapshots of any video of the call. Only the page that runs the call
// (call-controller.ts tells when it starts and ends) records; a recording under way when the call
// ends is still saved.
import i18next from 'i18next';
import type { BodySite } from '../../../shared/acts/attachments';
import { relais } from '../../api';
import { startAuscultationRecording, type AuscultationRecording } from '../../webrtc/auscultation-capture';
import { captureSnapshot } from '../../webrtc/snapshot';
import { uploadAttachment } from '../../webrtc/upload-attachment';
import { errorLines } from '../../ui/error-line';
import { currentAuthor } from '../../ui/author-store';
import { updateCall, useCalls } from '../../webrtc/call-store';

/** The call this page runs, and the stethoscope recording under way in it. */
let live: { callId: string; recording: AuscultationRecording | null } | null = null;

const current = () => useCalls.getState().call;
// The session's author (signed in, or said once in "Qui êtes-vous ?"), else the station's name at the hub.
const author = () => currentAuthor()?.name ?? useCalls.getState().hub.you?.name ?? '?';

export function capturesCallStarted(callId: string): void {
  live = { callId, recording: null };
}

export function capturesCallEnded(callId: string): void {
  if (live?.callId !== callId) return;
  if (live.recording) void stopRecording();
  live = null;
}

async function save(callId: string, meta: Parameters<typeof uploadAttachment>[1], bytes: Uint8Array): Promise<void> {
  const saved = await uploadAttachment(relais, meta, bytes);
  if (saved.ok) updateCall(callId, (c) => ({ attachments: [...c.attachments, saved.value], captureError: null }));
  else updateCall(callId, { captureError: errorLines(i18next.t, saved.error).join(' ') });
}

/** Cart: starts a lossless recording of the stethoscope, for one body site. */
export async function startRecording(bodySite: BodySite): Promise<void> {
  const call = current();
  const steth = call?.local.find((l) => l.kind === 'stethoscope');
  const running = live;
  if (!call || !steth || !running || running.callId !== call.callId || running.recording) return;
  try {
    running.recording = await startAuscultationRecording(steth.stream);
    updateCall(call.callId, { recording: { bodySite, startedAt: Date.now() }, captureError: null });
  } catch (error) {
    updateCall(call.callId, { captureError: (error as Error).message });
  }
}

/** Cart: stops the recording and saves the WAV into the call's record with its body site. */
export async function stopRecording(): Promise<void> {
  const call = current();
  const recording = live?.recording;
  if (!call || !live || !recording || !call.recording) return;
  live.recording = null;
  const { bodySite } = call.recording;
  updateCall(call.callId, { recording: null });
  const { wav } = await recording.stop();
  const device = call.local.find((l) => l.kind === 'stethoscope')?.label ?? 'stethoscope';
  await save(
    call.callId,
    {
      callId: call.callId,
      kind: 'auscultation',
      mime: 'audio/wav',
      bodySite,
      device: device.slice(0, 200),
      author: author(),
      takenAt: new Date().toISOString(),
    },
    wav,
  );
}

/** A full-resolution still of any video stream of the call (local or remote), into the record. */
export async function takeSnapshot(stream: MediaStream, device: string): Promise<void> {
  const call = current();
  if (!call) return;
  try {
    const { png } = await captureSnapshot(stream);
    await save(
      call.callId,
      {
        callId: call.callId,
        kind: 'snapshot',
        mime: 'image/png',
        bodySite: null,
        device: (device || 'camera').slice(0, 200),
        author: author(),
        takenAt: new Date().toISOString(),
      },
      png,
    );
  } catch (error) {
    updateCall(call.callId, { captureError: (error as Error).message });
  }
}
