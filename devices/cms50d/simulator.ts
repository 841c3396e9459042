// A CMS50D+ on the far end of a virtual serial cable, streaming about 60 frames a second with a
// plausible photoplethysmogram (systolic upstroke, dicrotic notch, breathing) and slowly
// drifting SpO2 and pulse. v2 streams only after a start command and while kept alive.
import { mulberry32 } from '../random';
import { createReconnectingTransport } from '../transport/reconnecting-transport';
import { openSerialLink } from '../transport/serial-link';
import { encodeLegacyFrame, encodeV2Frame, SERIAL_SETTINGS, type Generation } from './codec';

export interface Cms50dSimulatorOptions {
  path: string;
  generation: Generation;
  spo2?: number;
  pulseRate?: number;
  seed?: number;
}

/** One heartbeat's pulse wave, 0..1, at phase 0..1. */
export function pulseWave(phase: number): number {
  const peak = (centre: number, width: number) => Math.exp(-(((phase - centre) / width) ** 2));
  return Math.min(1, peak(0.18, 0.08) + 0.38 * peak(0.48, 0.1));
}

export async function startCms50dSimulator(options: Cms50dSimulatorOptions) {
  const settings = SERIAL_SETTINGS[options.generation];
  const transport = createReconnectingTransport({
    name: `cms50d-sim ${options.path}`,
    open: () => openSerialLink({ path: options.path, baudRate: settings.baudRate, parity: settings.parity }),
    initialDelayMs: 20,
    maxDelayMs: 200,
  });
  const random = mulberry32(options.seed ?? 5);
  const baseSpo2 = options.spo2 ?? 97;
  const basePulse = options.pulseRate ?? 72;
  let fingerOut = false;
  // v2 waits for a start command and stops without keep-alives; legacy streams all the time.
  let streamingUntil = options.generation === 'legacy' ? Infinity : 0;
  let phase = 0;
  let beat = false;
  const started = performance.now();
  let last = started;
  let sent = 0;

  transport.onData((chunk) => {
    const bytes = Array.from(chunk);
    for (let i = 0; i + 2 < bytes.length; i++) {
      if (bytes[i] !== 0x7d || bytes[i + 1] !== 0x81) continue;
      const code = bytes[i + 2];
      if (code === 0xa1 || code === 0xaf) streamingUntil = performance.now() + 5_000;
      if (code === 0xa2) streamingUntil = 0;
    }
  });

  const timer = setInterval(() => {
    const now = performance.now();
    const dt = (now - last) / 1000;
    last = now;
    if (now > streamingUntil || transport.state() !== 'connected') return;
    const t = (now - started) / 1000;
    const pulseRate = Math.round(basePulse + 3 * Math.sin(t / 20) + (random() - 0.5));
    const spo2 = Math.max(90, Math.min(100, Math.round(baseSpo2 + Math.sin(t / 30) + (random() - 0.5) * 0.6)));
    const before = phase;
    phase = (phase + (dt * pulseRate) / 60) % 1;
    beat = phase < before; // a new beat began
    const breathing = 1 + 0.08 * Math.sin((2 * Math.PI * t) / 4);
    const pleth = Math.round(10 + 100 * pulseWave(phase) * breathing);
    const values = { spo2, pulseRate, pleth: Math.min(127, pleth), fingerOut, beep: beat };
    const frame = options.generation === 'legacy' ? encodeLegacyFrame(values) : encodeV2Frame(values);
    sent++;
    void transport.write(frame).catch(() => {});
  }, 1000 / 60);

  return {
    setFingerOut(out: boolean) {
      fingerOut = out;
    },
    framesSent: () => sent,
    async stop() {
      clearInterval(timer);
      await transport.close();
    },
  };
}
