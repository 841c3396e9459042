// The expert's side of remote steering: the same pad, keyboard and gamepad as at the cart, but
// each command goes over the call's data channel; the cart decides and says back what it did.
import { useCallback, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCameraCommands, type CommandSender } from '../../ui/use-camera';
import { useMotionInput } from '../../ui/use-motion-input';
import { steer } from './call-controller';
import type { CurrentCall } from '../../webrtc/call-store';

export function RemoteCameraPad({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const [speed, setSpeed] = useState(0.5);
  const sendCommand = useCallback<CommandSender>(async (command) => (steer({ type: 'camera', command }) ? null : { code: 'disconnected', message: 'The call link is down.' }), []);
  const { move, stop, act } = useCameraCommands(sendCommand);
  // Usable whenever the cart has a camera: the cart decides (a revoke can cross a command on the
  // way), and a refused command is said plainly below.
  const enabled = call.phase === 'connected' && call.remoteCamera.camera;
  const presets = call.remoteCamera.presets;
  useMotionInput({ move, stop: () => void stop(), recallPreset: (i) => presets[i] && void act(presets[i]!.name, { type: 'preset_recall', preset: presets[i]!.number }) }, speed, enabled);

  const hold = (pan: number, tilt: number, zoom = 0) => ({
    onPointerDown: (e: PointerEvent<HTMLButtonElement>) => {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      move(pan * speed, tilt * speed, zoom * speed);
    },
    onPointerUp: () => void stop(),
    onPointerCancel: () => void stop(),
  });
  const last = call.lastSteer;

  // data-awaiting-answers: how many of her messages the cart has not answered yet (for tests and
  // support: the answer shown is final once it is 0).
  return (
    <section className="card camera-panel" aria-labelledby="remote-camera-title" data-awaiting-answers={call.steerAwaiting}>
      <h2 id="remote-camera-title">{t('calls.control.title')}</h2>
      <p role="status">
        {!call.remoteCamera.camera ? t('calls.control.noCamera') : call.controlGranted ? t('calls.control.granted') : t('calls.control.notGranted')}
      </p>
      {last && last.outcome !== 'done' && (
        <p role="alert" className="error-text">
          {t(last.outcome === 'refused' ? 'calls.control.refused' : 'calls.control.failed', { reason: t(`calls.control.reasons.${last.reason ?? 'unknown'}`, { defaultValue: last.reason ?? '' }) })}
        </p>
      )}
      {enabled && <p className="hint">{t('calls.control.clickToCenter')} {t('camera.keyboardHint')}</p>}
      <div className="pad" role="group" aria-label={t('camera.pad')}>
        <span />
        <button type="button" aria-label={t('camera.up')} disabled={!enabled} {...hold(0, 1)}>▲</button>
        <span />
        <button type="button" aria-label={t('camera.left')} disabled={!enabled} {...hold(-1, 0)}>◀</button>
        <button type="button" className="warning" aria-label={t('camera.stop')} disabled={!call.remoteCamera.camera} onClick={() => void stop()}>■</button>
        <button type="button" aria-label={t('camera.right')} disabled={!enabled} {...hold(1, 0)}>▶</button>
        <span />
        <button type="button" aria-label={t('camera.down')} disabled={!enabled} {...hold(0, -1)}>▼</button>
        <span />
      </div>
      <label htmlFor="remote-speed">{t('camera.speed')} : {Math.round(speed * 100)} %</label>
      <input id="remote-speed" type="range" min={10} max={100} step={10} value={Math.round(speed * 100)} onChange={(e) => setSpeed(Number(e.target.value) / 100)} />
      <div className="button-row">
        <button type="button" disabled={!enabled} {...hold(0, 0, 1)}>{t('camera.zoomIn')}</button>
        <button type="button" disabled={!enabled} {...hold(0, 0, -1)}>{t('camera.zoomOut')}</button>
      </div>
      <ul className="preset-list">
        {presets.map((p, i) => (
          <li key={p.number}>
            <button type="button" disabled={!enabled} onClick={() => void act(p.name, { type: 'preset_recall', preset: p.number })}>
              {i + 1}. {p.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
