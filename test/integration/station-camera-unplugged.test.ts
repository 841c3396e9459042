// A camera whose cable is cut, through the station's contract (issue 17, point 8): a motion
// (`drive`, `zoom`) is refused as `device_unavailable`, like a preset, instead of being answered
// `accepted` and dropped; once the cable is back, the same motion moves the camera again.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPtyPair, type PtyPair } from '../../devices/transport/pty-pair';
import { startViscaSimulator, type ViscaSimulator } from '../../devices/visca/simulator';
import { openStation } from '../helpers/station';
import { useCleanups } from '../helpers/cleanups';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const cleanup = useCleanups();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const local = { kind: 'local' as const };
/** Asks until the answer comes (the device list is read through the contract, asynchronously). */
async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
const UNAVAILABLE = {
  ok: false,
  error: { code: 'device_unavailable', message: expect.stringContaining('Check the cable') },
};

describe('a camera with its cable cut', () => {
  it('refuses drive and zoom as device_unavailable, like a preset, and moves again once plugged back', async () => {
    const dir = tempDir();
    const cable = [path.join(dir, 'cart-camera'), path.join(dir, 'camera')] as const;
    const pair: { current: PtyPair } = { current: await openPtyPair(...cable) };
    cleanup(() => pair.current.close());
    const simulator: { current: ViscaSimulator } = {
      current: await startViscaSimulator({ path: pair.current.simulatorPath, seed: 3 }),
    };
    cleanup(() => simulator.current.stop());
    const visca = {
      id: 'camera',
      label: 'Caméra du chariot',
      kind: 'camera' as const,
      protocol: 'visca' as const,
      baudRate: 9600,
      address: 1,
    };
    const station = openStation(tempDir(), undefined, {
      devices: { mode: 'configured', devices: [{ ...visca, path: pair.current.devicePath }] },
    });
    cleanup(() => station.close());
    await station.devicesReady;
    const cameraState = async () => (await station.value('devices.list', {})).find((d) => d.kind === 'camera')?.state;
    await until(async () => (await cameraState()) === 'connected', 'camera connected');
    await station.value('camera.position', {}); // the driver has set the camera up

    await simulator.current.stop();
    await pair.current.close(); // the cable is cut
    await until(async () => (await cameraState()) !== 'connected', 'camera seen unplugged');
    expect(
      await station.call('camera.command', { command: { type: 'preset_recall', preset: 1 }, origin: local }),
    ).toMatchObject(UNAVAILABLE);
    expect(
      await station.call('camera.command', { command: { type: 'drive', pan: 1, tilt: 0 }, origin: local }),
    ).toMatchObject(UNAVAILABLE);
    expect(
      await station.call('camera.command', { command: { type: 'zoom', speed: 0.5 }, origin: local }),
    ).toMatchObject(UNAVAILABLE);

    // Plugged back: a fresh camera on the same cable, and the same motion moves it.
    pair.current = await openPtyPair(...cable);
    simulator.current = await startViscaSimulator({ path: pair.current.simulatorPath, seed: 4 });
    await until(async () => (await cameraState()) === 'connected', 'camera connected again');
    await station.value('camera.position', {});
    expect(
      await station.value('camera.command', { command: { type: 'drive', pan: 1, tilt: 0 }, origin: local }),
    ).toEqual({ accepted: true });
    await until(() => simulator.current.state().pan > 0, 'the camera pans');
    await station.value('camera.command', { command: { type: 'stop' }, origin: local });
    await sleep(50);
  }, 60_000); // a loaded machine: the serial link's retries back off to 5 s while the cable is out
});
