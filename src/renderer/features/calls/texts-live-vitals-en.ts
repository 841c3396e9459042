// English texts of the live measurements in a call: the expert's panel and the cart's blood pressure request.
import type { Texts } from '../../i18n/texts';
import type { liveVitalsFr } from './texts-live-vitals-fr';

export const liveVitalsEn: Texts<typeof liveVitalsFr> = {
  title: 'Live measurements from the cart',
  spo2: 'SpO2',
  pulse: 'Pulse',
  pleth: 'Pleth waveform from the cart',
  waiting: 'Waiting for the cart’s measurements…',
  status: {
    measuring: 'Live',
    finger_out: 'Sensor off the finger at the cart.',
    probe_error: 'The oximeter’s sensor is faulty at the cart.',
    searching: 'The cart’s oximeter is looking for the pulse…',
    no_data: 'The cart’s oximeter gives no measurement.',
    no_device: 'No oximeter connected to the cart.',
  },
  stale: 'Stream interrupted: nothing received for {{seconds}} s. The values shown are no longer current.',
  staleTag: 'old',
  results: 'Latest results',
  noResult: 'none',
  kinds: { blood_pressure: 'Blood pressure', body_temperature: 'Temperature', body_weight: 'Weight' },
  takenAt: 'at {{time}}',
  byDevice: '({{device}})',
  askBloodPressure: 'Measure blood pressure',
  notConnected: 'The call is not connected: wait for it to come back.',
  bloodPressure: {
    sent: 'Request sent to the cart…',
    asked: 'The cart received the request: the measurement starts when the patient is ready.',
    started: 'Blood pressure being measured at the cart…',
    no_device: 'No blood pressure monitor connected to the cart.',
    declined: 'The cart put the measurement off (patient not ready). You may ask again.',
    failed: 'The measurement did not succeed at the cart. You may ask again.',
  },
  request: {
    asked: '{{name}} asks for a blood pressure measurement. Put the cuff on the patient, then start the measurement.',
    start: 'Start the measurement',
    decline: 'Not now',
    measuringReal: 'Press START on the blood pressure monitor: the result will go to {{name}}.',
    measuringSimulated: 'Measuring (simulated device): the result will go to {{name}}.',
    no_device:
      'No blood pressure monitor connected to the cart: {{name}} has been told. Connect it, then she or he may ask again.',
    failed: 'The measurement did not succeed. {{name}} has been told and may ask again.',
    close: 'Close',
  },
};
