// Click-to-center through the real station (issue 19, point 3): the `camera.center` channel of the
// contract dispatch points the attached camera with that camera's own optics, for a VISCA camera
// (Sony EVI-D70 figures) and for a Pelco-D one (its own model: hundredths of a degree, a pan that
// turns without end), each a simulator at the far end of a socat pty pair.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PELCO_D_GENERIC_OPTICS } from '../../devices/pelco-d/optics';
import { startPelcoDSimulator } from '../../devices/pelco-d/simulator';
import { openPtyPair } from '../../devices/transport/pty-pair';
import { SONY_EVI_D70_OPTICS } from '../../devices/visca/optics';
import { startViscaSimulator } from '../../devices/visca/simulator';
import type { DeviceConfig } from '../../src/main/devices/device-config';
import { openStation } from '../helpers/station';
import { useCleanups } from '../helpers/cleanups';
import { useTempDir } from '../helpers/temp-dir';
import { waitFor } from '../helpers/wait';

const tempDir = useTempDir();
const cleanup = useCleanups();
const local = { kind: 'local' as const };

/** A station whose only camera is `camera` at the far end of a pty pair. */
async function stationWith(camera: (devicePath: string) => DeviceConfig) {
  const dir = tempDir();
  const pair = await openPtyPair(path.join(dir, 'cart-camera'), path.join(dir, 'camera'));
  cleanup(() => pair.close());
  const station = openStation(tempDir(), undefined, {
    devices: { mode: 'configured', devices: [camera(pair.devicePath)] },
  });
  cleanup(() => station.close());
  return { station, simulatorPath: pair.simulatorPath };
}

async function connected(station: ReturnType<typeof openStation>): Promise<void> {
  await station.devicesReady;
  const up = async () =>
    (await station.value('devices.list', {})).some((d) => d.kind === 'camera' && d.state === 'connected');
  for (let i = 0; i < 1500 && !(await up()); i++) await new Promise((r) => setTimeout(r, 10));
}

/** Half the wide field of view, in the model's units: where a click on the right edge sends it. */
const halfWide = (optics: typeof SONY_EVI_D70_OPTICS) => Math.round((optics.hfovWideDeg / 2) * optics.panUnitsPerDeg);

describe('click-to-center uses the attached camera’s own model', () => {
  it('VISCA: a click on the right edge turns an EVI-D70 by half its wide field of view, in VISCA units', async () => {
    const { station, simulatorPath } = await stationWith((p) => ({
      id: 'camera',
      label: 'Caméra',
      kind: 'camera',
      protocol: 'visca',
      path: p,
      baudRate: 9600,
      address: 1,
    }));
    const simulator = await startViscaSimulator({ path: simulatorPath, seed: 7 });
    cleanup(() => simulator.stop());
    await connected(station);
    await station.value('camera.position', {}); // the driver has set the camera up

    const answer = await station.value('camera.center', { x: 1, y: 0, origin: local });
    expect(answer).toEqual({ pan: halfWide(SONY_EVI_D70_OPTICS), tilt: 0, model: SONY_EVI_D70_OPTICS.model });
    expect(answer.pan).toBe(325); // 24.4 deg at 0.075 deg a unit
    expect(simulator.state()).toMatchObject({ pan: 325, tilt: 0 });

    // Zoomed in to the tele end, the same click turns by half of 2.7 deg only.
    await station.value('camera.command', {
      command: { type: 'zoom_to', zoom: SONY_EVI_D70_OPTICS.zoomMax },
      origin: local,
    });
    const tele = await station.value('camera.center', { x: 1, y: 0, origin: local });
    expect(tele.pan).toBe(325 + Math.round(1.35 / 0.075));
  });

  it('Pelco-D: the same click turns by its own wide field of view, in hundredths of a degree, and wraps past 0', async () => {
    const { station, simulatorPath } = await stationWith((p) => ({
      id: 'camera',
      label: 'Caméra',
      kind: 'camera',
      protocol: 'pelco-d',
      path: p,
      baudRate: 2400,
      address: 1,
    }));
    const simulator = await startPelcoDSimulator({ path: simulatorPath });
    cleanup(() => simulator.stop());
    await connected(station);

    const answer = await station.value('camera.center', { x: 1, y: 0, origin: local });
    // Not the EVI-D70's 325 VISCA units: 27.5 deg (half of 55) as the Pelco-D model declares it.
    expect(answer).toEqual({ pan: halfWide(PELCO_D_GENERIC_OPTICS), tilt: 0, model: PELCO_D_GENERIC_OPTICS.model });
    expect(answer.pan).toBe(2750);
    await waitFor(
      () => simulator.state().pan === 2750 && !simulator.state().moving,
      'the Pelco-D camera at 27.5 deg',
      5_000,
    );

    // A click low on the left edge: back to pan 0, and the tilt goes down (below the horizon).
    const back = await station.value('camera.center', { x: -1, y: -1, origin: local });
    expect(back.pan).toBe(0);
    expect(back.tilt).toBeLessThan(-1000);
    await waitFor(() => !simulator.state().moving, 'the Pelco-D camera settled', 5_000);
    expect(simulator.state()).toMatchObject({ pan: 0, tilt: back.tilt });
    // Once more to the left: the head turns on past 0, to 332.5 deg, not against a limit.
    const past = await station.value('camera.center', { x: -1, y: 0, origin: local });
    expect(past.pan).toBe(36000 - 2750);
    await waitFor(
      () => simulator.state().pan === 36000 - 2750 && !simulator.state().moving,
      'the Pelco-D camera at 332.5 deg',
      5_000,
    );
  });

  it('Pelco-D that never answers position queries: refused with what to do, and the camera does not move', async () => {
    const { station, simulatorPath } = await stationWith((p) => ({
      id: 'camera',
      label: 'Caméra',
      kind: 'camera',
      protocol: 'pelco-d',
      path: p,
      baudRate: 2400,
      address: 1,
    }));
    const simulator = await startPelcoDSimulator({ path: simulatorPath, answersQueries: false });
    cleanup(() => simulator.stop());
    await connected(station);
    const refused = await station.call('camera.center', { x: 1, y: 0, origin: local });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'device_refused', message: expect.stringContaining('steer it with the pad') },
    });
    expect(simulator.state()).toMatchObject({ pan: 0, tilt: 0, moving: false });
  });
});
