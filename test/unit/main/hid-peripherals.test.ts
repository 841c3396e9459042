import { describe, expect, it } from 'vitest';
import type { HidEvent } from '../../../devices/hid/driver';
import type { Link } from '../../../devices/transport/reconnecting-transport';
import { fromHex } from '../../../devices/transport/hex';
import { loadHidProfiles, matchHidProfile, startHidPeripheral } from '../../../src/main/devices/hid-peripherals';
import { waitFor } from '../../helpers/wait';

const profiles = loadHidProfiles('resources');

function fakeLink() {
  let onData: (b: Uint8Array) => void = () => {};
  const link: Link = { write: async () => {}, onData: (l) => (onData = l), onClose: () => {}, close: async () => {} };
  return { link, report: (text: string) => onData(fromHex(text)) };
}

describe('HID peripherals in the station', () => {
  it('loads the shipped profiles and matches a plugged device by its USB ids', () => {
    expect(profiles.map((p) => p.id).sort()).toEqual([
      'dermatoscope-generic-vendor-hid',
      'stethoscope-usb-adapter-vendor-hid',
    ]);
    expect(
      matchHidProfile({ bus: 'hid', path: '/dev/hidraw3', vendorId: '1209', productId: 'd3a1' }, profiles)?.kind,
    ).toBe('dermatoscope');
    expect(
      matchHidProfile({ bus: 'serial', path: '/dev/ttyUSB0', vendorId: '1209', productId: 'd3a1' }, profiles),
    ).toBeNull();
  });

  it('starts the driver and forwards a capture press with the device id', async () => {
    const { link, report } = fakeLink();
    const events: [string, HidEvent][] = [];
    const profile = profiles.find((p) => p.kind === 'dermatoscope')!;
    const peripheral = startHidPeripheral(
      { bus: 'hid', path: '/dev/hidraw3', vendorId: '1209', productId: 'd3a1' },
      profile,
      {
        openLink: async () => link,
        readDescriptor: () => null, // not on Linux sysfs here: the profile's descriptor is used
        onEvent: (id, e) => events.push([id, e]),
      },
    );
    await waitFor(() => peripheral.transport.state() === 'connected', 'link open');
    report('01 01');
    expect(events).toEqual([
      ['hid:dermatoscope-generic-vendor-hid:/dev/hidraw3', { control: 'capture', type: 'pressed', value: 1 }],
    ]);
    expect(peripheral.info).toMatchObject({ kind: 'dermatoscope', protocol: 'hid', location: '/dev/hidraw3' });
    await peripheral.close();
  });
});
