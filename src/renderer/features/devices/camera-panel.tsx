// Steering the cart's camera: a pad held down, speed, zoom, focus, named presets, home, and the
// position read back from the camera. Keyboard: arrows, +/-, Escape; a gamepad works too.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceInfo } from '../../../shared/devices/devices';
import { relais } from '../../api';
import { useCamera } from '../../ui/use-camera';
import { CameraPad } from '../../ui/camera-pad';
import { useMotionInput } from '../../ui/use-motion-input';

type Position = { pan: number; tilt: number; zoom: number } | null;

export function CameraPanel({ device }: { device: DeviceInfo }) {
  const { t } = useTranslation();
  const { move, stop, act, error, busy } = useCamera(device.id);
  const [speed, setSpeed] = useState(0.5);
  const [position, setPosition] = useState<Position | 'unknown'>('unknown');
  const presets = device.presets ?? [];
  const connected = device.state === 'connected';

  const readPosition = useCallback(async () => {
    const result = await relais.invoke('camera.position', { deviceId: device.id });
    if (result.ok) setPosition(result.value);
  }, [device.id]);

  const stopAndRead = useCallback(async () => {
    await stop();
    await readPosition();
  }, [stop, readPosition]);

  useMotionInput(
    {
      move,
      stop: () => void stopAndRead(),
      recallPreset: (i) =>
        presets[i] && void act(presets[i]!.name, { type: 'preset_recall', preset: presets[i]!.number }),
    },
    speed,
    connected,
  );

  return (
    <section className="card camera-panel" aria-labelledby={`camera-${device.id}`}>
      <h2 id={`camera-${device.id}`}>{device.label}</h2>
      <p className="hint">{t('camera.keyboardHint')}</p>
      {!connected && (
        <p role="alert" className="error-text" id={`camera-why-${device.id}`}>
          {t('errors.device_unavailable')}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text">
          {t(`errors.${error.code}`)}
        </p>
      )}
      <CameraPad
        id={device.id}
        enabled={connected}
        why={t('errors.device_unavailable')}
        speed={speed}
        onSpeed={setSpeed}
        move={move}
        stop={() => void stopAndRead()}
        focus={(mode) => void act('focus', { type: 'focus', mode })}
      >
        <div className="button-row">
          <button
            type="button"
            disabled={!connected}
            aria-describedby={connected ? undefined : `camera-why-${device.id}`}
            onClick={() => void act('home', { type: 'home' }).then(readPosition)}
          >
            {t('camera.home')}
          </button>
        </div>
      </CameraPad>
      <h3>{t('camera.presets')}</h3>
      <ul className="preset-list">
        {presets.map((p, i) => (
          <li key={p.number}>
            <button
              type="button"
              disabled={!connected}
              aria-describedby={connected ? undefined : `camera-why-${device.id}`}
              onClick={() => void act(p.name, { type: 'preset_recall', preset: p.number }).then(readPosition)}
            >
              {i + 1}. {p.name}
            </button>
            <button
              type="button"
              className="link"
              disabled={!connected}
              aria-describedby={connected ? undefined : `camera-why-${device.id}`}
              aria-label={t('camera.storePresetLabel', { name: p.name })}
              onClick={() => void act(p.name, { type: 'preset_set', preset: p.number })}
            >
              {t('camera.storePreset')}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite">
        {busy
          ? t('camera.busy', { what: busy })
          : position === 'unknown'
            ? ''
            : position
              ? t('camera.position', position)
              : t('camera.noPosition')}
      </p>
      <button
        type="button"
        disabled={!connected}
        aria-describedby={connected ? undefined : `camera-why-${device.id}`}
        onClick={() => void readPosition()}
      >
        {t('camera.readPosition')}
      </button>
    </section>
  );
}
