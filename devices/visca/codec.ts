// Sony VISCA: command bytes for a camera address, and a streaming decoder of the camera's
// replies. Pure functions; byte values from the Sony EVI-D70/SRG manuals (see README.md).

export const TERMINATOR = 0xff;

/** 16-bit value as four nibbles 0p 0q 0r 0s (signed values in two's complement). */
export function nibbles(value: number): number[] {
  const v = value & 0xffff;
  return [(v >> 12) & 0x0f, (v >> 8) & 0x0f, (v >> 4) & 0x0f, v & 0x0f];
}

export function fromNibbles(bytes: ArrayLike<number>, offset: number, signed: boolean): number {
  let v = 0;
  for (let i = 0; i < 4; i++) v = (v << 4) | ((bytes[offset + i] ?? 0) & 0x0f);
  return signed && v & 0x8000 ? v - 0x10000 : v;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, Math.round(value)));
}

function frame(address: number, body: number[]): Uint8Array {
  if (!Number.isInteger(address) || address < 1 || address > 7)
    throw new RangeError(`VISCA address must be 1-7, not ${address}`);
  return Uint8Array.from([0x80 | address, ...body, TERMINATOR]);
}

export type PanDirection = 'left' | 'right' | 'stop';
export type TiltDirection = 'up' | 'down' | 'stop';
const PAN_CODE: Record<PanDirection, number> = { left: 0x01, right: 0x02, stop: 0x03 };
const TILT_CODE: Record<TiltDirection, number> = { up: 0x01, down: 0x02, stop: 0x03 };

export interface SpeedLimits {
  panMax: number; // 0x18 on Sony EVI-D70
  tiltMax: number; // 0x17 on Sony EVI-D70, 0x14 on PTZOptics
}
export const SONY_EVI_D70: SpeedLimits = { panMax: 0x18, tiltMax: 0x17 };

export const visca = {
  addressSet: () => Uint8Array.of(0x88, 0x30, 0x01, TERMINATOR),
  ifClearBroadcast: () => Uint8Array.of(0x88, 0x01, 0x00, 0x01, TERMINATOR),
  ifClear: (a: number) => frame(a, [0x01, 0x00, 0x01]),
  cancel: (a: number, socket: number) => Uint8Array.of(0x80 | a, 0x20 | (socket & 0x0f), TERMINATOR),

  /** Speeds are sent even for Stop: some cameras ignore a drive with speeds 00 00. */
  panTiltDrive: (
    a: number,
    pan: PanDirection,
    tilt: TiltDirection,
    panSpeed: number,
    tiltSpeed: number,
    limits = SONY_EVI_D70,
  ) =>
    frame(a, [
      0x01,
      0x06,
      0x01,
      clampInt(panSpeed, 1, limits.panMax),
      clampInt(tiltSpeed, 1, limits.tiltMax),
      PAN_CODE[pan],
      TILT_CODE[tilt],
    ]),
  panTiltStop: (a: number, limits = SONY_EVI_D70) =>
    visca.panTiltDrive(a, 'stop', 'stop', limits.panMax, limits.tiltMax, limits),
  absolutePosition: (
    a: number,
    pan: number,
    tilt: number,
    panSpeed: number,
    tiltSpeed: number,
    limits = SONY_EVI_D70,
  ) =>
    frame(a, [
      0x01,
      0x06,
      0x02,
      clampInt(panSpeed, 1, limits.panMax),
      clampInt(tiltSpeed, 1, limits.tiltMax),
      ...nibbles(pan),
      ...nibbles(tilt),
    ]),
  relativePosition: (
    a: number,
    pan: number,
    tilt: number,
    panSpeed: number,
    tiltSpeed: number,
    limits = SONY_EVI_D70,
  ) =>
    frame(a, [
      0x01,
      0x06,
      0x03,
      clampInt(panSpeed, 1, limits.panMax),
      clampInt(tiltSpeed, 1, limits.tiltMax),
      ...nibbles(pan),
      ...nibbles(tilt),
    ]),
  home: (a: number) => frame(a, [0x01, 0x06, 0x04]),
  reset: (a: number) => frame(a, [0x01, 0x06, 0x05]),

  zoomStop: (a: number) => frame(a, [0x01, 0x04, 0x07, 0x00]),
  zoomTele: (a: number) => frame(a, [0x01, 0x04, 0x07, 0x02]),
  zoomWide: (a: number) => frame(a, [0x01, 0x04, 0x07, 0x03]),
  /** Variable speed p = 0 (slow) .. 7 (fast). */
  zoomTeleVariable: (a: number, p: number) => frame(a, [0x01, 0x04, 0x07, 0x20 | clampInt(p, 0, 7)]),
  zoomWideVariable: (a: number, p: number) => frame(a, [0x01, 0x04, 0x07, 0x30 | clampInt(p, 0, 7)]),
  zoomDirect: (a: number, position: number) => frame(a, [0x01, 0x04, 0x47, ...nibbles(clampInt(position, 0, 0xffff))]),

  focusAuto: (a: number) => frame(a, [0x01, 0x04, 0x38, 0x02]),
  focusManual: (a: number) => frame(a, [0x01, 0x04, 0x38, 0x03]),
  focusOnePush: (a: number) => frame(a, [0x01, 0x04, 0x18, 0x01]),
  focusStop: (a: number) => frame(a, [0x01, 0x04, 0x08, 0x00]),
  focusFar: (a: number) => frame(a, [0x01, 0x04, 0x08, 0x02]),
  focusNear: (a: number) => frame(a, [0x01, 0x04, 0x08, 0x03]),
  /** Variable speed p = 0 (slow) .. 7 (fast), as for the zoom. */
  focusFarVariable: (a: number, p: number) => frame(a, [0x01, 0x04, 0x08, 0x20 | clampInt(p, 0, 7)]),
  focusNearVariable: (a: number, p: number) => frame(a, [0x01, 0x04, 0x08, 0x30 | clampInt(p, 0, 7)]),
  focusInfinity: (a: number) => frame(a, [0x01, 0x04, 0x18, 0x02]),
  focusAutoManual: (a: number) => frame(a, [0x01, 0x04, 0x38, 0x10]),
  focusDirect: (a: number, position: number) => frame(a, [0x01, 0x04, 0x48, ...nibbles(clampInt(position, 0, 0xffff))]),

  presetReset: (a: number, preset: number) => frame(a, [0x01, 0x04, 0x3f, 0x00, clampInt(preset, 0, 0xff)]),
  presetSet: (a: number, preset: number) => frame(a, [0x01, 0x04, 0x3f, 0x01, clampInt(preset, 0, 0xff)]),
  presetRecall: (a: number, preset: number) => frame(a, [0x01, 0x04, 0x3f, 0x02, clampInt(preset, 0, 0xff)]),

  powerOn: (a: number) => frame(a, [0x01, 0x04, 0x00, 0x02]),
  powerStandby: (a: number) => frame(a, [0x01, 0x04, 0x00, 0x03]),

  inquiryPower: (a: number) => frame(a, [0x09, 0x04, 0x00]),
  inquiryZoom: (a: number) => frame(a, [0x09, 0x04, 0x47]),
  inquiryFocusMode: (a: number) => frame(a, [0x09, 0x04, 0x38]),
  inquiryFocusPosition: (a: number) => frame(a, [0x09, 0x04, 0x48]),
  inquiryPanTilt: (a: number) => frame(a, [0x09, 0x06, 0x12]),
  inquiryVersion: (a: number) => frame(a, [0x09, 0x00, 0x02]),
};

export type ViscaReply =
  | { type: 'ack'; from: number; socket: number }
  | { type: 'completion'; from: number; socket: number; data: number[] } // socket 0 = inquiry answer or IF_Clear reply
  | {
      type: 'error';
      from: number;
      socket: number;
      error: 'syntax' | 'buffer_full' | 'cancelled' | 'no_socket' | 'not_executable' | 'unknown';
      code: number;
    }
  | { type: 'address_set'; next: number } // 88 30 0w FF
  | { type: 'network_change'; from: number } // z0 38 FF
  | { type: 'if_clear_broadcast' } // 88 01 00 01 FF echoed
  | { type: 'unknown'; bytes: number[] };

const ERROR_NAMES: Record<number, Exclude<Extract<ViscaReply, { type: 'error' }>['error'], 'unknown'>> = {
  0x02: 'syntax',
  0x03: 'buffer_full',
  0x04: 'cancelled',
  0x05: 'no_socket',
  0x41: 'not_executable',
};

export function parseReply(bytes: readonly number[]): ViscaReply {
  const [head = 0, second = 0] = bytes;
  if (head === 0x88 && second === 0x30 && bytes.length === 4) return { type: 'address_set', next: bytes[2]! };
  if (head === 0x88 && second === 0x01) return { type: 'if_clear_broadcast' };
  const from = (head >> 4) - 8;
  const kind = second & 0xf0;
  const socket = second & 0x0f;
  if (second === 0x38 && bytes.length === 3) return { type: 'network_change', from };
  if (kind === 0x40 && bytes.length === 3) return { type: 'ack', from, socket };
  if (kind === 0x50) return { type: 'completion', from, socket, data: bytes.slice(2, -1) };
  if (kind === 0x60 && bytes.length === 4) {
    const code = bytes[2]!;
    return { type: 'error', from, socket, error: ERROR_NAMES[code] ?? 'unknown', code };
  }
  return { type: 'unknown', bytes: [...bytes] };
}

/** Splits a byte stream into VISCA messages: FF ends a message and never appears inside one.
 * Data bytes may have bit 7 set (version answers), so a high byte does not start a message by
 * itself: at each FF the first suffix that begins with a header byte and is valid is kept.
 * Never throws; garbage is dropped and the next valid message comes through. */
export function createViscaSplitter(isValid: (message: number[]) => boolean, maxBuffered = 64) {
  let buffer: number[] = [];
  return {
    push(chunk: ArrayLike<number>): number[][] {
      const messages: number[][] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]! & 0xff;
        buffer.push(byte);
        if (byte !== TERMINATOR) {
          if (buffer.length > maxBuffered) buffer = buffer.slice(-16);
          continue;
        }
        for (let start = 0; start < buffer.length - 2; start++) {
          const candidate = buffer.slice(start);
          if (candidate[0]! >= 0x80 && candidate.length <= 16 && isValid(candidate)) {
            messages.push(candidate);
            break;
          }
        }
        buffer = [];
      }
      return messages;
    },
  };
}

/** A reply from a camera at address 1-7 (z0 = 90..F0), or one of the broadcast answers. */
export function isValidReply(message: number[]): boolean {
  const head = message[0]!;
  const reply = parseReply(message);
  if (reply.type === 'unknown') return false;
  if (reply.type === 'address_set' || reply.type === 'if_clear_broadcast') return true;
  return head >= 0x90 && head <= 0xf0 && (head & 0x0f) === 0;
}

/** A command to address 1-7 or broadcast: 8x 01 (command), 8x 09 (inquiry), 8x 2y (cancel), 88 30 (address set). */
export function isValidCommand(message: number[]): boolean {
  const [head = 0, second = 0] = message;
  if (head < 0x81 || head > 0x88) return false;
  return second === 0x01 || second === 0x09 || (second & 0xf0) === 0x20 || (head === 0x88 && second === 0x30);
}

export function createViscaReplyDecoder() {
  const splitter = createViscaSplitter(isValidReply);
  return { push: (chunk: ArrayLike<number>): ViscaReply[] => splitter.push(chunk).map(parseReply) };
}

/** Interprets the data of a pan/tilt position inquiry answer (8 nibbles). */
export function decodePanTilt(data: readonly number[]): { pan: number; tilt: number } | null {
  if (data.length !== 8) return null;
  return { pan: fromNibbles(data, 0, true), tilt: fromNibbles(data, 4, true) };
}

export function decodeFourNibbles(data: readonly number[]): number | null {
  return data.length === 4 ? fromNibbles(data, 0, false) : null;
}
