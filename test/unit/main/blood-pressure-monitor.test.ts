// The station's blood pressure monitor: the newest reading with its time read as the station's
// local time, nothing before the patient presses START, and measuring on request only when simulated.
import { describe, expect, it } from 'vitest';
import { simulatedOmronMonitor } from '../../../src/main/devices/blood-pressure-monitor';
import { createDeviceService } from '../../../src/main/devices/device-service';
import { DeviceConfigSchema } from '../../../src/main/devices/device-config';

describe('blood pressure monitor', () => {
  it('reads nothing until a measurement, then the newest one', async () => {
    const values = [0.5, 0.2, 0.4];
    const monitor = simulatedOmronMonitor(() => values.shift() ?? 0);
    expect(await monitor.latest()).toBeNull();
    const before = Date.now();
    monitor.simulateMeasurement!();
    const reading = await monitor.latest();
    expect(reading).toMatchObject({ deviceId: 'blood-pressure-1', systolic: 130, diastolic: 88, pulseRate: 70 });
    // The monitor's clock has one-second steps and no zone: read back as local time, to the second.
    expect(Math.abs(Date.parse(reading!.takenAt) - before)).toBeLessThan(2000);
  });

  it('is listed with the devices, and refuses to measure on request unless simulated', async () => {
    const service = createDeviceService({ onDevicesChanged: () => {}, onReading: () => {} });
    service.addBloodPressure(simulatedOmronMonitor());
    expect(service.list()).toEqual([
      expect.objectContaining({ id: 'blood-pressure-1', kind: 'blood_pressure', state: 'connected', simulated: true }),
    ]);
    expect(service.simulateBloodPressure('blood-pressure-1')).toEqual({ measured: true });
    expect((await service.bloodPressureLatest('blood-pressure-1'))?.systolic).toBeGreaterThan(100);
    await expect(service.bloodPressureLatest('nope')).rejects.toMatchObject({ code: 'device_unavailable' });
    const { openOmronMonitor } = await import('../../../src/main/devices/blood-pressure-monitor');
    service.addBloodPressure(openOmronMonitor('bp-real', 'Omron', '/dev/hidraw-none'));
    expect(() => service.simulateBloodPressure('bp-real')).toThrow(/patient presses START/);
    // No such HID device here: a clear error, and the monitor shown as reconnecting.
    await expect(service.bloodPressureLatest('bp-real')).rejects.toMatchObject({ code: 'device_unavailable' });
    expect(service.list().find((d) => d.id === 'bp-real')?.state).toBe('reconnecting');
    await service.close();
  });

  it('is configured in devices.json by its hidraw path', () => {
    expect(
      DeviceConfigSchema.parse({
        id: 'bp',
        label: 'Omron',
        kind: 'blood_pressure',
        protocol: 'omron-hem790it',
        path: '/dev/hidraw3',
      }),
    ).toMatchObject({ protocol: 'omron-hem790it' });
  });
});
