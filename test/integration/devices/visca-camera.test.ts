// The VISCA driver drives the simulated camera through a real socat pty pair at 9600 baud.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../../devices/transport/pty-pair';
import { createReconnectingTransport } from '../../../devices/transport/reconnecting-transport';
import { openSerialLink } from '../../../devices/transport/serial-link';
import { createViscaCamera } from '../../../devices/visca/driver';
import { startViscaSimulator, type ViscaSimulator } from '../../../devices/visca/simulator';
import { useTempDir } from '../../helpers/temp-dir';
import { waitFor } from '../../helpers/wait';
import { useCleanups } from '../../helpers/cleanups';

const tempDir = useTempDir();
const cleanup = useCleanups();

async function rig() {
  const dir = tempDir();
  const cablePaths = [path.join(dir, 'cart'), path.join(dir, 'camera')] as const;
  const pair: { current: PtyPair } = { current: await openPtyPair(...cablePaths) };
  cleanup(() => pair.current.close());
  const simulator: { current: ViscaSimulator } = {
    current: await startViscaSimulator({ path: pair.current.simulatorPath, seed: 7 }),
  };
  cleanup(() => simulator.current.stop());
  const transport = createReconnectingTransport({
    name: pair.current.devicePath,
    open: () => openSerialLink({ path: pair.current.devicePath, baudRate: 9600 }),
    initialDelayMs: 20,
    maxDelayMs: 100,
  });
  cleanup(() => transport.close());
  // Generous first-reply timeout: these tests are about motion and reconnection, and CI machines are loaded.
  const camera = createViscaCamera({ transport, ackTimeoutMs: 2_000, completionTimeoutMs: 10_000 });
  cleanup(() => camera.close());
  await waitFor(() => transport.state() === 'connected', 'serial link');
  await camera.ready();
  return { camera, transport, simulator, pair, cablePaths };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('VISCA camera through a pty', () => {
  it('pans right, stops, and reads back where it stopped', async () => {
    const { camera, simulator } = await rig();
    camera.drive({ pan: 1, tilt: 0 });
    await sleep(300);
    await camera.stop();
    await sleep(100);
    const stopped = simulator.current.state().pan;
    expect(stopped).toBeGreaterThan(100);
    await sleep(200);
    expect(simulator.current.state().pan).toBe(stopped); // it stays stopped
    const position = await camera.position();
    expect(position).toEqual({ pan: stopped, tilt: 0, zoom: 0 });
  });

  it('stores a preset, moves away, and comes back to it on recall', async () => {
    const { camera, simulator } = await rig();
    await camera.moveTo({ pan: 800, tilt: 300 });
    await camera.zoomTo(0x2000);
    await camera.presetSet(2);
    await camera.home();
    expect(simulator.current.state()).toMatchObject({ pan: 0, tilt: 0 });
    await camera.presetRecall(2); // resolves on the Completion, when the move has ended
    expect(simulator.current.state()).toMatchObject({ pan: 800, tilt: 300, zoom: 0x2000 });
    expect(await camera.position()).toEqual({ pan: 800, tilt: 300, zoom: 0x2000 });
  });

  it('reports an unplug mid-move, reconnects by itself, and replays nothing', async () => {
    const { camera, transport, simulator, pair, cablePaths } = await rig();
    const recall = camera.moveTo({ pan: 2000, tilt: 0 }, 0.2).catch((error: unknown) => error);
    await sleep(200);
    await simulator.current.stop();
    await pair.current.close(); // the cable is pulled mid-move
    await waitFor(() => transport.state() === 'reconnecting', 'reconnecting');
    expect(await recall).toMatchObject({ code: 'device_away' });
    await expect(camera.home()).rejects.toMatchObject({ code: 'device_away' });

    // Plugged back: a fresh camera at rest on the same cable.
    pair.current = await openPtyPair(...cablePaths);
    simulator.current = await startViscaSimulator({ path: pair.current.simulatorPath, seed: 8 });
    await waitFor(() => transport.state() === 'connected', 'connected again', 5_000);
    await camera.ready();
    await sleep(300);
    const commands = simulator.current.received.map((r) =>
      r.bytes.map((b) => b.toString(16).padStart(2, '0')).join(' '),
    );
    // Start-up only, the move was not replayed. (Start-up may run twice: if the camera's power-up
    // message arrives after the first one ended, re-addressing the chain is the right answer.)
    expect(commands.length).toBeGreaterThanOrEqual(2);
    expect(new Set(commands)).toEqual(new Set(['88 30 01 ff', '81 01 00 01 ff']));
    expect(simulator.current.state()).toMatchObject({ pan: 0, moving: false });
    await camera.presetSet(1); // and it works again
  });
});
