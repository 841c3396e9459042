// English texts of the devices screen: the station's devices and what each detail means; the pulse oximeter: readings
// and what each status asks of the person (the same keys as the French).
import type { Texts } from '../../i18n/texts';
import type { devicesFr, oximeterFr } from './texts-fr';

export const devicesEn: Texts<typeof devicesFr> = {
  title: 'Devices',
  list: 'Devices of the station',
  simulated: 'simulated',
  unnamed: 'unnamed device',
  lastPress: 'Last press: {{control}} at {{time}}',
  details: {
    detected_unconfigured:
      'Detected, not configured: confirm with “npx relais-devices probe”, then add it to devices.json.',
  },
};

export const oximeterEn: Texts<typeof oximeterFr> = {
  spo2: 'SpO2',
  pulse: 'Pulse',
  pleth: 'Plethysmography waveform',
  status: {
    measuring: 'Measuring',
    finger_out: 'Finger out: put the finger back in the sensor.',
    probe_error: 'Sensor fault: check the sensor cable.',
    searching: 'Searching for the pulse… keep the finger still.',
    no_data: 'No data from the oximeter: check that it is on and plugged in.',
  },
};
