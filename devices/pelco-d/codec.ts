// Pelco-D (RS-485, usually 2400 8N1): 7-byte frames FF AA C1 C2 D1 D2 SUM, SUM = (AA+C1+C2+D1+D2)
// mod 256. Pure: command frames, and a decoder for what comes back (or, for the simulator, in).

export const SYNC = 0xff;

export function frame(address: number, c1: number, c2: number, d1: number, d2: number): Uint8Array {
  if (!Number.isInteger(address) || address < 1 || address > 255)
    throw new RangeError(`Pelco-D address must be 1-255, not ${address}`);
  const sum = (address + c1 + c2 + d1 + d2) & 0xff;
  return Uint8Array.of(SYNC, address, c1 & 0xff, c2 & 0xff, d1 & 0xff, d2 & 0xff, sum);
}

// Command 2 bits.
export const C2 = {
  right: 0x02,
  left: 0x04,
  up: 0x08,
  down: 0x10,
  zoomTele: 0x20,
  zoomWide: 0x40,
  focusFar: 0x80,
} as const;
// Command 1 bits.
export const C1 = {
  focusNear: 0x01,
  irisOpen: 0x02,
  irisClose: 0x04,
  cameraOnOff: 0x08,
  autoScan: 0x10,
  sense: 0x80,
} as const;

const speed = (s: number) => Math.max(0, Math.min(0x3f, Math.round(s)));

export interface Motion {
  pan: 'left' | 'right' | 'stop';
  tilt: 'up' | 'down' | 'stop';
  panSpeed: number; // 0-3F (FF turbo is not used: too fast to steer by hand)
  tiltSpeed: number;
  zoom?: 'tele' | 'wide' | 'stop';
  focus?: 'near' | 'far' | 'stop';
}

export function motion(address: number, m: Motion): Uint8Array {
  let c1 = 0;
  let c2 = 0;
  if (m.pan === 'right') c2 |= C2.right;
  if (m.pan === 'left') c2 |= C2.left;
  if (m.tilt === 'up') c2 |= C2.up;
  if (m.tilt === 'down') c2 |= C2.down;
  if (m.zoom === 'tele') c2 |= C2.zoomTele;
  if (m.zoom === 'wide') c2 |= C2.zoomWide;
  if (m.focus === 'far') c2 |= C2.focusFar;
  if (m.focus === 'near') c1 |= C1.focusNear;
  return frame(address, c1, c2, m.pan === 'stop' ? 0 : speed(m.panSpeed), m.tilt === 'stop' ? 0 : speed(m.tiltSpeed));
}

export const pelco = {
  stop: (a: number) => frame(a, 0, 0, 0, 0),
  cameraOn: (a: number) => frame(a, C1.sense | C1.cameraOnOff, 0, 0, 0),
  cameraOff: (a: number) => frame(a, C1.cameraOnOff, 0, 0, 0),
  // Extended commands (C1 = 00, odd C2).
  presetSet: (a: number, p: number) => frame(a, 0, 0x03, 0, p),
  presetClear: (a: number, p: number) => frame(a, 0, 0x05, 0, p),
  presetGoTo: (a: number, p: number) => frame(a, 0, 0x07, 0, p),
  setPan: (a: number, hundredthsOfDegree: number) =>
    frame(a, 0, 0x4b, (hundredthsOfDegree >> 8) & 0xff, hundredthsOfDegree & 0xff),
  setTilt: (a: number, value: number) => frame(a, 0, 0x4d, (value >> 8) & 0xff, value & 0xff),
  setZoom: (a: number, value: number) => frame(a, 0, 0x4f, (value >> 8) & 0xff, value & 0xff),
  queryPan: (a: number) => frame(a, 0, 0x51, 0, 0),
  queryTilt: (a: number) => frame(a, 0, 0x53, 0, 0),
  queryZoom: (a: number) => frame(a, 0, 0x55, 0, 0),
  panResponse: (a: number, v: number) => frame(a, 0, 0x59, (v >> 8) & 0xff, v & 0xff),
  tiltResponse: (a: number, v: number) => frame(a, 0, 0x5b, (v >> 8) & 0xff, v & 0xff),
  zoomResponse: (a: number, v: number) => frame(a, 0, 0x5d, (v >> 8) & 0xff, v & 0xff),
};

export interface PelcoFrame {
  address: number;
  c1: number;
  c2: number;
  d1: number;
  d2: number;
  /** D1 D2 as one 16-bit value (extended commands and responses). */
  value: number;
}

/** Reassembles frames from a byte stream; a frame with a wrong checksum is dropped and the
 * search for FF starts again right after its sync byte. Never throws. */
export function createPelcoDecoder() {
  let buffer: number[] = [];
  return {
    push(chunk: ArrayLike<number>): PelcoFrame[] {
      const frames: PelcoFrame[] = [];
      for (let i = 0; i < chunk.length; i++) buffer.push(chunk[i]! & 0xff);
      for (;;) {
        const start = buffer.indexOf(SYNC);
        if (start < 0) {
          buffer = [];
          break;
        }
        if (start > 0) buffer = buffer.slice(start);
        if (buffer.length < 7) break;
        const [, a = 0, c1 = 0, c2 = 0, d1 = 0, d2 = 0, sum = 0] = buffer;
        if (((a + c1 + c2 + d1 + d2) & 0xff) === sum && a !== 0) {
          frames.push({ address: a, c1, c2, d1, d2, value: (d1 << 8) | d2 });
          buffer = buffer.slice(7);
        } else {
          buffer = buffer.slice(1); // not a frame: look for the next sync byte
        }
      }
      return frames;
    },
  };
}
