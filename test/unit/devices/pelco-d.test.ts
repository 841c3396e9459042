// Pelco-D bytes (vectors from ../shared/PROTOCOLS.md), decoding under fuzzing, and the driver.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPelcoDecoder, frame, motion, pelco } from '../../../devices/pelco-d/codec';
import { createPelcoDCamera } from '../../../devices/pelco-d/driver';
import { createFakeTransport, hex } from '../../../devices/transport/fake-transport';
import { mulberry32, randomBytes } from '../../helpers/prng';

describe('Pelco-D frames', () => {
  it('matches the test vectors', () => {
    expect(hex(motion(1, { pan: 'right', tilt: 'stop', panSpeed: 0x20, tiltSpeed: 0 }))).toBe('FF 01 00 02 20 00 23');
    expect(hex(pelco.stop(1))).toBe('FF 01 00 00 00 00 01');
    // Address 10, camera on + focus far + down, tilt speed 0x20.
    expect(hex(frame(10, 0x88, 0x90, 0x00, 0x20))).toBe('FF 0A 88 90 00 20 42');
  });

  it.each<[string, Uint8Array, string]>([
    [
      'left + up, zoom tele',
      motion(1, { pan: 'left', tilt: 'up', panSpeed: 0x3f, tiltSpeed: 0x10, zoom: 'tele' }),
      'FF 01 00 2C 3F 10 7C',
    ], // 01+2C+3F+10 = 7C
    [
      'focus near',
      motion(1, { pan: 'stop', tilt: 'stop', panSpeed: 1, tiltSpeed: 1, focus: 'near' }),
      'FF 01 01 00 00 00 02',
    ],
    [
      'speeds clamp to 3F',
      motion(1, { pan: 'right', tilt: 'down', panSpeed: 200, tiltSpeed: 99 }),
      'FF 01 00 12 3F 3F 91',
    ],
    ['set preset 3', pelco.presetSet(1, 3), 'FF 01 00 03 00 03 07'],
    ['clear preset 3', pelco.presetClear(1, 3), 'FF 01 00 05 00 03 09'],
    ['go to preset 3', pelco.presetGoTo(1, 3), 'FF 01 00 07 00 03 0B'],
    ['set pan 90.00 degrees', pelco.setPan(1, 9000), 'FF 01 00 4B 23 28 97'],
    ['query pan', pelco.queryPan(1), 'FF 01 00 51 00 00 52'],
    ['query tilt', pelco.queryTilt(1), 'FF 01 00 53 00 00 54'],
    ['query zoom', pelco.queryZoom(1), 'FF 01 00 55 00 00 56'],
    ['pan response', pelco.panResponse(1, 0x1234), 'FF 01 00 59 12 34 A0'],
  ])('%s', (_name, bytes, expected) => {
    expect(hex(bytes)).toBe(expected);
  });

  it('decodes responses in any chunking and drops a bad checksum', () => {
    const stream = [...pelco.panResponse(1, 9000), ...pelco.tiltResponse(1, 100)];
    for (let cut = 1; cut < stream.length; cut++) {
      const decoder = createPelcoDecoder();
      expect([...decoder.push(stream.slice(0, cut)), ...decoder.push(stream.slice(cut))].map((f) => f.value)).toEqual([
        9000, 100,
      ]);
    }
    const corrupted = [...pelco.panResponse(1, 9000)];
    corrupted[5] = corrupted[5]! ^ 0x01;
    expect(
      createPelcoDecoder()
        .push([...corrupted, ...pelco.zoomResponse(1, 7)])
        .map((f) => f.c2),
    ).toEqual([0x5d]);
  });

  it('never throws on random bytes and resynchronises on the next valid frame', () => {
    const random = mulberry32(99);
    for (let round = 0; round < 5_000; round++) {
      const decoder = createPelcoDecoder();
      expect(() => decoder.push(randomBytes(random, Math.floor(random() * 40)))).not.toThrow();
      const frames = decoder.push([...pelco.panResponse(1, 4242), ...pelco.panResponse(1, 4242)]);
      expect(frames.at(-1)?.value).toBe(4242);
    }
  });
});

describe('Pelco-D driver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends at most one motion frame per wire time, the newest replacing the waiting one', async () => {
    const transport = createFakeTransport();
    const camera = createPelcoDCamera({ transport, baudRate: 2400 });
    for (let i = 1; i <= 10; i++) camera.drive({ pan: i / 10, tilt: 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.written).toEqual(['FF 01 00 02 06 00 09']); // the first (pan 0.1)
    await vi.advanceTimersByTimeAsync(30); // 7 bytes at 2400 baud: 29.2 ms
    expect(transport.written).toEqual(['FF 01 00 02 06 00 09', 'FF 01 00 02 3F 00 42']); // then the newest (pan 1.0)
    expect(camera.stats()).toMatchObject({ submitted: 10, maxQueueDepth: 1 });
  });

  it('keeps pan, tilt and zoom in one frame', async () => {
    const transport = createFakeTransport();
    const camera = createPelcoDCamera({ transport });
    camera.drive({ pan: -1, tilt: 1 });
    await vi.advanceTimersByTimeAsync(30);
    camera.zoom(1);
    await vi.advanceTimersByTimeAsync(30);
    expect(transport.written.at(-1)).toBe('FF 01 00 2C 3F 3F AB'); // left + up + zoom tele
  });

  it('stops at once, dropping the motion waiting, and never replays after a reconnect', async () => {
    const transport = createFakeTransport();
    const camera = createPelcoDCamera({ transport });
    camera.drive({ pan: 1, tilt: 0 });
    camera.drive({ pan: -1, tilt: 0 }); // waiting
    const stopped = camera.stop();
    await vi.advanceTimersByTimeAsync(100);
    await stopped;
    expect(transport.written).toEqual(['FF 01 00 02 3F 00 42', 'FF 01 00 00 00 00 01']);
    camera.drive({ pan: 0.5, tilt: 0 });
    camera.drive({ pan: 0.6, tilt: 0 }); // waiting when the cable goes
    transport.setState('reconnecting');
    await vi.advanceTimersByTimeAsync(100);
    transport.setState('connected');
    await vi.advanceTimersByTimeAsync(100);
    expect(transport.written).toHaveLength(3); // only the frame already on the wire
    await expect(
      createPelcoDCamera({ transport: createFakeTransport('x', 'gone') }).presetRecall(1),
    ).rejects.toMatchObject({ code: 'device_away' });
  });

  it('reads the position when the camera answers, and gives null once when it never does', async () => {
    const transport = createFakeTransport();
    transport.onWrite((bytes) => {
      const answers: Record<number, Uint8Array> = {
        0x51: pelco.panResponse(1, 9000),
        0x53: pelco.tiltResponse(1, 500),
        0x55: pelco.zoomResponse(1, 300),
      };
      const answer = answers[bytes[3]!];
      if (answer) queueMicrotask(() => transport.receive(answer));
    });
    const position = createPelcoDCamera({ transport }).position();
    await vi.advanceTimersByTimeAsync(200);
    await expect(position).resolves.toEqual({ pan: 9000, tilt: 500, zoom: 300 });

    const silent = createFakeTransport();
    const camera = createPelcoDCamera({ transport: silent, queryTimeoutMs: 300 });
    const first = camera.position();
    await vi.advanceTimersByTimeAsync(400);
    await expect(first).resolves.toBeNull();
    await expect(camera.position()).resolves.toBeNull();
    expect(silent.written).toEqual(['FF 01 00 51 00 00 52']); // asked once, not again
  });

  it('says which focus commands Pelco-D does not have', async () => {
    await expect(createPelcoDCamera({ transport: createFakeTransport() }).focus('auto')).rejects.toMatchObject({
      code: 'unsupported',
    });
  });
});
