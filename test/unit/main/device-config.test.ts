import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceConfigError, loadDeviceSetup } from '../../../src/main/devices/device-config';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();
const withFile = (content: string) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'devices.json'), content);
  return dir;
};

describe('devices.json', () => {
  it('runs simulated devices when there is none, and nothing when told so', () => {
    expect(loadDeviceSetup(tempDir(), {})).toEqual({ mode: 'simulated' });
    expect(loadDeviceSetup(tempDir(), { RELAIS_DEVICES: 'none' })).toEqual({ mode: 'none' });
    expect(loadDeviceSetup(tempDir(), { RELAIS_DEVICES: 'configured' })).toEqual({ mode: 'configured', devices: [] });
  });

  it('reads the configured devices with their defaults', () => {
    const dir = withFile(
      JSON.stringify({
        devices: [{ id: 'cam', kind: 'camera', protocol: 'visca', label: 'Caméra', path: '/dev/ttyUSB0' }],
      }),
    );
    expect(loadDeviceSetup(dir, {})).toEqual({
      mode: 'configured',
      devices: [
        {
          id: 'cam',
          kind: 'camera',
          protocol: 'visca',
          label: 'Caméra',
          path: '/dev/ttyUSB0',
          baudRate: 9600,
          address: 1,
        },
      ],
    });
  });

  it('refuses a broken file with a message that names the problem and the way out', () => {
    expect(() => loadDeviceSetup(withFile('{oops'), {})).toThrow(DeviceConfigError);
    expect(() => loadDeviceSetup(withFile('{oops'), {})).toThrow(/not valid JSON.*remove it to use simulated devices/);
    expect(() =>
      loadDeviceSetup(withFile('{"devices":[{"id":"c","kind":"camera","protocol":"visca","label":"x"}]}'), {}),
    ).toThrow(/devices\.0\.path/);
    expect(() =>
      loadDeviceSetup(
        withFile('{"devices":[{"id":"c","kind":"camera","protocol":"zoomzoom","label":"x","path":"/x"}]}'),
        {},
      ),
    ).toThrow(/devices\.0\.protocol/);
  });
});
