// The devices feature's public face: the station's devices, their start-up and the remote steering
// grant. What the composition (station.ts) and the other features may import from it; the rest of the
// folder is the feature's own (lint: relais/boundaries).
export { loadDeviceSetup } from './device-config';
export type { DeviceSetup } from './device-config';
export { createDeviceService } from './device-service';
export { startStationDevices } from './device-startup';
export type { SteeringAudit } from './steering-grant';
export { createStationSteering } from './steering-handlers';
export { devicesHandlers } from './devices-handlers';
export { createDevicesFeature } from './devices-feature';
