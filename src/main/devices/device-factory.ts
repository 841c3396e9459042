// Builds drivers from the technician's device configuration.
import type { PtzCamera } from '../../../devices/camera/ptz-camera';
import { SERIAL_SETTINGS } from '../../../devices/cms50d/codec';
import { createCms50dDriver } from '../../../devices/cms50d/driver';
import { createPelcoDCamera } from '../../../devices/pelco-d/driver';
import { createReconnectingTransport, type Link } from '../../../devices/transport/reconnecting-transport';
import { openSerialLink } from '../../../devices/transport/serial-link';
import { openTcpLink } from '../../../devices/transport/tcp-link';
import type { Transport } from '../../../devices/transport/transport';
import { createViscaIpTransport } from '../../../devices/visca-ip/transport';
import { createViscaCamera } from '../../../devices/visca/driver';
import { DEFAULT_CAMERA_PRESETS } from '../../shared/devices/devices';
import type { Logger } from '../platform/logger';
import type { DeviceConfig } from './device-config';
import type { ManagedCamera, ManagedOximeter } from './device-service';
import { openOmronMonitor, type ManagedBloodPressure } from './blood-pressure-monitor';

export type ManagedDevice =
  | { kind: 'camera'; device: ManagedCamera }
  | { kind: 'oximeter'; device: ManagedOximeter }
  | { kind: 'blood_pressure'; device: ManagedBloodPressure };

type CameraConfig = Extract<DeviceConfig, { kind: 'camera' }>;

/** The simulated camera's cable is two ptys joined by socat, a process of its own: on a loaded
 * machine each way waits for it to be scheduled (up to 0.7 s measured under the call e2e with
 * the load at 16 on 2 cores), which a real serial line, all in the kernel, never does. A real
 * camera keeps the driver's 500 ms. */
const SIMULATED_CABLE_ACK_TIMEOUT_MS = 2_000;

export function createManagedDevice(config: DeviceConfig, logger: Logger, simulated = false): ManagedDevice {
  const log = (event: string, detail?: Record<string, unknown>) => logger.info(event, { device: config.id, ...detail });
  const linked = (name: string, open: () => Promise<Link>) => {
    const transport = createReconnectingTransport({ name, open });
    transport.onState((state, detail) => log('device.link', { state, detail }));
    return transport;
  };
  const camera = (transport: Transport, driver: PtzCamera, location: string, c: CameraConfig): ManagedDevice => ({
    kind: 'camera',
    device: {
      info: {
        id: c.id,
        kind: 'camera',
        label: c.label,
        protocol: c.protocol,
        location,
        simulated,
        presets: c.presets ?? [...DEFAULT_CAMERA_PRESETS],
      },
      camera: driver,
      transport,
      async close() {
        await driver.close();
        await transport.close();
      },
    },
  });

  switch (config.protocol) {
    case 'visca': {
      const transport = linked(config.path, () => openSerialLink({ path: config.path, baudRate: config.baudRate }));
      const ack = simulated ? { ackTimeoutMs: SIMULATED_CABLE_ACK_TIMEOUT_MS } : {};
      return camera(
        transport,
        createViscaCamera({ transport, address: config.address, onLog: log, ...ack }),
        config.path,
        config,
      );
    }
    case 'visca-tcp': {
      const transport = linked(`tcp ${config.host}:${config.port}`, () =>
        openTcpLink({ host: config.host, port: config.port }),
      );
      return camera(transport, createViscaCamera({ transport, onLog: log }), `${config.host}:${config.port}`, config);
    }
    case 'visca-ip': {
      const transport = createViscaIpTransport({
        host: config.host,
        port: config.port,
        header: config.header,
        onLog: log,
      });
      transport.onState((state, detail) => log('device.link', { state, detail }));
      return camera(transport, createViscaCamera({ transport, onLog: log }), `${config.host}:${config.port}`, config);
    }
    case 'pelco-d': {
      const transport = linked(config.path, () => openSerialLink({ path: config.path, baudRate: config.baudRate }));
      return camera(
        transport,
        createPelcoDCamera({ transport, address: config.address, baudRate: config.baudRate }),
        config.path,
        config,
      );
    }
    case 'cms50d': {
      const { baudRate, parity } = SERIAL_SETTINGS[config.generation];
      const transport = linked(config.path, () => openSerialLink({ path: config.path, baudRate, parity }));
      const driver = createCms50dDriver({ transport, generation: config.generation });
      return {
        kind: 'oximeter',
        device: {
          info: {
            id: config.id,
            kind: 'oximeter',
            label: config.label,
            protocol: `cms50d-${config.generation}`,
            location: config.path,
            simulated,
          },
          transport,
          onSample: driver.onSample,
          async close() {
            await driver.close();
            await transport.close();
          },
        },
      };
    }
    case 'omron-hem790it':
      return { kind: 'blood_pressure', device: openOmronMonitor(config.id, config.label, config.path) };
    default: {
      // Every protocol of devices.json is handled above; a new one fails the typecheck here.
      const unhandled: never = config;
      throw new Error(`Unknown device protocol in ${JSON.stringify(unhandled)}`);
    }
  }
}
