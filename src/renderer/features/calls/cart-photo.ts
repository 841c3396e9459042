// Cart: a photo the expert asks for. The chosen camera's local track is captured at its own full
// resolution (snapshot.ts: the track's frame size, not the size it is shown or sent at), the PNG
// is filed in the call's act (else in the call's journal) marked as asked by her (the station
// names her from its call journal), and its full copy goes to her on the call's bulk channel.
import i18next from 'i18next';
import { photoParts, type PhotoCamera } from '../../../shared/calls/photo-request';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { relais } from '../../api';
import { currentAuthor } from '../../ui/author-store';
import { updateCall, useCalls } from '../../webrtc/call-store';
import { captureSnapshot } from '../../webrtc/snapshot';
import { uploadAttachment } from '../../webrtc/upload-attachment';
import { callActId } from './act-of-call';

export interface PhotoLink {
  send(message: RemoteMessage): boolean;
  sendBulk(bytes: Uint8Array): Promise<boolean>;
}

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** One photo at a time: a second request while one is taken is answered "busy". */
let taking = false;

/** The local stream of that camera, with a live picture; null when none is plugged in. */
function localCamera(camera: PhotoCamera) {
  const call = useCalls.getState().call;
  const media = call?.local.find((l) => l.kind === camera && l.stream.getVideoTracks()[0]?.readyState === 'live');
  return media ?? null;
}

export async function takeAskedPhoto(requestId: string, camera: PhotoCamera, link: PhotoLink): Promise<void> {
  const call = useCalls.getState().call;
  if (!call) return;
  const refuse = (reason: 'no_camera' | 'no_picture' | 'not_kept' | 'busy', detail?: string) =>
    void link.send({
      type: 'photo.refused',
      requestId,
      camera,
      reason,
      ...(detail ? { detail: detail.slice(0, 300) } : {}),
    });
  if (taking) return refuse('busy');
  const media = localCamera(camera);
  if (!media) return refuse('no_camera');
  taking = true;
  try {
    let shot: Awaited<ReturnType<typeof captureSnapshot>>;
    try {
      shot = await captureSnapshot(media.stream);
    } catch (error) {
      return refuse('no_picture', (error as Error).message);
    }
    const consent = await relais.invoke('calls.consent', { callId: call.callId });
    const actId = callActId(call, consent.ok ? consent.value : null);
    const device = (media.label || i18next.t(`photo.cameras.${camera}`)).slice(0, 200);
    const takenAt = new Date().toISOString();
    const saved = await uploadAttachment(
      relais,
      {
        ...(actId ? { encounterId: actId, callId: null } : { callId: call.callId, encounterId: null }),
        kind: 'snapshot',
        mime: 'image/png',
        bodySite: null,
        title: null,
        device,
        // Who was at the cart: the session's author, else the station's name at the hub (as call-captures.ts).
        author: currentAuthor()?.name ?? useCalls.getState().hub.you?.name ?? '?',
        takenAt,
        // SECURITY: the call only; the station names who asked from its journal (attachment-service.ts).
        askedInCall: call.callId,
      },
      shot.png,
    );
    if (!saved.ok) return refuse('not_kept', saved.error.fields?.[0]?.code ?? saved.error.code);
    updateCall(call.callId, (c) => ({ attachments: [...c.attachments, saved.value], captureError: null }));
    const sha256 = hex(await crypto.subtle.digest('SHA-256', shot.png as Uint8Array<ArrayBuffer>));
    const announced = link.send({
      type: 'photo.taken',
      requestId,
      camera,
      width: shot.width,
      height: shot.height,
      device,
      takenAt,
      filedIn: actId ? 'act' : 'call',
      bytes: shot.png.length,
      sha256,
    });
    // The whole PNG: the bulk channel waits on its buffer, so a full-resolution copy needs no reduction.
    if (announced) for (const part of photoParts(requestId, shot.png)) if (!(await link.sendBulk(part))) return;
  } finally {
    taking = false;
  }
}
