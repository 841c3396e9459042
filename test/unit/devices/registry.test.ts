import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeviceWatcher, matchProfile, ProfilesFileSchema, type PortInfo } from '../../../devices/registry';

const { profiles } = ProfilesFileSchema.parse(
  JSON.parse(fs.readFileSync('resources/devices/usb-profiles.json', 'utf8')),
);
const ftdi: PortInfo = {
  bus: 'serial',
  path: '/dev/ttyUSB0',
  vendorId: '0403',
  productId: '6001',
  manufacturer: 'FTDI',
};
const contec: PortInfo = {
  bus: 'serial',
  path: '/dev/ttyUSB1',
  vendorId: '10C4',
  productId: '0xEA60',
  manufacturer: 'Silicon Labs',
};
const mystery: PortInfo = { bus: 'serial', path: '/dev/ttyACM0', vendorId: '2341', productId: '0043' };

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('device registry', () => {
  it('matches USB ids to profiles, whatever their case or prefix', () => {
    expect(matchProfile(ftdi, profiles)?.protocol).toBe('visca');
    expect(matchProfile(contec, profiles)?.id).toBe('contec-cms50d-cp210x');
    expect(matchProfile(mystery, profiles)).toBeNull();
    expect(matchProfile({ ...ftdi, bus: 'hid' }, profiles)).toBeNull();
  });

  it('reports plugs and unplugs between scans, and nothing when nothing changed', async () => {
    let plugged: PortInfo[] = [ftdi];
    const changes: { added: string[]; removed: string[] }[] = [];
    const watcher = createDeviceWatcher({
      list: async () => plugged,
      profiles,
      intervalMs: 1_000,
      onChange: ({ added, removed }) =>
        changes.push({ added: added.map((d) => d.port.path), removed: removed.map((d) => d.port.path) }),
    });
    await watcher.start();
    plugged = [ftdi, contec];
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(1_000); // no change: no report
    plugged = [contec];
    await vi.advanceTimersByTimeAsync(1_000);
    watcher.stop();
    expect(changes).toEqual([
      { added: ['/dev/ttyUSB0'], removed: [] },
      { added: ['/dev/ttyUSB1'], removed: [] },
      { added: [], removed: ['/dev/ttyUSB0'] },
    ]);
    expect(watcher.present().map((d) => d.profile?.kind)).toEqual(['oximeter']);
  });

  it('keeps watching after a listing error', async () => {
    const errors: string[] = [];
    let fail = true;
    const seen: number[] = [];
    const watcher = createDeviceWatcher({
      list: async () => {
        if (fail) throw new Error('udev busy');
        return [ftdi];
      },
      profiles,
      intervalMs: 500,
      onError: (e) => errors.push(e.message),
      onChange: ({ present }) => seen.push(present.length),
    });
    await watcher.start();
    fail = false;
    await vi.advanceTimersByTimeAsync(500);
    watcher.stop();
    expect(errors).toEqual(['udev busy']);
    expect(seen).toEqual([1]);
  });

  // The station stops the watcher when it closes (or restarts after a database decision): a scan
  // still listing the ports then must not report into a closed station (seen in CI as "The
  // database connection is not open", an unhandled rejection from the status it published).
  it('says nothing of a scan that ends after it was stopped, nor of its error', async () => {
    let answer: (ports: PortInfo[]) => void = () => {};
    let fail: (error: Error) => void = () => {};
    const changes: number[] = [];
    const errors: string[] = [];
    const watcher = createDeviceWatcher({
      list: () => new Promise((resolve, reject) => ((answer = resolve), (fail = reject))),
      profiles,
      onError: (e) => errors.push(e.message),
      onChange: ({ present }) => changes.push(present.length),
    });
    const first = watcher.scan();
    watcher.stop();
    answer([ftdi]);
    await first;
    const second = watcher.scan();
    fail(new Error('udev gone'));
    await second;
    expect(changes).toEqual([]);
    expect(errors).toEqual([]);
  });
});
