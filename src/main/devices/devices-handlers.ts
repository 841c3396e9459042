// The devices' contract handlers: the list for the home screen, the camera's position and the
// blood pressure monitor's readings. Camera commands go through the steering grant (steering-handlers.ts).
import type { Handlers } from '../../shared/contract';
import type { DeviceService } from './device-service';

export const devicesHandlers = (devices: DeviceService): Partial<Handlers> => ({
  'devices.list': () => devices.list(),
  'camera.position': ({ deviceId }) => devices.cameraPosition(deviceId),
  'bloodPressure.latest': ({ deviceId }) => devices.bloodPressureLatest(deviceId),
  'bloodPressure.simulateMeasurement': ({ deviceId }) => devices.simulateBloodPressure(deviceId),
});
