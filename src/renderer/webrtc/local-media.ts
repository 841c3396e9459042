// The station's own media for a call: the room camera with the microphone (voice processing on,
// it is a conversation), and on demand a second camera (dermatoscope, otoscope) or the
// stethoscope (processing off, checked). A missing camera never stops the call: it goes on with
// what there is, and says so.
import type { MediaKind } from '../../shared/devices/remote-control';
import { processingProblems, stethoscopeConstraints } from './stethoscope-audio';
import { isRealDeviceLabel } from '../ui/media-labels';

export interface LocalStream {
  stream: MediaStream;
  kind: MediaKind;
  label: string;
}

export async function openRoomMedia(): Promise<{ media: LocalStream | null; problem: string | null }> {
  const attempts: MediaStreamConstraints[] = [
    {
      video: { width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: { echoCancellation: true, noiseSuppression: true },
    },
    { video: false, audio: true },
  ];
  let problem: string | null = null;
  for (const constraints of attempts) {
    try {
      const stream = await navigator.mediaDevices.getUserMedia(constraints);
      // The browser's label only when it is a name ("fake_device_0" is not): empty, the screens say "Salle".
      const raw = stream.getVideoTracks()[0]?.label || stream.getAudioTracks()[0]?.label || '';
      const label = isRealDeviceLabel(raw) ? raw : '';
      return { media: { stream, kind: 'room', label }, problem };
    } catch (error) {
      problem = (error as Error).name || 'NotReadableError';
    }
  }
  return { media: null, problem };
}

export async function listInputs(kind: 'videoinput' | 'audioinput'): Promise<MediaDeviceInfo[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === kind);
}

export async function openDeviceCamera(deviceId: string, label: string): Promise<LocalStream> {
  // Full resolution: a dermatoscope's detail is the point.
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { deviceId: { exact: deviceId }, width: { ideal: 1920 }, height: { ideal: 1080 } },
    audio: false,
  });
  return { stream, kind: 'device', label };
}

/** The stethoscope's track, and what processing the browser left on despite the constraints. */
export async function openStethoscope(
  deviceId: string | undefined,
  label: string,
): Promise<{ media: LocalStream; problems: string[] }> {
  const stream = await navigator.mediaDevices.getUserMedia(stethoscopeConstraints(deviceId));
  const track = stream.getAudioTracks()[0];
  const problems = track ? processingProblems(track.getSettings()) : ['no audio track'];
  return { media: { stream, kind: 'stethoscope', label }, problems };
}

export function stopAll(streams: readonly LocalStream[]): void {
  for (const { stream } of streams) for (const track of stream.getTracks()) track.stop();
}
