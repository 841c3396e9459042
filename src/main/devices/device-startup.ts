// Starts the station's devices: the plug watcher (USB serial and HID, with the profiles that
// name them), HID peripherals as they are plugged, and the configured or simulated devices.
// Device errors are logged, never fatal: a cart with a broken camera still makes calls.
import fs from 'node:fs';
import path from 'node:path';
import { createDeviceWatcher, ProfilesFileSchema } from '../../../devices/registry';
import { listAllPorts } from '../../../devices/transport/port-listing';
import type { Logger } from '../platform/logger';
import { appResourcesDir } from '../platform/app-resources';
import { simulatedOmronMonitor } from './blood-pressure-monitor';
import type { DeviceSetup } from './device-config';
import { createManagedDevice } from './device-factory';
import type { DeviceService } from './device-service';
import { loadHidProfiles, matchHidProfile, startHidPeripheral } from './hid-peripherals';
import { startSimulatedDevices, type SimulatedDevices } from './simulated-devices';
import type { StationEvents } from '../platform/station-events';

export interface DeviceStartupDeps {
  setup: DeviceSetup;
  devices: DeviceService;
  dataDir: string;
  /** Where device profiles live; resources/ beside the app by default. */
  resourcesDir?: string;
  logger: Logger;
  now: () => Date;
  events: StationEvents;
}

function loadProfiles(resourcesDir: string, logger: Logger) {
  const file = path.join(resourcesDir, 'devices', 'usb-profiles.json');
  try {
    return ProfilesFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).profiles;
  } catch (error) {
    logger.error('device.profiles_unreadable', { file, error: (error as Error).message });
    return [];
  }
}

// Without its HID profiles a dermatoscope's button or a stethoscope's filter would do nothing
// without a word: said in the log, as for the USB profiles.
function loadHidProfilesLogged(resourcesDir: string, logger: Logger) {
  const dir = path.join(resourcesDir, 'devices', 'hid');
  if (!fs.existsSync(dir)) {
    logger.error('device.hid_profiles_missing', {
      dir,
      text: 'The HID device profiles are missing: reinstall Relais (the package is incomplete).',
    });
    return [];
  }
  try {
    return loadHidProfiles(resourcesDir);
  } catch (error) {
    logger.error('device.hid_profiles_unreadable', { dir, error: (error as Error).message });
    return [];
  }
}

export function startStationDevices(deps: DeviceStartupDeps): { ready: Promise<void>; stop(): Promise<void> } {
  const { setup, devices, logger, events, now } = deps;
  let simulated: SimulatedDevices | null = null;
  let watcher: ReturnType<typeof createDeviceWatcher> | null = null;

  async function start(): Promise<void> {
    if (setup.mode === 'none') return;
    // Resolved only here: the crash test runs the station from source as an ES module, with no
    // __dirname, and without devices.
    const resourcesDir = deps.resourcesDir ?? appResourcesDir(__dirname);
    const hidProfiles = loadHidProfilesLogged(resourcesDir, logger);
    const usbProfiles = loadProfiles(resourcesDir, logger);
    logger.info('device.profiles_loaded', { dir: resourcesDir, usb: usbProfiles.length, hid: hidProfiles.length });
    watcher = createDeviceWatcher({
      list: listAllPorts,
      profiles: usbProfiles,
      onChange: ({ added, removed, present }) => {
        for (const d of added)
          logger.info('device.plugged', {
            bus: d.port.bus,
            path: d.port.path,
            // A port without USB ids (a built-in serial port) says so, not "undefined:undefined".
            usb: d.port.vendorId && d.port.productId ? `${d.port.vendorId}:${d.port.productId}` : null,
            profile: d.profile?.id ?? null,
          });
        for (const d of removed) logger.info('device.unplugged', { bus: d.port.bus, path: d.port.path });
        // A HID peripheral with a profile starts at once; its transport follows later unplugs.
        for (const d of added) {
          const profile = matchHidProfile(d.port, hidProfiles);
          if (!profile || devices.hasPeripheral(`hid:${profile.id}:${d.port.path}`)) continue;
          try {
            devices.addPeripheral(
              startHidPeripheral(d.port, profile, {
                onEvent: (deviceId, event) =>
                  events.emit('peripheral.event', { deviceId, ...event, at: now().toISOString() }),
              }),
            );
          } catch (error) {
            logger.error('device.hid_failed', { path: d.port.path, error: (error as Error).message });
          }
        }
        devices.setDetected(present.filter((d) => !matchHidProfile(d.port, hidProfiles)));
      },
      onError: (error) => logger.warn('device.listing_failed', { error: error.message }),
    });
    void watcher.start();
    const configs =
      setup.mode === 'simulated' ? (simulated = await startSimulatedDevices(deps.dataDir)).configs : setup.devices;
    // HID has no pty to simulate it on: the simulated monitor sits behind the driver's link.
    if (setup.mode === 'simulated') devices.addBloodPressure(simulatedOmronMonitor());
    for (const config of configs) {
      try {
        const managed = createManagedDevice(config, logger, setup.mode === 'simulated');
        if (managed.kind === 'camera') devices.addCamera(managed.device);
        else if (managed.kind === 'oximeter') devices.addOximeter(managed.device);
        else devices.addBloodPressure(managed.device);
      } catch (error) {
        logger.error('device.setup_failed', { device: config.id, error: (error as Error).message });
      }
    }
  }

  const ready = start().catch((error: unknown) =>
    logger.error('devices.setup_failed', { error: (error as Error).message }),
  );
  return {
    ready,
    async stop() {
      watcher?.stop();
      await ready;
      await devices.close();
      await simulated?.stop();
    },
  };
}
