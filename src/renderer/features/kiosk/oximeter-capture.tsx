// SpO2 and pulse from the cabin's oximeter, with live guidance for the patient ("keep your finger
// still") until the values hold steady; then their median is recorded, from the device.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../shared/devices/devices';
import { assessSteadiness, type Steadiness, type TimedReading } from '../../../shared/kiosk/oximeter-steadiness';
import { useDevices } from '../../ui/devices-store';
import { speak } from './voice';

const KEEP_MS = 15_000;

export function OximeterCapture({
  device,
  onSteady,
}: {
  device: DeviceInfo;
  onSteady(values: { spo2: number; pulseRate: number }): void;
}) {
  const { t, i18n } = useTranslation();
  const reading = useDevices((s) => s.oximeters[device.id]?.reading);
  const history = useRef<TimedReading[]>([]);
  const [steadiness, setSteadiness] = useState<Steadiness>({ kind: 'no_reading' });
  const done = useRef(false);

  useEffect(() => {
    if (!reading) return;
    const nowMs = performance.now();
    history.current = [
      ...history.current.filter((r) => nowMs - r.atMs < KEEP_MS),
      { spo2: reading.spo2, pulseRate: reading.pulseRate, status: reading.status, atMs: nowMs },
    ];
    setSteadiness(assessSteadiness(history.current, nowMs));
  }, [reading]);

  // Readings stop when the device goes quiet: look again every second so the screen says so.
  useEffect(() => {
    const timer = setInterval(() => setSteadiness(assessSteadiness(history.current, performance.now())), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (steadiness.kind === 'steady' && !done.current) {
      done.current = true;
      onSteady({ spo2: steadiness.spo2, pulseRate: steadiness.pulseRate });
    }
  }, [steadiness, onSteady]);

  const kind = steadiness.kind;
  useEffect(() => {
    if (kind !== 'steady') speak(t(`kiosk.measure.oximeter.${kind}`), i18n.language);
  }, [kind, t, i18n.language]);

  const measuring = reading?.status === 'measuring';
  return (
    <div className="kiosk-oximeter">
      <div className="vitals">
        <div className="vital">
          <span className="vital-label">{t('oximeter.spo2')}</span>
          <span className="vital-value">{measuring && reading?.spo2 !== null ? `${reading?.spo2} %` : '—'}</span>
        </div>
        <div className="vital">
          <span className="vital-label">{t('oximeter.pulse')}</span>
          <span className="vital-value">
            {measuring && reading?.pulseRate !== null ? `${reading?.pulseRate} /min` : '—'}
          </span>
        </div>
      </div>
      <p role="status" className={`kiosk-guidance ${kind}`}>
        {t(`kiosk.measure.oximeter.${kind}`)}
      </p>
      {kind === 'hold_still' && (
        <progress max={1} value={steadiness.progress} aria-label={t('kiosk.measure.oximeter.progress')} />
      )}
    </div>
  );
}
