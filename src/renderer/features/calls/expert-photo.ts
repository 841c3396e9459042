// Expert: she asks the cart for a photo with one of its cameras, and sees the answer: the photo
// (its full copy put back together from the bulk channel, checked against its SHA-256) or why
// there is none ("pas de dermatoscope branché"). One request at a time; the newest answer shown.
import { create } from 'zustand';
import {
  createPhotoAssembler,
  readPhotoPart,
  type PhotoCamera,
  type PhotoRefusal,
} from '../../../shared/calls/photo-request';
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import type { PhotoLink } from './cart-photo';

type Taken = Extract<RemoteMessage, { type: 'photo.taken' }>;

export type PhotoAnswer =
  | { kind: 'taken'; photo: Omit<Taken, 'type'>; url: string | null }
  | { kind: 'refused'; camera: PhotoCamera; reason: PhotoRefusal; detail: string | null }
  /** The cart said nothing in time (a cart of an older version, a link lost meanwhile). */
  | { kind: 'unanswered' };

/** A photo is taken, filed and announced within seconds; past this the button works again. */
const ANSWER_WITHIN_MS = 30_000;

interface ExpertPhotoState {
  asked: { requestId: string; camera: PhotoCamera } | null;
  answer: PhotoAnswer | null;
}

export const useExpertPhoto = create<ExpertPhotoState>(() => ({ asked: null, answer: null }));

let link: PhotoLink | null = null;
let assembling: { requestId: string; sha256: string; add(part: Uint8Array): Uint8Array | null } | null = null;
/** Parts may overtake their announcement (two channels, no order between them): held, bounded. */
let early: Uint8Array[] = [];
let earlyBytes = 0;
const MAX_EARLY_BYTES = 50 * 1024 * 1024;

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

export function photoLinkOpened(access: PhotoLink): void {
  link = access;
}

export function photoCallEnded(): void {
  link = null;
  assembling = null;
  early = [];
  earlyBytes = 0;
  const { answer } = useExpertPhoto.getState();
  if (answer?.kind === 'taken' && answer.url) URL.revokeObjectURL(answer.url);
  useExpertPhoto.setState({ asked: null, answer: null });
}

/** The Photo button: false when the call's link is down (nothing was asked). */
export function askPhoto(camera: PhotoCamera): boolean {
  const requestId = crypto.randomUUID();
  if (!link?.send({ type: 'photo.request', requestId, camera })) return false;
  useExpertPhoto.setState({ asked: { requestId, camera } });
  setTimeout(() => {
    if (useExpertPhoto.getState().asked?.requestId === requestId)
      useExpertPhoto.setState({ asked: null, answer: { kind: 'unanswered' } });
  }, ANSWER_WITHIN_MS);
  return true;
}

async function shown(requestId: string, sha256: string, png: Uint8Array): Promise<void> {
  const actual = hex(await crypto.subtle.digest('SHA-256', png as Uint8Array<ArrayBuffer>));
  const { answer } = useExpertPhoto.getState();
  if (answer?.kind !== 'taken' || answer.photo.requestId !== requestId || actual !== sha256) return;
  const url = URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }));
  useExpertPhoto.setState({ answer: { ...answer, url } });
}

export function onPhotoMessage(message: Extract<RemoteMessage, { type: `photo.${string}` }>): void {
  if (message.type === 'photo.request') return;
  const asked = useExpertPhoto.getState().asked;
  // SECURITY: only the answer to her own pending request is shown; anything else is dropped.
  if (!asked || asked.requestId !== message.requestId) return;
  if (message.type === 'photo.refused') {
    const { camera, reason } = message;
    return useExpertPhoto.setState({
      asked: null,
      answer: { kind: 'refused', camera, reason, detail: message.detail ?? null },
    });
  }
  const { type: _type, ...photo } = message;
  const assembler = createPhotoAssembler(photo.requestId, photo.bytes);
  assembling = { requestId: photo.requestId, sha256: photo.sha256, add: assembler.add };
  useExpertPhoto.setState({ asked: null, answer: { kind: 'taken', photo, url: null } });
  const held = early;
  early = [];
  earlyBytes = 0;
  for (const part of held) onPhotoBulk(part);
}

/** A message of the bulk channel: true when it is a photo's part (taken here), false for anything else. */
export function onPhotoBulk(message: Uint8Array): boolean {
  const read = readPhotoPart(message);
  if (!read) return false;
  if (assembling?.requestId === read.header.photo) {
    const png = assembling.add(message);
    if (png) {
      const { requestId, sha256 } = assembling;
      assembling = null;
      void shown(requestId, sha256, png);
    }
  } else if (
    useExpertPhoto.getState().asked?.requestId === read.header.photo &&
    earlyBytes + message.length <= MAX_EARLY_BYTES
  ) {
    early.push(message);
    earlyBytes += message.length;
  }
  return true;
}
