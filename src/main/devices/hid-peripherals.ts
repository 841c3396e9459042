// HID peripherals in the station: a plugged-in device matching a HID profile gets its driver
// started; its button presses (a dermatoscope's capture) reach the page as events.
import fs from 'node:fs';
import path from 'node:path';
import { createHidPeripheralDriver, type HidEvent } from '../../../devices/hid/driver';
import { readReportDescriptor, openHidLink } from '../../../devices/hid/hid-link';
import { HidProfileSchema, type HidProfile } from '../../../devices/hid/profile';
import type { PortInfo } from '../../../devices/registry';
import { fromHex } from '../../../devices/transport/hex';
import { createReconnectingTransport, type Link } from '../../../devices/transport/reconnecting-transport';
import type { Transport } from '../../../devices/transport/transport';
import type { DeviceInfo } from '../../shared/devices/devices';

export function loadHidProfiles(resourcesDir: string): HidProfile[] {
  const dir = path.join(resourcesDir, 'devices', 'hid');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => HidProfileSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))));
}

export function matchHidProfile(port: PortInfo, profiles: readonly HidProfile[]): HidProfile | null {
  if (port.bus !== 'hid') return null;
  return profiles.find((p) => p.match.vendorId === port.vendorId && p.match.productId === port.productId) ?? null;
}

export interface HidPeripheral {
  info: Omit<DeviceInfo, 'state'>;
  transport: Transport;
  close(): Promise<void>;
}

export interface HidPeripheralDeps {
  openLink?: (devicePath: string) => Promise<Link>;
  readDescriptor?: (devicePath: string) => Uint8Array | null;
  onEvent(deviceId: string, event: HidEvent): void;
}

export function startHidPeripheral(port: PortInfo, profile: HidProfile, deps: HidPeripheralDeps): HidPeripheral {
  const descriptor =
    (deps.readDescriptor ?? readReportDescriptor)(port.path) ??
    (profile.descriptor ? fromHex(profile.descriptor) : null);
  if (!descriptor)
    throw new Error(
      `${profile.label}: the report descriptor of ${port.path} cannot be read and the profile carries none.`,
    );
  const id = `hid:${profile.id}:${port.path}`;
  const transport = createReconnectingTransport({
    name: port.path,
    open: () => (deps.openLink ?? openHidLink)(port.path),
  });
  const driver = createHidPeripheralDriver({ transport, descriptor, profile });
  driver.onEvent((event) => deps.onEvent(id, event));
  return {
    info: { id, kind: profile.kind, label: profile.label, protocol: 'hid', location: port.path, simulated: false },
    transport,
    close: () => transport.close(),
  };
}
