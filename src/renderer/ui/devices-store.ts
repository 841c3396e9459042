// The station's devices and the latest oximeter readings, kept fresh by the station's events.
import { create } from 'zustand';
import type { DeviceInfo, OximeterReading, PeripheralEvent } from '../../shared/devices/devices';
import type { AppError } from '../../shared/result';
import { relais } from '../api';
import { isRealDeviceLabel } from './media-labels';

export const PLETH_WINDOW = 360; // six seconds at 60 Hz

interface OximeterView {
  reading: OximeterReading;
  pleth: number[];
}

interface DevicesState {
  devices: DeviceInfo[] | null;
  error: AppError | null;
  oximeters: Record<string, OximeterView>;
  /** The last press or change of each peripheral (a dermatoscope's capture button). */
  lastEvents: Record<string, PeripheralEvent>;
  load(): Promise<void>;
}

export const useDevices = create<DevicesState>((set) => ({
  devices: null,
  error: null,
  oximeters: {},
  lastEvents: {},
  async load() {
    const result = await relais.invoke('devices.list', {});
    if (result.ok) set({ devices: result.value, error: null });
    else set({ error: result.error });
  },
}));

relais.on('devices.changed', (devices) => useDevices.setState({ devices }));
relais.on('oximeter.reading', (reading) =>
  useDevices.setState((state) => {
    const previous = state.oximeters[reading.deviceId]?.pleth ?? [];
    const pleth = [...previous, ...reading.pleth].slice(-PLETH_WINDOW);
    return { oximeters: { ...state.oximeters, [reading.deviceId]: { reading, pleth } } };
  }),
);
relais.on('peripheral.event', (event) =>
  useDevices.setState((state) =>
    event.type === 'released' ? state : { lastEvents: { ...state.lastEvents, [event.deviceId]: event } },
  ),
);

/**
 * The name a person reads for one of the station's devices (devices.json's label, "Oxymètre de
 * pouls"), never its id ("oximeter-1"): null when the device is not known or has no real name.
 */
export function deviceLabel(devices: readonly DeviceInfo[] | null, id: string): string | null {
  const label = devices?.find((d) => d.id === id)?.label;
  return label && isRealDeviceLabel(label) ? label.slice(0, 200) : null;
}
