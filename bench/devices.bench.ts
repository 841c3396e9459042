// npm run bench -- devices: 60 Hz pointer updates for 10 s to the VISCA simulator at 9600 baud
// through a real socat pty, as a joystick on the cart or the expert's pointer would send them.
// Prints the figures beside the physical limits of the link.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { openPtyPair } from '../devices/transport/pty-pair';
import { createReconnectingTransport } from '../devices/transport/reconnecting-transport';
import { openSerialLink } from '../devices/transport/serial-link';
import type { Transport } from '../devices/transport/transport';
import { SONY_EVI_D70 } from '../devices/visca/codec';
import { createViscaCamera, driveCommand } from '../devices/visca/driver';
import { startViscaSimulator } from '../devices/visca/simulator';

const BAUD = 9600;
const BYTE_MS = 10_000 / BAUD;
const DURATION_MS = Number(process.env.RELAIS_BENCH_SECONDS ?? 10) * 1000;
const FRAME_MS = 1000 / 59.94;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-devices-'));
  const pair = await openPtyPair(path.join(dir, 'cart'), path.join(dir, 'camera'));
  const simulator = await startViscaSimulator({ path: pair.simulatorPath, baudRate: BAUD, seed: 3 });
  const inner = createReconnectingTransport({
    name: pair.devicePath,
    open: () => openSerialLink({ path: pair.devicePath, baudRate: BAUD }),
  });

  // Times of every motion write and every reply, seen at the transport.
  let lastInput = { at: 0, velocity: { pan: 0, tilt: 0 } };
  let lastReplyAt = 0;
  let lineFreeSince = 0;
  const overhead: number[] = [];
  const staleness: number[] = [];
  let sentInputAt = new Map<string, number>();
  const transport: Transport = {
    ...inner,
    name: inner.name,
    state: () => inner.state(),
    onData: (l) => inner.onData(l),
    onState: (l) => inner.onState(l),
    close: () => inner.close(),
    async write(bytes) {
      const now = performance.now();
      if (bytes[1] === 0x01 && bytes[2] === 0x06 && bytes[3] === 0x01) {
        const key = Array.from(bytes).join(',');
        const inputAt = sentInputAt.get(key) ?? lastInput.at;
        overhead.push(now - Math.max(inputAt, lineFreeSince));
        staleness.push(now - inputAt);
      }
      return inner.write(bytes);
    },
  };
  inner.onData(() => {
    lastReplyAt = performance.now();
    lineFreeSince = lastReplyAt;
  });

  const camera = createViscaCamera({ transport });
  while (transport.state() !== 'connected') await new Promise((r) => setTimeout(r, 5));
  await camera.ready();

  // A hand sweeping left and right, with some tilt: every update differs from the last.
  const start = performance.now();
  let updates = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const t = (performance.now() - start) / 1000;
      const velocity = { pan: Math.sin(t * 2.1) * 0.9, tilt: Math.sin(t * 0.7) * 0.4 };
      lastInput = { at: performance.now(), velocity };
      // Key each input by the bytes it becomes, to know its age when it is written.
      sentInputAt = new Map([...sentInputAt].slice(-4));
      sentInputAt.set(driveKey(velocity), lastInput.at);
      camera.drive(velocity);
      updates++;
      if (performance.now() - start >= DURATION_MS) {
        clearInterval(timer);
        resolve();
      }
    }, FRAME_MS);
  });

  // The hand lets go: the last input is a zero velocity, sent the same latest-wins way.
  const releaseAt = performance.now();
  sentInputAt.set(driveKey({ pan: 0, tilt: 0 }), releaseAt);
  camera.drive({ pan: 0, tilt: 0 });
  let finalAt = NaN;
  let previous = simulator.state().pan;
  let stableSince = performance.now();
  while (performance.now() - releaseAt < 2_000) {
    await new Promise((r) => setTimeout(r, 1));
    const s = simulator.state();
    if (s.pan !== previous || s.moving) {
      previous = s.pan;
      stableSince = performance.now();
    } else if (performance.now() - stableSince > 150) {
      finalAt = stableSince;
      break;
    }
  }
  const stats = camera.stats();

  const wireDrive = 9 * BYTE_MS;
  const wireAck = 3 * BYTE_MS;
  const replyCycle = wireDrive + 4 * FRAME_MS + wireAck; // worst case: ACK after 4 frames
  const rows: [string, string, string][] = [
    ['pointer updates sent by the hand', `${updates} at 60 Hz for ${DURATION_MS / 1000} s`, ''],
    [
      'motion commands written',
      `${overhead.length} (${stats.replaced} updates replaced, never queued)`,
      `link allows at most ${Math.floor(DURATION_MS / (wireDrive + FRAME_MS + wireAck))}`,
    ],
    [
      'driver latency p50 / p99 (input or line free -> first byte written)',
      `${ms(percentile(overhead, 50))} / ${ms(percentile(overhead, 99))}`,
      `wire time of the command: ${ms(wireDrive)} (target: p99 < 2 ms above it, i.e. overhead < 2 ms)`,
    ],
    [
      'age of the update written p50 / p99 (input -> written)',
      `${ms(percentile(staleness, 50))} / ${ms(percentile(staleness, 99))}`,
      `one reply cycle: ${ms(wireDrive + FRAME_MS + wireAck)} to ${ms(replyCycle)} (ACK after 1-4 frames)`,
    ],
    ['queue depth maximum', `${stats.maxQueueDepth}`, 'target: never above 1'],
    [
      'last input -> camera at its final position',
      ms(finalAt - releaseAt),
      `one reply cycle: up to ${ms(replyCycle)} (+ the command in flight: ${ms(2 * replyCycle)})`,
    ],
  ];
  console.log(
    `\nVISCA over a socat pty at ${BAUD} baud (8N1: ${ms(BYTE_MS)} a byte), simulator ACK after 1-4 frames of ${ms(FRAME_MS)}`,
  );
  for (const [name, value, limit] of rows) console.log(`  ${name.padEnd(70)} ${value.padEnd(42)} ${limit}`);

  await camera.close();
  await inner.close();
  await simulator.stop();
  await pair.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

// The bytes an update becomes, to know its age when it is written.
const driveKey = (velocity: { pan: number; tilt: number }) =>
  Array.from(driveCommand(1, velocity, SONY_EVI_D70)).join(',');

describe('devices', () => {
  bench('VISCA remote steering at 60 Hz, 9600 baud', run, {
    iterations: 1,
    warmupIterations: 0,
    time: 0,
    warmupTime: 0,
  });
});
