// Replies nobody asked for (a second controller on the VISCA chain, a camera reporting on its
// own, late Completions) are logged once per burst, not once each (issue 17, point 8): the driver
// on a real socat pty, the simulated camera at the far end, and a burst of stray replies written
// on the camera's side of the cable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPtyPair } from '../../../devices/transport/pty-pair';
import { createReconnectingTransport } from '../../../devices/transport/reconnecting-transport';
import { openSerialLink } from '../../../devices/transport/serial-link';
import { createViscaCamera } from '../../../devices/visca/driver';
import { startViscaSimulator } from '../../../devices/visca/simulator';
import { useCleanups } from '../../helpers/cleanups';
import { useTempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait';

const tempDir = useTempDir();
const cleanup = useCleanups();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const QUIET_MS = 1_000; // wide enough that a loaded machine does not split one burst in two

describe('unsolicited VISCA replies', () => {
  it('are logged once per burst, with how many came, and the camera still answers', async () => {
    const dir = tempDir();
    const pair = await openPtyPair(path.join(dir, 'cart'), path.join(dir, 'camera'));
    cleanup(() => pair.close());
    // The camera's end of the cable, shared by the simulator and the stray replies below.
    const cameraEnd = createReconnectingTransport({
      name: 'camera end',
      open: () => openSerialLink({ path: pair.simulatorPath, baudRate: 9600 }),
      initialDelayMs: 20,
      maxDelayMs: 100,
    });
    cleanup(() => cameraEnd.close());
    const simulator = await startViscaSimulator({ transport: cameraEnd, seed: 5 });
    cleanup(() => simulator.stop());
    const transport = createReconnectingTransport({
      name: pair.devicePath,
      open: () => openSerialLink({ path: pair.devicePath, baudRate: 9600 }),
      initialDelayMs: 20,
      maxDelayMs: 100,
    });
    cleanup(() => transport.close());
    const logs: { event: string; detail?: Record<string, unknown> }[] = [];
    const camera = createViscaCamera({
      transport,
      ackTimeoutMs: 2_000,
      unsolicitedQuietMs: QUIET_MS,
      onLog: (event, detail) => logs.push({ event, detail }),
    });
    cleanup(() => camera.close());
    await waitFor(
      () => transport.state() === 'connected' && cameraEnd.state() === 'connected',
      'both ends of the cable',
    );
    await camera.ready();
    await camera.position(); // set up: from here on, nothing is waiting for a reply
    const stray = () => logs.filter((l) => l.event.startsWith('visca.unmatched'));

    // 150 Completions on socket 1 (no command runs there), in a few writes: one burst.
    for (let i = 0; i < 5; i++) {
      await cameraEnd.write(Uint8Array.from(Array.from({ length: 30 }, () => [0x90, 0x51, 0xff]).flat()));
      await sleep(20);
    }
    await waitFor(() => stray().length > 0, 'the first stray reply logged');
    await sleep(QUIET_MS + 300);
    expect(stray()).toEqual([
      { event: 'visca.unmatched_reply', detail: { reply: { type: 'completion', from: 1, socket: 1, data: [] } } },
      { event: 'visca.unmatched_replies', detail: { count: 150, quietMs: QUIET_MS } },
    ]);

    // The camera still answers, and a later single stray reply is a burst of its own: one line.
    expect(await camera.position()).toEqual({ pan: 0, tilt: 0, zoom: 0 });
    await cameraEnd.write(Uint8Array.from([0x90, 0x41, 0xff]));
    await sleep(QUIET_MS + 300);
    expect(stray().slice(2)).toEqual([
      { event: 'visca.unmatched_reply', detail: { reply: { type: 'ack', from: 1, socket: 1 } } },
    ]);
  });
});
