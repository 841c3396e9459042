// The Pelco-D driver moves the simulated camera through a real socat pty at 2400 baud.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPelcoDCamera } from '../../../devices/pelco-d/driver';
import { startPelcoDSimulator } from '../../../devices/pelco-d/simulator';
import { openPtyPair } from '../../../devices/transport/pty-pair';
import { createReconnectingTransport } from '../../../devices/transport/reconnecting-transport';
import { openSerialLink } from '../../../devices/transport/serial-link';
import { useTempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait';
import { useCleanups } from '../../helpers/cleanups';

const tempDir = useTempDir();
const cleanup = useCleanups();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rig(answersQueries = true) {
  const dir = tempDir();
  const pair = await openPtyPair(path.join(dir, 'cart'), path.join(dir, 'camera'));
  cleanup(() => pair.close());
  const simulator = await startPelcoDSimulator({ path: pair.simulatorPath, answersQueries });
  cleanup(() => simulator.stop());
  const transport = createReconnectingTransport({
    name: pair.devicePath,
    open: () => openSerialLink({ path: pair.devicePath, baudRate: 2400 }),
  });
  cleanup(() => transport.close());
  await waitFor(() => transport.state() === 'connected', 'link');
  return { camera: createPelcoDCamera({ transport, baudRate: 2400, queryTimeoutMs: 400 }), simulator };
}

describe('Pelco-D camera through a pty', () => {
  it('pans right, stops, stores and recalls a preset, and reads the position back', async () => {
    const { camera, simulator } = await rig();
    camera.drive({ pan: 1, tilt: 0 });
    await sleep(400);
    await camera.stop();
    await sleep(100);
    const stopped = simulator.state().pan;
    expect(stopped).toBeGreaterThan(1000); // about 60 degrees/s
    await sleep(200);
    expect(simulator.state().pan).toBe(stopped);
    expect(await camera.position()).toEqual({ pan: stopped, tilt: 0, zoom: 0 });

    await camera.presetSet(5);
    camera.drive({ pan: 0, tilt: -1 });
    await sleep(300);
    await camera.stop();
    await sleep(100);
    expect(simulator.state().tilt).toBeLessThan(-500);
    await camera.presetRecall(5);
    // No acknowledgement in Pelco-D: the camera is watched until it is back at the preset.
    await waitFor(
      () => simulator.state().tilt === 0 && !simulator.state().moving,
      'the camera back at preset 5',
      3_000,
    );
    expect(simulator.state()).toMatchObject({ pan: stopped, tilt: 0 });
  });

  it('gives a null position when the camera never answers queries', async () => {
    const { camera } = await rig(false);
    await expect(camera.position()).resolves.toBeNull();
  });
});
