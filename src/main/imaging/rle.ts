// DICOM RLE Lossless (PS3.5 annex G): a frame is up to 15 PackBits segments, one per byte of
// each sample, most significant byte first. Decoded here into the native layout the rest of the
// reader knows: little-endian samples, one colour plane after the other (planar configuration 1).
// The input is untrusted: lying offsets, short segments and runs past the end are all refused.

export class RleError extends Error {}

const HEADER_BYTES = 64;

function readHeader(frame: Uint8Array): number[] {
  if (frame.length < HEADER_BYTES) throw new RleError('The RLE frame is shorter than its header.');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const count = view.getUint32(0, true);
  if (count < 1 || count > 15) throw new RleError(`The RLE header announces ${count} segments (1 to 15 allowed).`);
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(view.getUint32(4 + i * 4, true));
  for (let i = 0; i < count; i++) {
    const end = i + 1 < count ? offsets[i + 1]! : frame.length;
    if (offsets[i]! < HEADER_BYTES || offsets[i]! > end || end > frame.length)
      throw new RleError(`RLE segment ${i + 1} lies outside the frame.`);
  }
  return offsets;
}

/** Unpacks one PackBits segment into exactly `length` bytes (a segment may pad one byte). */
function unpackSegment(
  source: Uint8Array,
  target: Uint8Array,
  targetOffset: number,
  stride: number,
  length: number,
): void {
  let read = 0;
  let written = 0;
  while (written < length && read < source.length) {
    const header = source[read++]!;
    if (header < 128) {
      // A literal run of header + 1 bytes.
      const n = header + 1;
      if (read + n > source.length || written + n > length)
        throw new RleError('An RLE literal run goes past the end of its segment.');
      for (let k = 0; k < n; k++) target[targetOffset + (written + k) * stride] = source[read + k]!;
      read += n;
      written += n;
    } else if (header > 128) {
      // One byte repeated 257 - header times.
      const n = 257 - header;
      if (read >= source.length || written + n > length)
        throw new RleError('An RLE repeat run goes past the end of its segment.');
      const value = source[read++]!;
      for (let k = 0; k < n; k++) target[targetOffset + (written + k) * stride] = value;
      written += n;
    }
    // 128 is a no-op by the standard.
  }
  if (written !== length) throw new RleError(`An RLE segment holds ${written} bytes where ${length} are expected.`);
}

/**
 * Decodes one RLE frame of `pixels` pixels, `samples` samples of `bytesPerSample` bytes each.
 * Returns little-endian samples, plane after plane.
 */
export function decodeRle(frame: Uint8Array, pixels: number, samples: number, bytesPerSample: number): Uint8Array {
  const offsets = readHeader(frame);
  if (offsets.length !== samples * bytesPerSample)
    throw new RleError(`The RLE frame has ${offsets.length} segments where ${samples * bytesPerSample} are expected.`);
  const out = new Uint8Array(pixels * samples * bytesPerSample);
  for (let s = 0; s < samples; s++) {
    for (let b = 0; b < bytesPerSample; b++) {
      const index = s * bytesPerSample + b;
      const end = index + 1 < offsets.length ? offsets[index + 1]! : frame.length;
      // Segment b holds the most significant byte first; little-endian puts it last.
      const byteInSample = bytesPerSample - 1 - b;
      unpackSegment(
        frame.subarray(offsets[index]!, end),
        out,
        s * pixels * bytesPerSample + byteInSample,
        bytesPerSample,
        pixels,
      );
    }
  }
  return out;
}
