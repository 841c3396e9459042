// A blood pressure monitor as the station manages it: the Omron driver over its HID link (opened
// when first needed, reopened after a failure), or over the simulator in simulated mode, where
// "measure" stands for the patient pressing START. Readings come back with the monitor's clock
// read as the station's local time (the monitor has no time zone).
import { createOmronDriver, type OmronDriver } from '../../../devices/omron/driver';
import { openOmronHidLink, type OmronLink } from '../../../devices/omron/link';
import type { OmronReading } from '../../../devices/omron/codec';
import { createOmronSimulator } from '../../../devices/omron/simulator';
import type { BloodPressureReading, DeviceInfo } from '../../shared/devices/devices';

export interface ManagedBloodPressure {
  info: Omit<DeviceInfo, 'state'>;
  state(): DeviceInfo['state'];
  latest(): Promise<BloodPressureReading | null>;
  /** Simulated monitors only: a measurement as if the patient pressed START. */
  simulateMeasurement?: () => void;
  close(): Promise<void>;
}

const toIso = ({ takenAt: t }: OmronReading) =>
  new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second).toISOString();

function managed(
  info: Omit<DeviceInfo, 'state'>,
  openLink: () => Promise<OmronLink>,
  simulateMeasurement?: () => void,
): ManagedBloodPressure {
  let driver: OmronDriver | null = null;
  let state: DeviceInfo['state'] = 'connected';
  return {
    info,
    state: () => state,
    async latest() {
      try {
        driver ??= createOmronDriver({ link: await openLink() });
        const reading = await driver.latestReading();
        state = 'connected';
        return (
          reading && {
            systolic: reading.systolic,
            diastolic: reading.diastolic,
            pulseRate: reading.pulseRate,
            takenAt: toIso(reading),
            deviceId: info.id,
          }
        );
      } catch (error) {
        state = 'reconnecting';
        await driver?.close().catch(() => {});
        driver = null;
        throw error;
      }
    },
    ...(simulateMeasurement ? { simulateMeasurement } : {}),
    close: async () => void (await driver?.close()),
  };
}

export function openOmronMonitor(id: string, label: string, path: string): ManagedBloodPressure {
  return managed(
    { id, kind: 'blood_pressure', label, protocol: 'omron-hem790it', location: path, simulated: false },
    () => openOmronHidLink(path),
  );
}

export function simulatedOmronMonitor(random: () => number = Math.random): ManagedBloodPressure {
  const simulator = createOmronSimulator();
  return managed(
    {
      id: 'blood-pressure-1',
      kind: 'blood_pressure',
      label: 'Tensiomètre (simulé, Omron HEM-790IT)',
      protocol: 'omron-hem790it',
      location: 'simulé',
      simulated: true,
    },
    async () => simulator.link,
    () => {
      const systolic = 115 + Math.round(random() * 30);
      simulator.measure({
        at: new Date(),
        systolic,
        diastolic: systolic - 40 - Math.round(random() * 10),
        pulseRate: 60 + Math.round(random() * 25),
      });
    },
  );
}
