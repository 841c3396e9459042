// Which colours a three-component baseline JPEG holds, YCbCr or RGB, decided as the standards
// say and told to libjpeg in the stream itself. The stream's own markers come first: a JFIF APP0
// segment means YCbCr (ITU-T T.871), an Adobe APP14 segment gives its transform flag (ITU-T
// T.872: 0 RGB, 1 YCbCr), and libjpeg reads both (jdapimin.c, default_decompress_parms). A
// stream with neither is what the header's Photometric Interpretation says (DICOM PS3.5 8.2.1:
// RGB when no colour transformation was applied, YBR_FULL_422 for YCbCr), where libjpeg alone
// would guess from the component ids and turn an RGB near-white page magenta. The price of
// following the header there: a YCbCr stream mislabelled RGB with no marker (older GDCM lossy
// output, pydicom's SC_rgb_jpeg_lossy_gdcm.dcm) shows unconverted, as dcmtk's dcmdjpeg shows it by default.
const SOI = 0xd8;
const SOS = 0xda;
const APP0 = 0xe0;
const APP14 = 0xee;

export type JpegColours = 'ycbcr' | 'rgb';

/** What the stream says of its colours before its scan: a JFIF segment, an Adobe transform flag. */
export function colourMarkers(stream: Uint8Array): { jfif: boolean; adobeTransform: number | null } {
  const found = { jfif: false, adobeTransform: null as number | null };
  if (stream[0] !== 0xff || stream[1] !== SOI) return found;
  let at = 2;
  while (at + 4 <= stream.length) {
    if (stream[at] !== 0xff) break;
    const marker = stream[at + 1]!;
    // Fill bytes (0xff) may pad between segments (ITU-T T.81, B.1.1.2).
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === SOS) break;
    const length = (stream[at + 2]! << 8) | stream[at + 3]!;
    const body = stream.subarray(at + 4, at + 2 + length);
    if (marker === APP0 && ascii(body, 5) === 'JFIF\0') found.jfif = true;
    if (marker === APP14 && ascii(body, 5) === 'Adobe' && body.length >= 12) found.adobeTransform = body[11]!;
    at += 2 + length;
  }
  return found;
}

const ascii = (bytes: Uint8Array, length: number) => String.fromCharCode(...bytes.subarray(0, length));

/** The colours of the stream: its markers, else the header's Photometric Interpretation; null when neither tells. */
export function jpegColours(stream: Uint8Array, photometric: string): JpegColours | null {
  const { jfif, adobeTransform } = colourMarkers(stream);
  if (jfif) return 'ycbcr';
  if (adobeTransform !== null) return adobeTransform === 0 ? 'rgb' : 'ycbcr';
  if (photometric === 'RGB') return 'rgb';
  if (photometric.startsWith('YBR_')) return 'ycbcr';
  return null;
}

/**
 * The stream as libjpeg must read it: unchanged when its markers already say its colours (or
 * nothing does), else with an Adobe APP14 segment after its SOI carrying the header's choice, the
 * one way libjpeg's decoder is told the colour space without guessing.
 */
export function withColoursSaid(stream: Uint8Array, photometric: string): Uint8Array {
  const { jfif, adobeTransform } = colourMarkers(stream);
  const colours = jpegColours(stream, photometric);
  if (jfif || adobeTransform !== null || colours === null || stream[0] !== 0xff || stream[1] !== SOI) return stream;
  // APP14, length 14: "Adobe", version 100, flags0 0, flags1 0, transform (0 RGB, 1 YCbCr).
  const adobe = [0xff, APP14, 0, 14, 0x41, 0x64, 0x6f, 0x62, 0x65, 0, 100, 0, 0, 0, 0, colours === 'rgb' ? 0 : 1];
  const out = new Uint8Array(stream.length + adobe.length);
  out.set(stream.subarray(0, 2), 0);
  out.set(adobe, 2);
  out.set(stream.subarray(2), 2 + adobe.length);
  return out;
}
