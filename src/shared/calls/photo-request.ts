// A photo the expert asks of the cart during a call: which camera (the room camera or the
// dermatoscope), and the cart's answer: the photo taken and filed, with its copy following on the
// call's bulk channel in parts, or why there is none. Parsed from the remote peer: strict and bounded.
import { z } from 'zod';
import { cutIntoParts, partBodyFits, unframePart } from '../bulk-parts';

/** The cart's video tracks as its media manifest names them: the room camera, a device camera. */
export const PhotoCameraSchema = z.enum(['room', 'device']);
export type PhotoCamera = z.infer<typeof PhotoCameraSchema>;

/** A PNG of a 4K RGBA frame is under 48 MiB; a copy announced larger is refused before any allocation. */
export const MAX_PHOTO_BYTES = 48 * 1024 * 1024;
/** 64 KiB: below every browser's data-channel message limit (as the shared imaging's parts). */
export const PHOTO_PART_BYTES = 64 * 1024;
const MAX_SIDE = 16_384;
const MAX_HEADER_BYTES = 512;

const requestId = z.uuid();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** Why the cart took no photo: no such camera plugged in, a camera with no picture, the station
 * refused to keep it (no consent to record, disk full: `detail` says which), another one under way. */
export const PhotoRefusalSchema = z.enum(['no_camera', 'no_picture', 'not_kept', 'busy']);
export type PhotoRefusal = z.infer<typeof PhotoRefusalSchema>;

/** The photo messages (added to the call's data-channel messages). */
export const PhotoMessageSchemas = [
  /** Expert -> cart: take a photo with this camera at its full resolution. */
  z.strictObject({ type: z.literal('photo.request'), requestId, camera: PhotoCameraSchema }),
  /** Cart -> expert: the photo is taken and filed; its PNG follows on the bulk channel. */
  z.strictObject({
    type: z.literal('photo.taken'),
    requestId,
    camera: PhotoCameraSchema,
    width: z.number().int().min(1).max(MAX_SIDE),
    height: z.number().int().min(1).max(MAX_SIDE),
    device: z.string().max(200),
    takenAt: z.iso.datetime({ offset: true }),
    /** Filed in the call's act, or in the call's journal when the call has no act. */
    filedIn: z.enum(['act', 'call']),
    bytes: z.number().int().min(1).max(MAX_PHOTO_BYTES),
    sha256,
  }),
  /** Cart -> expert: no photo, and why. */
  z.strictObject({
    type: z.literal('photo.refused'),
    requestId,
    camera: PhotoCameraSchema,
    reason: PhotoRefusalSchema,
    detail: z.string().max(300).optional(),
  }),
] as const;

const PhotoPartHeaderSchema = z.strictObject({
  photo: requestId,
  part: z.number().int().min(0).max(1024),
  parts: z.number().int().min(1).max(1024),
  bytes: z.number().int().min(1).max(MAX_PHOTO_BYTES),
});
type PhotoPartHeader = z.infer<typeof PhotoPartHeaderSchema>;

/** Cuts a photo's PNG into bulk-channel parts (bulk-parts.ts). */
export function photoParts(photo: string, png: Uint8Array): Uint8Array[] {
  return cutIntoParts(png, PHOTO_PART_BYTES, (part, parts) => ({ photo, part, parts, bytes: png.length }));
}

/** Reads one part of a photo; null for anything else (a shared image's part, garbage). */
export function readPhotoPart(message: Uint8Array): { header: PhotoPartHeader; body: Uint8Array } | null {
  const framed = unframePart(message, MAX_HEADER_BYTES);
  if (!framed) return null;
  const parsed = PhotoPartHeaderSchema.safeParse(framed.json);
  if (!parsed.success || !partBodyFits(parsed.data, framed.body, PHOTO_PART_BYTES)) return null;
  return { header: parsed.data, body: framed.body };
}

/**
 * Puts one announced photo back together: only parts of that photo, of the announced size, are
 * taken; the whole is handed over once every part is in. Its SHA-256 is checked by the caller.
 */
export function createPhotoAssembler(photo: string, bytes: number) {
  const buffer = new Uint8Array(bytes);
  const received = new Set<number>();
  return {
    add(message: Uint8Array): Uint8Array | null {
      const read = readPhotoPart(message);
      if (!read || read.header.photo !== photo || read.header.bytes !== bytes) return null;
      buffer.set(read.body, read.header.part * PHOTO_PART_BYTES);
      received.add(read.header.part);
      return received.size === read.header.parts ? buffer : null;
    },
  };
}
