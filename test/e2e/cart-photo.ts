// A photo the expert asks of the cart (issue 21, point 3), as a test checks it: the size of the
// cart's camera track, the PNG's own size, and the file the cart's station kept (sealed at rest).
// Shared by the photo's spec and the whole act's.
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { stationFileSealer } from '../helpers/station-database';

/** The bytes of a file the station kept in its act, opened with the station's own key. */
export const keptFile = (dataDir: string, sha256: string) =>
  stationFileSealer(dataDir).read(path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256));

/** The PNG's own pixel size, from its IHDR chunk (PNG spec, 11.2.2: width and height, big-endian, at bytes 16 and 20). */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/**
 * The cart's room camera as its track gives it: a capture track has capabilities (a range of
 * widths); the expert's video received on the cart has none (and is at the size it was sent).
 */
export async function cartCameraTrackSize(cart: Page): Promise<{ width: number; height: number }> {
  const track = await cart.evaluate(() => {
    for (const video of document.querySelectorAll('video')) {
      const t = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
      const s = t?.getSettings();
      if (t?.getCapabilities().width && s?.width && s.height) return { width: s.width, height: s.height };
    }
    return null;
  });
  expect(track).not.toBeNull();
  return track!;
}
