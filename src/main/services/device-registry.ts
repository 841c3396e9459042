// The devices the station knows and their link state. Drivers register here (devices/ issue);
// until a driver is configured the list is honestly empty.
import type { z } from 'zod';
import type { DeviceStatusSchema } from '../../shared/station';

export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

export interface DeviceRegistry {
  list(): DeviceStatus[];
  set(status: DeviceStatus): void;
  remove(id: string): void;
}

export function createDeviceRegistry(onChange: () => void): DeviceRegistry {
  const devices = new Map<string, DeviceStatus>();
  return {
    list: () => [...devices.values()],
    set(status) {
      devices.set(status.id, status);
      onChange();
    },
    remove(id) {
      if (devices.delete(id)) onChange();
    },
  };
}
