import { describe, expect, it } from 'vitest';
import { CameraCommandError, type PtzCamera } from '../../../devices/camera/ptz-camera';
import { createFakeTransport } from '../../../devices/transport/fake-transport';
import { createDeviceService } from '../../../src/main/devices/device-service';
import type { DeviceInfo } from '../../../src/shared/devices/devices';

function service() {
  const changes: DeviceInfo[][] = [];
  const devices = createDeviceService({ onDevicesChanged: (list) => changes.push(list), onReading: () => {} });
  return { devices, changes };
}

const camera = (overrides: Partial<PtzCamera> = {}): PtzCamera =>
  ({
    protocol: 'visca',
    drive() {},
    zoom() {},
    stop: async () => {},
    home: async () => {},
    presetRecall: async () => {},
    presetSet: async () => {},
    presetClear: async () => {},
    focus: async () => {},
    moveTo: async () => {},
    zoomTo: async () => {},
    position: async () => ({ pan: 1, tilt: 2, zoom: 3 }),
    stats: () => ({ submitted: 0, replaced: 0, maxQueueDepth: 0 }),
    close: async () => {},
    ...overrides,
  }) as PtzCamera;

describe('device service', () => {
  it('lists configured devices with their link state, and detected ones as not configured', () => {
    const { devices, changes } = service();
    const transport = createFakeTransport('/dev/ttyUSB0');
    devices.addCamera({
      info: {
        id: 'cam',
        kind: 'camera',
        label: 'Caméra',
        protocol: 'visca',
        location: '/dev/ttyUSB0',
        simulated: false,
      },
      camera: camera(),
      transport,
      close: async () => {},
    });
    devices.setDetected([
      { port: { bus: 'serial', path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001' }, profile: null },
      {
        port: { bus: 'serial', path: '/dev/ttyUSB1', vendorId: '10c4', productId: 'ea60' },
        profile: {
          id: 'x',
          label: 'Oxymètre',
          bus: 'serial',
          kind: 'oximeter',
          protocol: 'cms50d',
          match: { vendorId: '10c4', productId: 'ea60' },
        },
      },
    ]);
    transport.setState('reconnecting');
    const list = changes.at(-1)!;
    expect(list.map((d) => [d.id, d.state, d.protocol])).toEqual([
      ['cam', 'reconnecting', 'visca'],
      ['detected:serial:/dev/ttyUSB1', 'connected', 'cms50d?'],
    ]);
    expect(list[1]?.detail).toBe('detected_unconfigured');
  });

  it('says which camera is missing, and turns driver errors into errors a person can act on', async () => {
    const { devices } = service();
    await expect(devices.cameraCommand(undefined, { type: 'stop' })).rejects.toMatchObject({
      code: 'device_unavailable',
    });
    const transport = createFakeTransport();
    devices.addCamera({
      info: { id: 'cam', kind: 'camera', label: 'Caméra', protocol: 'visca', location: 'x', simulated: false },
      camera: camera({
        home: async () => Promise.reject(new CameraCommandError('device_away', 'unplugged')),
        focus: async () => Promise.reject(new CameraCommandError('not_executable', 'autofocus on')),
      }),
      transport,
      close: async () => {},
    });
    await expect(devices.cameraCommand('cam', { type: 'home' })).rejects.toMatchObject({
      code: 'device_unavailable',
      message: 'unplugged',
    });
    await expect(devices.cameraCommand('cam', { type: 'focus', mode: 'near' })).rejects.toMatchObject({
      code: 'device_refused',
    });
    await expect(devices.cameraCommand('other', { type: 'stop' })).rejects.toMatchObject({
      message: 'No camera "other" on this station.',
    });
    await expect(devices.cameraPosition()).resolves.toEqual({ pan: 1, tilt: 2, zoom: 3 });
  });

  it('moves pan, tilt and zoom from one gesture, tells the zoom motor only when its speed changes, and stops at all zero', async () => {
    const { devices } = service();
    const sent: string[] = [];
    const transport = createFakeTransport();
    devices.addCamera({
      info: { id: 'cam', kind: 'camera', label: 'Caméra', protocol: 'visca', location: 'x', simulated: false },
      camera: camera({
        drive: (v) => void sent.push(`drive ${v.pan} ${v.tilt}`),
        zoom: (z) => void sent.push(`zoom ${z}`),
        stop: async () => void sent.push('stop'),
      }),
      transport,
      close: async () => {},
    });
    const move = (pan: number, tilt: number, zoom: number) =>
      devices.cameraCommand('cam', { type: 'move', pan, tilt, zoom });
    await move(0.5, 0, 0); // a pan alone: no zoom stop sent with it
    await move(0.5, 0.5, 1);
    await move(0, 0.5, 1); // the zoom goes on: not told again
    await move(0, 0, 0); // the key released: a Stop, at once, not a move after the last one's ACK
    await devices.cameraCommand('cam', { type: 'stop' });
    await move(0, 0, 0.5);
    expect(sent).toEqual([
      'drive 0.5 0',
      'drive 0.5 0.5',
      'zoom 1',
      'drive 0 0.5',
      'stop',
      'stop',
      'drive 0 0',
      'zoom 0.5',
    ]);
  });
});
