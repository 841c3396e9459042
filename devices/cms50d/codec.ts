// Contec CMS50D+ pulse oximeter: live-data frames of both firmware generations, decoded from a
// byte stream in any chunking. Never throws; garbage is skipped up to the next valid frame.
//   legacy: 19200 8O1, 5-byte frames, byte 0 has bit 7 set and the others not.
//   v2:     115200 8N1, 9-byte frames starting 01, later bytes with bit 7 set (value & 7F);
//           it streams only after a start command and while it gets keep-alives.

export type Generation = 'legacy' | 'v2';

export interface Cms50dSample {
  spo2: number | null; // % ; null when the device has no valid value
  pulseRate: number | null; // beats per minute
  pleth: number; // 0-127
  fingerOut: boolean;
  probeError: boolean;
  searching: boolean;
  signalStrength?: number; // 0-15, legacy only
  beep?: boolean; // legacy: a beat
}

export const SERIAL_SETTINGS = {
  legacy: { baudRate: 19200, dataBits: 8, parity: 'odd', stopBits: 1 },
  v2: { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1 },
} as const;

const command = (code: number) => Uint8Array.of(0x7d, 0x81, code, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80);
export const V2_START = command(0xa1);
export const V2_STOP = command(0xa2);
export const V2_KEEP_ALIVE = command(0xaf);

const LEGACY_INVALID_SPO2 = 0x7f;
const LEGACY_INVALID_PULSE = 0xff;

function decodeLegacy(f: readonly number[]): Cms50dSample {
  const pulse = ((f[2]! & 0x40) << 1) | (f[3]! & 0x7f);
  const spo2 = f[4]! & 0x7f;
  const fingerOut = (f[0]! & 0x10) !== 0;
  return {
    spo2: fingerOut || spo2 === LEGACY_INVALID_SPO2 || spo2 === 0 ? null : spo2,
    pulseRate: fingerOut || pulse === LEGACY_INVALID_PULSE || pulse === 0 ? null : pulse,
    pleth: f[1]! & 0x7f,
    fingerOut,
    probeError: (f[2]! & 0x10) !== 0,
    searching: (f[2]! & 0x20) !== 0,
    signalStrength: f[0]! & 0x0f,
    beep: (f[0]! & 0x40) !== 0,
  };
}

function decodeV2(f: readonly number[]): Cms50dSample {
  const status = f[1]! & 0x7f; // E0 valid, E1 waveform only, E2 no data
  const spo2 = f[6]! & 0x7f;
  const pulse = f[5]! & 0x7f;
  const valid = status === 0x60;
  return {
    spo2: valid && spo2 > 0 && spo2 !== 0x7f ? spo2 : null,
    pulseRate: valid && pulse > 0 && pulse !== 0x7f ? pulse : null,
    pleth: f[3]! & 0x7f,
    fingerOut: status === 0x62,
    probeError: false,
    searching: status === 0x61,
  };
}

export function createCms50dDecoder(generation: Generation) {
  let frame: number[] = [];
  const length = generation === 'legacy' ? 5 : 9;
  const isStart = (b: number) => (generation === 'legacy' ? (b & 0x80) !== 0 : b === 0x01);
  const isBody = (b: number) => (generation === 'legacy' ? (b & 0x80) === 0 : (b & 0x80) !== 0);
  return {
    push(chunk: ArrayLike<number>): Cms50dSample[] {
      const samples: Cms50dSample[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]! & 0xff;
        if (frame.length === 0) {
          if (isStart(byte)) frame.push(byte);
          continue;
        }
        if (!isBody(byte)) {
          // Out of step: this byte may begin the next frame.
          frame = isStart(byte) ? [byte] : [];
          continue;
        }
        frame.push(byte);
        if (frame.length === length) {
          samples.push(generation === 'legacy' ? decodeLegacy(frame) : decodeV2(frame));
          frame = [];
        }
      }
      return samples;
    },
  };
}

export interface FrameValues {
  spo2: number;
  pulseRate: number;
  pleth: number;
  fingerOut?: boolean;
  searching?: boolean;
  beep?: boolean;
  signalStrength?: number;
}

/** What the device sends, for the simulator and the tests. */
export function encodeLegacyFrame(v: FrameValues): Uint8Array {
  const spo2 = v.fingerOut ? LEGACY_INVALID_SPO2 : v.spo2 & 0x7f;
  const pulse = v.fingerOut ? LEGACY_INVALID_PULSE : v.pulseRate & 0xff;
  return Uint8Array.of(
    0x80 | (v.beep ? 0x40 : 0) | (v.fingerOut ? 0x10 : 0) | ((v.signalStrength ?? 8) & 0x0f),
    v.pleth & 0x7f,
    ((pulse & 0x80) >> 1) | (v.searching ? 0x20 : 0) | 0x05,
    pulse & 0x7f,
    spo2,
  );
}

export function encodeV2Frame(v: FrameValues): Uint8Array {
  const status = v.fingerOut ? 0x62 : v.searching ? 0x61 : 0x60;
  return Uint8Array.of(
    0x01,
    0x80 | status,
    0x80,
    0x80 | (v.pleth & 0x7f),
    0x80,
    0x80 | (v.pulseRate & 0x7f),
    0x80 | (v.spo2 & 0x7f),
    0x80,
    0x80,
  );
}
