// The photo messages of a call (issue 21, point 3) are parsed from the remote peer: anything not
// exactly a request, a photo taken or a refusal, within bounds, is refused; the copy's parts read back.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createPhotoAssembler,
  MAX_PHOTO_BYTES,
  PHOTO_PART_BYTES,
  PhotoMessageSchemas,
  photoParts,
  readPhotoPart,
} from '../../../src/shared/calls/photo-request';
import { RemoteMessageSchema } from '../../../src/shared/devices/remote-control';
import { frameParts } from '../../../src/shared/imaging/imaging-share';

const Photo = z.discriminatedUnion('type', [...PhotoMessageSchemas]);
const requestId = '6f1c2a52-4b7e-4d8e-9a3b-2f6a1c0e9d11';
const taken = {
  type: 'photo.taken',
  requestId,
  camera: 'device',
  width: 1280,
  height: 720,
  device: 'Dermatoscope USB',
  takenAt: '2026-12-07T06:00:00.000Z',
  filedIn: 'act',
  bytes: 123_456,
  sha256: 'a'.repeat(64),
};

describe('photo messages', () => {
  it('accepts a request, a photo taken and a refusal, and the call channel knows them', () => {
    for (const message of [
      { type: 'photo.request', requestId, camera: 'room' },
      taken,
      { type: 'photo.refused', requestId, camera: 'device', reason: 'no_camera' },
      { type: 'photo.refused', requestId, camera: 'room', reason: 'not_kept', detail: 'consent_required' },
    ]) {
      expect(Photo.safeParse(message).success).toBe(true);
      expect(RemoteMessageSchema.safeParse(message).success).toBe(true);
    }
  });

  it.each<[string, unknown]>([
    ['a camera that is not one of the cart’s tracks', { type: 'photo.request', requestId, camera: 'stethoscope' }],
    ['a request id that is not a UUID', { type: 'photo.request', requestId: '../../etc', camera: 'room' }],
    ['an extra field (a name sent by the page)', { type: 'photo.request', requestId, camera: 'room', by: 'Dr X' }],
    ['a copy larger than any PNG of a 4K frame', { ...taken, bytes: MAX_PHOTO_BYTES + 1 }],
    ['a width of zero', { ...taken, width: 0 }],
    ['a fractional height', { ...taken, height: 720.5 }],
    ['a device name of a megabyte', { ...taken, device: 'x'.repeat(1_000_000) }],
    ['a hash that is not SHA-256 hex', { ...taken, sha256: 'A'.repeat(64) }],
    ['a date that is not a date', { ...taken, takenAt: 'yesterday' }],
    ['a refusal of an unknown kind', { type: 'photo.refused', requestId, camera: 'room', reason: 'because' }],
    [
      'a refusal with a long detail',
      { type: 'photo.refused', requestId, camera: 'room', reason: 'not_kept', detail: 'x'.repeat(301) },
    ],
    ['null', null],
    ['a string', 'photo.request'],
  ])('refuses %s', (_name, message) => {
    expect(Photo.safeParse(message).success).toBe(false);
    expect(RemoteMessageSchema.safeParse(message).success).toBe(false);
  });
});

describe('a photo’s copy on the bulk channel', () => {
  const png = Uint8Array.from({ length: PHOTO_PART_BYTES * 2 + 17 }, (_, i) => i % 251);

  it('cuts it in parts and puts it back together, whatever their order', () => {
    const parts = photoParts(requestId, png);
    expect(parts).toHaveLength(3);
    const assembler = createPhotoAssembler(requestId, png.length);
    expect(assembler.add(parts[2]!)).toBeNull();
    expect(assembler.add(parts[0]!)).toBeNull();
    expect(assembler.add(parts[1]!)).toEqual(png);
  });

  it('refuses a shared image’s part, another photo’s part, a lying size and garbage', () => {
    const imaging = frameParts({ shareId: 's1', index: 0, deflated: false }, png.subarray(0, 100))[0]!;
    expect(readPhotoPart(imaging)).toBeNull();
    expect(readPhotoPart(Uint8Array.of(1, 2, 3))).toBeNull();
    expect(readPhotoPart(Uint8Array.of(255, 255, 255, 255, 0))).toBeNull();
    const part = photoParts(requestId, png.subarray(0, 100))[0]!;
    expect(readPhotoPart(part.subarray(0, part.length - 1))).toBeNull();
    const other = photoParts('00000000-0000-4000-8000-000000000000', png.subarray(0, 100))[0]!;
    expect(createPhotoAssembler(requestId, 100).add(other)).toBeNull();
    expect(createPhotoAssembler(requestId, 101).add(part)).toBeNull();
    expect(createPhotoAssembler(requestId, 100).add(part)).toEqual(png.subarray(0, 100));
  });
});
