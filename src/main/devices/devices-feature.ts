// The devices feature as the station composes it: the devices, the remote steering grant over the
// hub link, and the start-up of the configured devices.
import type { StationPlatform } from '../platform/station-platform';
import type { DeviceSetup } from './device-config';
import { createDeviceService } from './device-service';
import { startStationDevices } from './device-startup';
import { devicesHandlers } from './devices-handlers';
import { createStationSteering, type StationSteeringDeps } from './steering-handlers';

export interface DevicesFeatureDeps {
  self: StationSteeringDeps['self'];
  signedIn: StationSteeringDeps['signedIn'];
  audit: StationSteeringDeps['audit'];
  statusChanged: () => void;
}

export function createDevicesFeature(platform: StationPlatform, deps: DevicesFeatureDeps) {
  const { events, now, logger, hub } = platform;
  const service = createDeviceService({
    onDevicesChanged: (list) => {
      events.emit('devices.changed', list);
      deps.statusChanged();
    },
    onReading: (reading) => events.emit('oximeter.reading', reading),
  });
  const steering = createStationSteering({
    devices: service,
    self: deps.self,
    signedIn: deps.signedIn,
    audit: deps.audit,
    events,
    now,
    logger,
  });
  hub.onLinkChange(() => {
    if (hub.link.state().state !== 'online') steering.hubLost();
  });
  return {
    service,
    steering,
    handlers: { ...devicesHandlers(service), ...steering.handlers },
    /** Sets up the configured (or simulated) devices; none by default (tests). */
    start: (setup: DeviceSetup | undefined, resourcesDir: string | undefined) =>
      startStationDevices({
        setup: setup ?? { mode: 'none' },
        devices: service,
        dataDir: platform.dataDir,
        resourcesDir,
        logger,
        now,
        events,
      }),
  };
}
