// A Pelco-D camera on the far end of a virtual RS-485 cable: frames acted on after their wire
// time at the baud rate, pan/tilt/zoom moving at modelled speeds, presets, and position answers
// (which many real cameras never give: answersQueries=false models those).
import { createTimeline } from '../timeline';
import { createReconnectingTransport } from '../transport/reconnecting-transport';
import { openSerialLink } from '../transport/serial-link';
import { C2, createPelcoDecoder, pelco, type PelcoFrame } from './codec';

export interface PelcoDSimulatorOptions {
  path: string;
  address?: number;
  baudRate?: number;
  answersQueries?: boolean;
}

const FULL_SPEED = 6000 / 1000; // hundredths of a degree per ms at speed 3F (60 degrees/s)
const ZOOM_PER_MS = 0xffff / 3000;

export async function startPelcoDSimulator(options: PelcoDSimulatorOptions) {
  const address = options.address ?? 1;
  const baudRate = options.baudRate ?? 2400;
  const wireMs = (7 * 10_000) / baudRate;
  const transport = createReconnectingTransport({
    name: `pelco-sim ${options.path}`,
    open: () => openSerialLink({ path: options.path, baudRate }),
    initialDelayMs: 20,
    maxDelayMs: 200,
  });
  const decoder = createPelcoDecoder();
  const presets = new Map<number, { pan: number; tilt: number; zoom: number }>();
  const s = {
    pan: 0,
    tilt: 0,
    zoom: 0,
    vPan: 0,
    vTilt: 0,
    vZoom: 0,
    target: null as null | { pan: number; tilt: number; zoom: number },
  };
  let last = performance.now();
  let lineFreeAt = performance.now();
  let replyFreeAt = performance.now();
  // Frames and replies keep the order of their times, however late the machine runs.
  const timeline = createTimeline(() => performance.now());
  let executed = 0;

  const later = timeline.at;

  function advance(now = performance.now()): void {
    const dt = now - last;
    last = now;
    if (s.target) {
      const step = FULL_SPEED * dt;
      const towards = (from: number, to: number, rate: number) =>
        Math.abs(to - from) <= rate ? to : from + Math.sign(to - from) * rate;
      // The head turns without end: it goes the short way round (from 10 deg to 350 deg is 20 deg left).
      const panGap = ((((s.target.pan - s.pan) % 36000) + 54000) % 36000) - 18000;
      s.pan = Math.abs(panGap) <= step ? s.target.pan : (((s.pan + Math.sign(panGap) * step) % 36000) + 36000) % 36000;
      s.tilt = towards(s.tilt, s.target.tilt, step);
      s.zoom = towards(s.zoom, s.target.zoom, ZOOM_PER_MS * dt);
      if (s.pan === s.target.pan && s.tilt === s.target.tilt && s.zoom === s.target.zoom) s.target = null;
      return;
    }
    s.pan = (((s.pan + s.vPan * dt) % 36000) + 36000) % 36000;
    s.tilt = Math.max(-9000, Math.min(9000, s.tilt + s.vTilt * dt));
    s.zoom = Math.max(0, Math.min(0xffff, s.zoom + s.vZoom * dt));
  }

  const reply = (bytes: Uint8Array) => {
    const at = Math.max(performance.now(), replyFreeAt) + wireMs;
    replyFreeAt = at;
    later(at, () => void transport.write(bytes).catch(() => {}));
  };

  function execute(f: PelcoFrame): void {
    advance();
    executed++;
    const round = (v: number) => Math.round(v);
    if (f.c1 === 0 && (f.c2 & 0x01) === 1) {
      const here = { pan: round(s.pan), tilt: round(s.tilt), zoom: round(s.zoom) };
      if (f.c2 === 0x03) presets.set(f.d2, here);
      else if (f.c2 === 0x05) presets.delete(f.d2);
      else if (f.c2 === 0x07) s.target = presets.get(f.d2) ?? s.target;
      // Each axis's absolute command leaves the other axes' targets as they were (pan then tilt).
      else if (f.c2 === 0x4b) s.target = { ...(s.target ?? here), pan: f.value % 36000 };
      else if (f.c2 === 0x4d) s.target = { ...(s.target ?? here), tilt: f.value > 18000 ? f.value - 36000 : f.value };
      else if (f.c2 === 0x4f) s.target = { ...(s.target ?? here), zoom: f.value };
      else if (options.answersQueries !== false && f.c2 === 0x51) reply(pelco.panResponse(address, here.pan));
      else if (options.answersQueries !== false && f.c2 === 0x53)
        reply(pelco.tiltResponse(address, (here.tilt + 36000) % 36000));
      else if (options.answersQueries !== false && f.c2 === 0x55) reply(pelco.zoomResponse(address, here.zoom));
      return;
    }
    // A standard frame sets the whole motion state at once.
    s.target = null;
    const rate = (speed: number) => (Math.min(speed, 0x3f) / 0x3f) * FULL_SPEED;
    s.vPan = f.c2 & C2.right ? rate(f.d1) : f.c2 & C2.left ? -rate(f.d1) : 0;
    s.vTilt = f.c2 & C2.up ? rate(f.d2) : f.c2 & C2.down ? -rate(f.d2) : 0;
    s.vZoom = f.c2 & C2.zoomTele ? ZOOM_PER_MS : f.c2 & C2.zoomWide ? -ZOOM_PER_MS : 0;
  }

  transport.onData((chunk) => {
    for (const f of decoder.push(chunk)) {
      if (f.address !== address) continue;
      // On the wire the frame arrives over its wire time; the camera acts once it is whole.
      const at = Math.max(performance.now(), lineFreeAt) + wireMs;
      lineFreeAt = at;
      later(at, () => execute(f));
    }
  });

  return {
    state() {
      advance();
      return {
        pan: Math.round(s.pan),
        tilt: Math.round(s.tilt),
        zoom: Math.round(s.zoom),
        moving: s.target !== null || s.vPan !== 0 || s.vTilt !== 0 || s.vZoom !== 0,
        executed,
      };
    },
    async stop() {
      timeline.clear();
      await transport.close();
    },
  };
}
