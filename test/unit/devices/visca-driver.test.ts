// The VISCA driver against a fake transport where the test plays the camera, byte for byte.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTransport, hex, type FakeTransport } from '../../../devices/transport/fake-transport';
import { createViscaCamera } from '../../../devices/visca/driver';

let transport: FakeTransport;
beforeEach(() => {
  vi.useFakeTimers();
  transport = createFakeTransport('/dev/ttyUSB0');
});
afterEach(() => vi.useRealTimers());

// Answers start-up like a single camera at address 1.
function answerStartup() {
  transport.onWrite((bytes) => {
    const h = hex(bytes);
    if (h === '88 30 01 FF') queueMicrotask(() => transport.receive('88 30 02 FF'));
    if (h === '81 01 00 01 FF') queueMicrotask(() => transport.receive('90 50 FF'));
  });
}

async function startedCamera() {
  answerStartup();
  const camera = createViscaCamera({ transport, ackTimeoutMs: 200, completionTimeoutMs: 5_000 });
  await camera.ready();
  transport.written.splice(0);
  return camera;
}

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('VISCA driver', () => {
  it('addresses the camera and clears its interface at start-up', async () => {
    answerStartup();
    const camera = createViscaCamera({ transport });
    await camera.ready();
    expect(transport.written).toEqual(['88 30 01 FF', '81 01 00 01 FF']);
  });

  it('keeps one motion command in flight and sends only the newest after the ACK', async () => {
    const camera = await startedCamera();
    camera.drive({ pan: 0.5, tilt: 0 });
    await flush();
    for (let i = 1; i <= 10; i++) camera.drive({ pan: i / 10, tilt: 0 });
    await flush();
    expect(transport.written).toEqual(['81 01 06 01 0C 17 02 03 FF']); // first one only
    transport.receive('90 41 FF 90 51 FF');
    await flush();
    expect(transport.written).toEqual(['81 01 06 01 0C 17 02 03 FF', '81 01 06 01 18 17 02 03 FF']); // pan 1.0
    expect(camera.stats()).toEqual({ submitted: 11, replaced: 9, maxQueueDepth: 1 });
  });

  it('maps velocities to directions and speeds, with a dead zone', async () => {
    const camera = await startedCamera();
    const sent: string[] = [];
    for (const v of [
      { pan: -1, tilt: 1 },
      { pan: 0.01, tilt: -0.5 },
      { pan: 0, tilt: 0 },
    ]) {
      camera.drive(v);
      await flush();
      sent.push(transport.written.at(-1)!);
      transport.receive('90 41 FF');
      await flush();
    }
    expect(sent).toEqual(['81 01 06 01 18 17 01 01 FF', '81 01 06 01 18 0C 03 02 FF', '81 01 06 01 18 17 03 03 FF']);
  });

  it('sends Stop at once, ahead of the motion waiting, which is dropped', async () => {
    const camera = await startedCamera();
    camera.drive({ pan: 1, tilt: 0 });
    await flush();
    camera.drive({ pan: -1, tilt: 0 }); // waits behind the first
    const stopped = camera.stop();
    await flush();
    expect(transport.written).toEqual([
      '81 01 06 01 18 17 02 03 FF',
      '81 01 06 01 18 17 03 03 FF',
      '81 01 04 07 00 FF',
    ]);
    transport.receive('90 41 FF 90 42 FF 90 51 FF 90 41 FF');
    await stopped;
    await flush();
    // The left move that waited is never sent.
    expect(transport.written).toHaveLength(3);
  });

  it('drops the motion still waiting its turn behind an inquiry when Stop comes: it never goes out after the Stop', async () => {
    const camera = await startedCamera();
    const position = camera.position(); // the pan/tilt inquiry waits for its answer
    await flush();
    camera.drive({ pan: 1, tilt: 0 }); // handed to the line, queued behind the inquiry
    await flush();
    const stopped = camera.stop();
    await flush();
    expect(transport.written).toEqual(['81 09 06 12 FF', '81 01 06 01 18 17 03 03 FF', '81 01 04 07 00 FF']);
    transport.receive('90 50 00 00 00 00 00 00 00 00 FF 90 41 FF 90 51 FF 90 42 FF 90 52 FF');
    await stopped;
    await flush();
    transport.receive('90 50 00 00 00 00 FF'); // the zoom inquiry that followed
    await expect(position).resolves.toEqual({ pan: 0, tilt: 0, zoom: 0 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.written).toEqual([
      '81 09 06 12 FF',
      '81 01 06 01 18 17 03 03 FF',
      '81 01 04 07 00 FF',
      '81 09 04 47 FF',
    ]);
  });

  it('takes an answer that came while the station was held up, rather than calling it a timeout', async () => {
    answerStartup();
    const camera = createViscaCamera({ transport, ackTimeoutMs: 200, now: () => Date.now() });
    await camera.ready();
    const position = camera.position();
    await flush();
    await vi.advanceTimersByTimeAsync(150);
    vi.setSystemTime(Date.now() + 1_000); // the station's process gets no CPU for a second; the camera answers meanwhile
    await vi.advanceTimersByTimeAsync(50); // timers run first when it wakes up...
    transport.receive('90 50 00 00 00 00 00 00 00 00 FF'); // ...then what came in is read
    await flush();
    transport.receive('90 50 00 00 00 00 FF');
    await expect(position).resolves.toEqual({ pan: 0, tilt: 0, zoom: 0 });
  });

  it('never sends after a link drop a command that was waiting to be retried after buffer full', async () => {
    const camera = await startedCamera();
    const home = camera.home();
    await flush();
    transport.receive('90 60 03 FF'); // buffer full: retried after a frame
    transport.setState('reconnecting', 'unplugged');
    await expect(home).rejects.toMatchObject({ code: 'device_away' });
    transport.written.splice(0);
    transport.setState('connected');
    await camera.ready();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(transport.written).toEqual(['88 30 01 FF', '81 01 00 01 FF']);
  });

  it('waits for the Completion of a preset recall, even a late one', async () => {
    const camera = await startedCamera();
    let done = false;
    const recall = camera.presetRecall(2).then(() => (done = true));
    await flush();
    expect(transport.written).toEqual(['81 01 04 3F 02 02 FF']);
    transport.receive('90 41 FF');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(done).toBe(false);
    transport.receive('90 51 FF');
    await recall;
    expect(done).toBe(true);
  });

  it('retries a command the camera refused with buffer full', async () => {
    const camera = await startedCamera();
    const home = camera.home();
    await flush();
    transport.receive('90 60 03 FF');
    await vi.advanceTimersByTimeAsync(25);
    expect(transport.written).toEqual(['81 01 06 04 FF', '81 01 06 04 FF']);
    transport.receive('90 41 FF 90 51 FF');
    await expect(home).resolves.toBeUndefined();
  });

  it('puts the camera in manual focus before Near, Far and one-push (Sony refuses them under autofocus)', async () => {
    const camera = await startedCamera();
    const mark = transport.written.length;
    const near = camera.focus('near');
    await flush();
    transport.receive('90 41 FF 90 51 FF');
    await flush();
    transport.receive('90 41 FF 90 51 FF');
    await near;
    const auto = camera.focus('auto');
    await flush();
    transport.receive('90 41 FF 90 51 FF');
    await auto;
    expect(transport.written.slice(mark)).toEqual(['81 01 04 38 03 FF', '81 01 04 08 03 FF', '81 01 04 38 02 FF']);
  });

  it('says clearly when the camera cannot do it', async () => {
    const camera = await startedCamera();
    const focus = camera.focus('near');
    await flush();
    transport.receive('90 60 41 FF');
    await expect(focus).rejects.toMatchObject({
      code: 'not_executable',
      message: expect.stringContaining('cannot do this now'),
    });
  });

  it('times out when the camera does not answer, and goes on with the next command', async () => {
    const camera = await startedCamera();
    const home = camera.home().catch((error: unknown) => error);
    const recall = camera.presetRecall(1);
    await flush();
    await vi.advanceTimersByTimeAsync(250);
    expect(await home).toMatchObject({ code: 'timeout' });
    expect(transport.written.at(-1)).toBe('81 01 04 3F 02 01 FF');
    transport.receive('90 41 FF 90 51 FF');
    await expect(recall).resolves.toBeUndefined();
  });

  it('reads the position from the pan/tilt and zoom inquiries', async () => {
    const camera = await startedCamera();
    const position = camera.position();
    await flush();
    transport.receive('90 50 0F 07 02 05 00 01 02 0C FF');
    await flush();
    transport.receive('90 50 04 00 00 00 FF');
    await expect(position).resolves.toEqual({ pan: -2267, tilt: 300, zoom: 0x4000 });
    expect(transport.written).toEqual(['81 09 06 12 FF', '81 09 04 47 FF']);
  });

  it('never replays a command after the link drops and comes back', async () => {
    const camera = await startedCamera();
    camera.drive({ pan: 1, tilt: 0 });
    await flush();
    camera.drive({ pan: 0.5, tilt: 0 }); // waiting
    const recall = camera.presetRecall(3);
    transport.setState('reconnecting', 'unplugged');
    await expect(recall).rejects.toMatchObject({ code: 'device_away' });
    await expect(camera.home()).rejects.toMatchObject({ code: 'device_away' });

    transport.written.splice(0);
    transport.setState('connected');
    await camera.ready();
    await vi.advanceTimersByTimeAsync(1_000);
    // Only the start-up sequence: no drive, no preset recall from before the drop.
    expect(transport.written).toEqual(['88 30 01 FF', '81 01 00 01 FF']);
  });

  it('queues one more start-up for network changes during a start-up, never more', async () => {
    const camera = await startedCamera();
    transport.setState('reconnecting');
    transport.setState('connected');
    // The camera's power-up messages, on the heels of the link: our first bytes may have been lost.
    transport.receive('90 38 FF');
    transport.receive('90 38 FF');
    await camera.ready();
    await flush();
    expect(transport.written).toEqual(['88 30 01 FF', '81 01 00 01 FF', '88 30 01 FF', '81 01 00 01 FF']);
  });

  it('recovers when the first start-up after a replug gets no answer and the camera then announces itself', async () => {
    const camera = createViscaCamera({ transport, ackTimeoutMs: 200 });
    await vi.advanceTimersByTimeAsync(100); // address set sent before the camera listened: lost
    answerStartup();
    transport.receive('90 38 FF'); // the camera is up now, while the first start-up still waits
    await vi.advanceTimersByTimeAsync(300); // the first start-up times out; the queued one runs
    await camera.ready();
    expect(transport.written).toEqual(['88 30 01 FF', '88 30 01 FF', '81 01 00 01 FF']);
  });

  it('re-addresses the chain after a network change message', async () => {
    await startedCamera();
    transport.receive('90 38 FF');
    await flush();
    await flush();
    expect(transport.written).toEqual(['88 30 01 FF', '81 01 00 01 FF']);
  });
});
