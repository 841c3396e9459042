// The VISCA driver over UDP (VISCA over IP, 127.0.0.1) drives the IP camera simulator, losses included.
import { describe, expect, it } from 'vitest';
import { createViscaIpTransport } from '../../../devices/visca-ip/transport';
import { startViscaIpSimulator } from '../../../devices/visca-ip/simulator';
import { createViscaCamera } from '../../../devices/visca/driver';
import type { Transport } from '../../../devices/transport/transport';
import { waitFor } from '../../helpers/wait';
import { useCleanups } from '../../helpers/cleanups';

const cleanup = useCleanups();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rig(dropEvery?: number) {
  const simulator = await startViscaIpSimulator({ dropEvery, seed: 4 });
  cleanup(() => simulator.stop());
  const transport: Transport = createViscaIpTransport({ host: '127.0.0.1', port: simulator.port, retransmitMs: 150 });
  cleanup(() => transport.close());
  const sent: string[] = [];
  const counting: Transport = {
    ...transport,
    name: transport.name,
    state: () => transport.state(),
    write: (b) => (sent.push(Array.from(b).join(',')), transport.write(b)),
  };
  await waitFor(() => transport.state() === 'connected', 'RESET answered');
  const camera = createViscaCamera({ transport: counting, ackTimeoutMs: 2_000 });
  cleanup(() => camera.close());
  await camera.ready();
  return { camera, simulator, sent };
}

describe('VISCA over IP', () => {
  it('pans, stops, stores and recalls a preset, and reads the position', async () => {
    const { camera, simulator } = await rig();
    camera.drive({ pan: 1, tilt: 0 });
    await sleep(300);
    await camera.stop();
    const stopped = simulator.camera.state().pan;
    expect(stopped).toBeGreaterThan(100);
    await camera.presetSet(3);
    await camera.home();
    expect(simulator.camera.state().pan).toBe(0);
    await camera.presetRecall(3);
    expect(simulator.camera.state().pan).toBe(stopped);
    expect(await camera.position()).toEqual({ pan: stopped, tilt: 0, zoom: 0 });
  });

  it('retransmits lost datagrams with the same sequence, and every command runs exactly once', async () => {
    const { camera, simulator, sent } = await rig(3);
    for (const preset of [1, 2, 3, 4, 5, 6]) await camera.presetSet(preset);
    await camera.home();
    await camera.presetRecall(2);
    // Each command the driver sent ran once on the camera, though a third of the datagrams were lost.
    await waitFor(() => simulator.executed() >= sent.length, 'all commands to run', 3_000);
    expect(simulator.executed()).toBe(sent.length);
    // And losses really happened: more datagrams arrived than commands were sent (RESET aside).
    expect(simulator.datagrams()).toBeGreaterThan(sent.length + 1);
  });
});
