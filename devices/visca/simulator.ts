// A VISCA camera on the far end of a virtual serial cable: bytes paced at the baud rate, one
// command per video frame, ACK after 1-4 frames, two sockets (buffer full on a third), Completion
// when the modelled move ends, inquiry answers, and a network-change message at power-up.
import { mulberry32 } from '../random';
import { createTimeline } from '../timeline';
import { createViscaSplitter, fromNibbles, isValidCommand, nibbles } from './codec';
import { createCameraModel, type ModelState } from './camera-model';
import { createReconnectingTransport } from '../transport/reconnecting-transport';
import { openSerialLink } from '../transport/serial-link';
import type { Transport } from '../transport/transport';

export interface ViscaSimulatorOptions {
  /** The pty end to open, or an already open transport (a UDP socket for VISCA over IP). */
  path?: string;
  transport?: Transport;
  baudRate?: number;
  /** Video frame in ms: 16.7 at 59.94 Hz, 20 at 50 Hz. */
  frameMs?: number;
  seed?: number;
  now?: () => number;
}

export interface ViscaSimulator {
  state(): ModelState & { power: boolean; busySockets: number };
  /** Commands as received (after their wire time), with the time, for benchmarks. */
  readonly received: { at: number; bytes: number[] }[];
  stop(): Promise<void>;
}

export async function startViscaSimulator(options: ViscaSimulatorOptions): Promise<ViscaSimulator> {
  const now = options.now ?? (() => performance.now());
  const baudRate = options.baudRate ?? 9600;
  const byteMs = 10_000 / baudRate; // 8N1: 10 bits a byte
  const frameMs = options.frameMs ?? 1000 / 59.94;
  const random = mulberry32(options.seed ?? 1);
  const { path } = options;
  if (!options.transport && !path) throw new Error('startViscaSimulator needs a path or a transport');
  const transport: Transport =
    options.transport ??
    createReconnectingTransport({
      name: `visca-sim ${path}`,
      open: () => openSerialLink({ path: path!, baudRate }),
      initialDelayMs: 20,
      maxDelayMs: 200,
    });
  const model = createCameraModel(now());
  const splitter = createViscaSplitter(isValidCommand);
  const sockets: (ReturnType<typeof setTimeout> | null)[] = [null, null]; // sockets 1 and 2
  // Commands and replies keep the order of their times, however late the machine runs.
  const timeline = createTimeline(now);
  const received: ViscaSimulator['received'] = [];
  let rxFreeAt = now();
  let txFreeAt = now();
  let nextFrameAt = now();
  let power = true;
  let autofocus = true;
  const address = 1;
  const head = 0x80 + address * 0x10; // 90

  // Replies leave one after the other, each taking its wire time.
  const reply = (time: number, bytes: number[]) => {
    const start = Math.max(time, txFreeAt);
    txFreeAt = start + bytes.length * byteMs;
    timeline.at(txFreeAt, () => void transport.write(Uint8Array.from(bytes)).catch(() => {}));
  };

  function freeSocket(): number | null {
    const index = sockets.findIndex((s) => s === null);
    return index < 0 ? null : index + 1;
  }
  function occupy(socket: number, durationMs: number, ackAt: number): void {
    sockets[socket - 1] = setTimeout(
      () => {
        sockets[socket - 1] = null;
        reply(now(), [head, 0x50 | socket, 0xff]);
      },
      Math.max(0, ackAt + durationMs - now()),
    );
  }

  function execute(bytes: number[], time: number): void {
    const [first = 0, second = 0, category = 0, code = 0] = bytes;
    const ackAt = time + frameMs * (1 + Math.floor(random() * 4));
    if (first === 0x88 && second === 0x30) return reply(ackAt, [0x88, 0x30, (bytes[2] ?? 1) + 1, 0xff]);
    if (first === 0x88 && second === 0x01) return reply(ackAt, bytes);
    if ((second & 0xf0) === 0x20) {
      const socket = second & 0x0f;
      const timer = sockets[socket - 1];
      if (!timer) return reply(ackAt, [head, 0x60 | socket, 0x05, 0xff]);
      clearTimeout(timer);
      sockets[socket - 1] = null;
      model.drive(ackAt, 0, 0, 1, 1);
      return reply(ackAt, [head, 0x60 | socket, 0x04, 0xff]);
    }
    if (second === 0x09) return inquiry(bytes, ackAt);
    if (second !== 0x01) return reply(ackAt, [head, 0x60, 0x02, 0xff]);
    if (category === 0x00 && code === 0x01) {
      sockets.forEach((t, i) => t && (clearTimeout(t), (sockets[i] = null)));
      return reply(ackAt, [head, 0x50, 0xff]);
    }
    const socket = freeSocket();
    if (socket === null) return reply(ackAt, [head, 0x60, 0x03, 0xff]);
    const motion = category === 0x06 || (category === 0x04 && [0x07, 0x47, 0x3f, 0x08, 0x48].includes(code));
    if (!power && motion) return reply(ackAt, [head, 0x60, 0x41, 0xff]);
    if (category === 0x04 && code === 0x08 && autofocus && bytes[4] !== 0x00)
      return reply(ackAt, [head, 0x60, 0x41, 0xff]);
    const duration = act(bytes, ackAt);
    if (duration === undefined) return reply(ackAt, [head, 0x60, 0x02, 0xff]);
    reply(ackAt, [head, 0x40 | socket, 0xff]);
    if (duration === 0) reply(ackAt, [head, 0x50 | socket, 0xff]);
    else occupy(socket, duration, ackAt);
  }

  /** Applies a command to the model at time t; returns its duration (0 = at once) or undefined if unknown. */
  function act(b: number[], t: number): number | undefined {
    const [, , category, code, p4 = 0, p5 = 0, p6 = 0, p7 = 0] = b;
    const dir = (v: number) => (v === 0x01 ? -1 : v === 0x02 ? 1 : 0);
    if (category === 0x06) {
      if (code === 0x01) return (model.drive(t, dir(p6), -dir(p7), p4, p5), 0);
      if (code === 0x02) return model.moveTo(t, fromNibbles(b, 6, true), fromNibbles(b, 10, true), p4, p5);
      if (code === 0x03) return model.moveBy(t, fromNibbles(b, 6, true), fromNibbles(b, 10, true), p4, p5);
      if (code === 0x04 || code === 0x05) return model.moveTo(t, 0, 0, 0x18, 0x17);
      return undefined;
    }
    if (category !== 0x04) return undefined;
    if (code === 0x07) {
      const kind = p4 & 0xf0;
      if (p4 === 0x00) model.zoomDrive(t, 0, 0);
      else if (p4 === 0x02 || p4 === 0x03) model.zoomDrive(t, p4 === 0x02 ? 1 : -1, 3);
      else if (kind === 0x20 || kind === 0x30) model.zoomDrive(t, kind === 0x20 ? 1 : -1, p4 & 0x07);
      else return undefined;
      return 0;
    }
    if (code === 0x47) return model.zoomTo(t, fromNibbles(b, 4, false));
    if (code === 0x38) return ((autofocus = p4 === 0x02), 0);
    if (code === 0x18 || code === 0x08 || code === 0x48) return 0;
    if (code === 0x3f) {
      if (p4 === 0x00) return (model.presetReset(p5), 0);
      if (p4 === 0x01) return (model.presetSet(t, p5), 0);
      if (p4 === 0x02) return model.presetRecall(t, p5) ?? 0;
      return undefined;
    }
    if (code === 0x00) return ((power = p4 === 0x02), 0);
    return undefined;
  }

  function inquiry(b: number[], t: number): void {
    const [, , category, code] = b;
    const s = model.state(t);
    const answer =
      category === 0x04 && code === 0x00
        ? [power ? 0x02 : 0x03]
        : category === 0x04 && code === 0x47
          ? nibbles(s.zoom)
          : category === 0x04 && code === 0x38
            ? [autofocus ? 0x02 : 0x03]
            : category === 0x06 && code === 0x12
              ? [...nibbles(s.pan), ...nibbles(s.tilt)]
              : category === 0x00 && code === 0x02
                ? [0x00, 0x20, 0x04, 0x02, 0x01, 0x00, 0x02] // Sony, EVI-D70-like, ROM 1.00, 2 sockets
                : null;
    // The answer is read when it is sent, so it reports the position at that time.
    if (!answer) return reply(t, [head, 0x60, 0x02, 0xff]);
    reply(t, [head, 0x50, ...answer, 0xff]);
  }

  transport.onData((chunk) => {
    const arrival = now();
    for (const message of splitter.push(chunk)) {
      // The bytes took their wire time to arrive; the camera then acts on one command per frame.
      const receivedAt = Math.max(arrival, rxFreeAt) + message.length * byteMs;
      rxFreeAt = receivedAt;
      const actAt = Math.max(receivedAt, nextFrameAt);
      nextFrameAt = actAt + frameMs;
      received.push({ at: receivedAt, bytes: message });
      timeline.at(actAt, () => execute(message, actAt));
    }
  });
  // Power-up announces itself with a network change message (on a serial chain only).
  if (!options.transport) {
    transport.onState((state) => {
      if (state === 'connected') reply(now(), [head, 0x38, 0xff]);
    });
  }

  return {
    state: () => ({ ...model.state(now()), power, busySockets: sockets.filter(Boolean).length }),
    received,
    async stop() {
      timeline.clear();
      sockets.forEach((t) => t && clearTimeout(t));
      await transport.close();
    },
  };
}
