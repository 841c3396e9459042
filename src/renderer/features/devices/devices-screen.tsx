// What is plugged into the cart, with the camera's controls and the live measurements.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraPanel } from './camera-panel';
import { useDevices } from '../../ui/devices-store';
import { OximeterPanel } from './oximeter-panel';

export function DevicesScreen() {
  const { t, i18n } = useTranslation();
  const { devices, error, load, lastEvents } = useDevices();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section aria-labelledby="devices-title">
      <h1 id="devices-title">{t('devices.title')}</h1>
      {error && (
        <p role="alert" className="error-text">
          {t(`errors.${error.code}`)}
        </p>
      )}
      {devices && devices.length === 0 && <p>{t('home.noDevices')}</p>}
      <ul className="result-list" aria-label={t('devices.list')}>
        {devices?.map((d) => (
          <li key={d.id} className="device-row">
            <strong>{d.label}</strong> — {t(`home.deviceStates.${d.state}`)} · {d.protocol} ·{' '}
            <span className="mono">{d.location}</span>
            {d.simulated && <span className="badge badge-muted">{t('devices.simulated')}</span>}
            {d.detail && <p className="hint">{t(`devices.details.${d.detail}`)}</p>}
            {lastEvents[d.id] && (
              <p role="status" className="ok-text">
                {t('devices.lastPress', {
                  control: lastEvents[d.id]!.control,
                  time: new Date(lastEvents[d.id]!.at).toLocaleTimeString(i18n.language),
                })}
              </p>
            )}
          </li>
        ))}
      </ul>
      {devices
        ?.filter((d) => d.kind === 'camera')
        .map((d) => (
          <CameraPanel key={d.id} device={d} />
        ))}
      {devices
        ?.filter((d) => d.kind === 'oximeter')
        .map((d) => (
          <OximeterPanel key={d.id} device={d} />
        ))}
    </section>
  );
}
