// Blood pressure from the cabin's connected monitor: the patient puts the cuff on and presses
// START on the monitor; when it is done, a touch reads its newest reading. A reading from before
// this session (the previous patient's) is refused: the monitor's memory outlives the session.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BloodPressureReading, DeviceInfo } from '../../../shared/devices/devices';
import { relais } from '../../api';
import { formatTime } from '../../ui/format';
import { ReasonedButton } from '../../ui/disabled-reason';

/** A reading older than this, by the monitor's clock, is not this session's. */
const FRESH_MS = 15 * 60_000;

export function BloodPressureCapture({
  device,
  sessionStartedAt,
  onReading,
}: {
  device: DeviceInfo;
  sessionStartedAt: string;
  onReading(reading: BloodPressureReading): Promise<string | null>;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function read() {
    setBusy(true);
    try {
      const result = await relais.invoke('bloodPressure.latest', { deviceId: device.id });
      if (!result.ok) return setProblem(`${t('kiosk.measure.monitor.unavailable')} ${result.error.message}`);
      const reading = result.value;
      if (!reading) return setProblem(t('kiosk.measure.monitor.empty'));
      const taken = Date.parse(reading.takenAt);
      // A minute of tolerance for the monitor's clock running ahead of or behind the station's.
      if (taken < Date.parse(sessionStartedAt) - 60_000 || Date.now() - taken > FRESH_MS) {
        return setProblem(t('kiosk.measure.monitor.old', { time: formatTime(reading.takenAt) }));
      }
      setProblem(await onReading(reading));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="kiosk-vital">
      <h3>{t('kiosk.measure.monitor.title')}</h3>
      <p>{t('kiosk.measure.monitor.how')}</p>
      {device.simulated && (
        <button
          type="button"
          className="kiosk-button secondary"
          onClick={() => void relais.invoke('bloodPressure.simulateMeasurement', { deviceId: device.id })}
        >
          {t('kiosk.measure.monitor.simulate')}
        </button>
      )}
      <ReasonedButton className="kiosk-button" reason={busy ? t('why.busy') : null} onClick={() => void read()}>
        {t('kiosk.measure.monitor.read')}
      </ReasonedButton>
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
    </div>
  );
}
