// The station's embedded defaults: simulated devices on virtual serial cables (socat), so that
// the camera and the measurements can be tried without a cart. They speak the real protocols.
import fs from 'node:fs';
import path from 'node:path';
import { openPtyPair, type PtyPair } from '../../../devices/transport/pty-pair';
import { startCms50dSimulator } from '../../../devices/cms50d/simulator';
import { startViscaSimulator } from '../../../devices/visca/simulator';
import type { DeviceConfig } from './device-config';

export interface SimulatedDevices {
  configs: DeviceConfig[];
  stop(): Promise<void>;
}

export async function startSimulatedDevices(dataDir: string): Promise<SimulatedDevices> {
  const runDir = path.join(dataDir, 'run');
  fs.mkdirSync(runDir, { recursive: true, mode: 0o700 });
  const stops: (() => Promise<void>)[] = [];
  const configs: DeviceConfig[] = [];
  try {
    const cameraCable: PtyPair = await openPtyPair(path.join(runDir, 'camera-cart'), path.join(runDir, 'camera-sim'));
    stops.push(() => cameraCable.close());
    const camera = await startViscaSimulator({ path: cameraCable.simulatorPath });
    stops.push(() => camera.stop());
    configs.push({
      id: 'camera-1',
      kind: 'camera',
      protocol: 'visca',
      label: 'Caméra de la salle (simulée, VISCA)',
      path: cameraCable.devicePath,
      baudRate: 9600,
      address: 1,
    });
    const oximeterCable = await openPtyPair(path.join(runDir, 'oximeter-cart'), path.join(runDir, 'oximeter-sim'));
    stops.push(() => oximeterCable.close());
    const oximeter = await startCms50dSimulator({ path: oximeterCable.simulatorPath, generation: 'v2' });
    stops.push(() => oximeter.stop());
    configs.push({
      id: 'oximeter-1',
      kind: 'oximeter',
      protocol: 'cms50d',
      label: 'Oxymètre de pouls (simulé, CMS50D+)',
      path: oximeterCable.devicePath,
      generation: 'v2',
    });
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    throw error;
  }
  return {
    configs,
    async stop() {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
