// Live SpO2 and pulse rate, large enough to read from the cart, with the pleth waveform.
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../shared/devices/devices';
import { useDevices } from '../../ui/devices-store';
import { PlethPlot } from '../../ui/pleth-plot';

export function OximeterPanel({ device }: { device: DeviceInfo }) {
  const { t } = useTranslation();
  const view = useDevices((s) => s.oximeters[device.id]);
  const reading = view?.reading;
  const measuring = reading?.status === 'measuring';
  return (
    <section className="card" aria-labelledby={`oximeter-${device.id}`}>
      <h2 id={`oximeter-${device.id}`}>{device.label}</h2>
      <div className="vitals">
        <div className="vital">
          <span className="vital-label">{t('oximeter.spo2')}</span>
          <span className="vital-value" aria-live="off">
            {measuring && reading?.spo2 !== null ? `${reading?.spo2} %` : '—'}
          </span>
        </div>
        <div className="vital">
          <span className="vital-label">{t('oximeter.pulse')}</span>
          <span className="vital-value" aria-live="off">
            {measuring && reading?.pulseRate !== null ? `${reading?.pulseRate} /min` : '—'}
          </span>
        </div>
      </div>
      <p role="status" className={measuring ? 'ok-text' : 'error-text'}>
        {t(`oximeter.status.${reading?.status ?? 'no_data'}`)}
      </p>
      <PlethPlot samples={view?.pleth ?? []} label={t('oximeter.pleth')} />
    </section>
  );
}
