// The photos of a call, as the data-channel router hands them over: the cart takes the photo the
// expert asks for (cart-photo.ts); the expert sees the answer (expert-photo.ts).
import type { RemoteMessage } from '../../../shared/devices/remote-control';
import { takeAskedPhoto, type PhotoLink } from './cart-photo';
import { onPhotoMessage, photoCallEnded, photoLinkOpened } from './expert-photo';

export type PhotoMessage = Extract<RemoteMessage, { type: `photo.${string}` }>;

let link: PhotoLink | null = null;

export const photoOverCall = {
  /** `isCart`: this side is the cart whose remote is the call's expert (it holds the steering). */
  onMessage(message: PhotoMessage, isCart: boolean): void {
    // SECURITY: only the cart of a call with an expert takes a photo; the expert's side never does.
    if (message.type === 'photo.request') {
      if (isCart && link) void takeAskedPhoto(message.requestId, message.camera, link);
      return;
    }
    if (!isCart) onPhotoMessage(message);
  },
  linkOpened(access: PhotoLink): void {
    link = access;
    photoLinkOpened(access);
  },
  callEnded(): void {
    link = null;
    photoCallEnded();
  },
};
