// Builds drivers from the technician's device configuration.
import { DEFAULT_CAMERA_PRESETS } from '../../shared/devices';
import { createReconnectingTransport } from '../../../devices/transport/reconnecting-transport';
import { openSerialLink } from '../../../devices/transport/serial-link';
import { createCms50dDriver } from '../../../devices/cms50d/driver';
import { SERIAL_SETTINGS } from '../../../devices/cms50d/codec';
import { createPelcoDCamera } from '../../../devices/pelco-d/driver';
import { createViscaIpTransport } from '../../../devices/visca-ip/transport';
import { createViscaCamera } from '../../../devices/visca/driver';
import type { Logger } from '../logger';
import type { DeviceConfig } from './device-config';
import type { ManagedCamera, ManagedOximeter } from './device-service';

export type ManagedDevice = { kind: 'camera'; device: ManagedCamera } | { kind: 'oximeter'; device: ManagedOximeter };

export function createManagedDevice(config: DeviceConfig, logger: Logger, simulated = false): ManagedDevice {
  const log = (event: string, detail?: Record<string, unknown>) => logger.info(event, { device: config.id, ...detail });
  switch (config.protocol) {
    case 'visca': {
      const transport = createReconnectingTransport({ name: config.path, open: () => openSerialLink({ path: config.path, baudRate: config.baudRate }) });
      transport.onState((state, detail) => log('device.link', { state, detail }));
      const camera = createViscaCamera({ transport, address: config.address, onLog: log });
      return {
        kind: 'camera',
        device: {
          info: { id: config.id, kind: 'camera', label: config.label, protocol: 'visca', location: config.path, simulated, presets: config.presets ?? [...DEFAULT_CAMERA_PRESETS] },
          camera,
          transport,
          async close() {
            await camera.close();
            await transport.close();
          },
        },
      };
    }
    case 'visca-ip': {
      const transport = createViscaIpTransport({ host: config.host, port: config.port, header: config.header, onLog: log });
      transport.onState((state, detail) => log('device.link', { state, detail }));
      const camera = createViscaCamera({ transport, address: 1, onLog: log });
      return {
        kind: 'camera',
        device: {
          info: { id: config.id, kind: 'camera', label: config.label, protocol: 'visca-ip', location: `${config.host}:${config.port}`, simulated, presets: config.presets ?? [...DEFAULT_CAMERA_PRESETS] },
          camera,
          transport,
          async close() {
            await camera.close();
            await transport.close();
          },
        },
      };
    }
    case 'pelco-d': {
      const transport = createReconnectingTransport({ name: config.path, open: () => openSerialLink({ path: config.path, baudRate: config.baudRate }) });
      transport.onState((state, detail) => log('device.link', { state, detail }));
      const camera = createPelcoDCamera({ transport, address: config.address, baudRate: config.baudRate });
      return {
        kind: 'camera',
        device: {
          info: { id: config.id, kind: 'camera', label: config.label, protocol: 'pelco-d', location: config.path, simulated, presets: config.presets ?? [...DEFAULT_CAMERA_PRESETS] },
          camera,
          transport,
          async close() {
            await camera.close();
            await transport.close();
          },
        },
      };
    }
    case 'cms50d': {
      const settings = SERIAL_SETTINGS[config.generation];
      const transport = createReconnectingTransport({ name: config.path, open: () => openSerialLink({ path: config.path, baudRate: settings.baudRate, parity: settings.parity }) });
      transport.onState((state, detail) => log('device.link', { state, detail }));
      const driver = createCms50dDriver({ transport, generation: config.generation });
      return {
        kind: 'oximeter',
        device: {
          info: { id: config.id, kind: 'oximeter', label: config.label, protocol: `cms50d-${config.generation}`, location: config.path, simulated },
          transport,
          onSample: driver.onSample,
          async close() {
            await driver.close();
            await transport.close();
          },
        },
      };
    }
    default: {
      // Every protocol of devices.json is handled above; a new one fails the typecheck here.
      const unhandled: never = config;
      throw new Error(`Unknown device protocol in ${JSON.stringify(unhandled)}`);
    }
  }
}
