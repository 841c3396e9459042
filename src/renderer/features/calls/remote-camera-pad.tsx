// The expert's side of remote steering: the same pad (ui/camera-pad.tsx), keyboard and gamepad as
// at the cart, but each gesture goes as one message over the call's data channel; the cart
// decides and says back what it did.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCameraCommands, type CommandSender } from '../../ui/use-camera';
import { CameraPad } from '../../ui/camera-pad';
import { useMotionInput } from '../../ui/use-motion-input';
import { askControl, steer } from './call-controller';
import type { CurrentCall } from '../../webrtc/call-store';

export function RemoteCameraPad({ call }: { call: CurrentCall }) {
  const { t } = useTranslation();
  const [speed, setSpeed] = useState(0.5);
  const sendCommand = useCallback<CommandSender>(
    async (command) =>
      steer({ type: 'camera', command }) ? null : { code: 'disconnected', message: 'The call link is down.' },
    [],
  );
  const { move, stop, act } = useCameraCommands(sendCommand);
  // Usable whenever the cart has a camera: the cart decides (a revoke can cross a command on the
  // way), and a refused command is said plainly below.
  const enabled = call.phase === 'connected' && call.remoteCamera.camera;
  const presets = call.remoteCamera.presets;
  useMotionInput(
    {
      move,
      stop: () => void stop(),
      recallPreset: (i) =>
        presets[i] && void act(presets[i]!.name, { type: 'preset_recall', preset: presets[i]!.number }),
    },
    speed,
    enabled,
  );

  const last = call.lastSteer;

  // data-awaiting-answers: how many of her messages the cart has not answered yet (for tests and
  // support: the answer shown is final once it is 0).
  return (
    <section
      className="card camera-panel"
      aria-labelledby="remote-camera-title"
      data-awaiting-answers={call.steerAwaiting}
    >
      <h2 id="remote-camera-title">{t('calls.control.title')}</h2>
      <p role="status">
        {!call.remoteCamera.camera
          ? t('calls.control.noCamera')
          : call.controlGranted
            ? t('calls.control.granted')
            : t('calls.control.notGranted')}
      </p>
      {call.remoteCamera.camera && !call.controlGranted && (
        <p className="call-request">
          <button
            type="button"
            disabled={call.controlAsk === 'asked'}
            aria-describedby={call.controlAsk ? 'ask-control-status' : undefined}
            onClick={() => {
              askControl();
            }}
          >
            {t('calls.control.ask')}
          </button>{' '}
          {call.controlAsk && (
            <span role="status" id="ask-control-status">
              {t(call.controlAsk === 'asked' ? 'calls.control.asked' : 'calls.control.askRefused')}
            </span>
          )}
        </p>
      )}
      {last && last.outcome !== 'done' && (
        <p role="alert" className="error-text">
          {t(last.outcome === 'refused' ? 'calls.control.refused' : 'calls.control.failed', {
            reason: t(`calls.control.reasons.${last.reason ?? 'unknown'}`, { defaultValue: last.reason ?? '' }),
          })}
        </p>
      )}
      {enabled && (
        <p className="hint">
          {t('calls.control.clickToCenter')} {t('camera.keyboardHint')}
        </p>
      )}
      <CameraPad
        id="remote"
        enabled={enabled}
        stopEnabled={call.remoteCamera.camera}
        why={call.remoteCamera.camera ? t('why.notGranted') : t('why.noCameraDevice')}
        speed={speed}
        onSpeed={setSpeed}
        move={move}
        stop={() => void stop()}
        focus={(mode) => void act('focus', { type: 'focus', mode })}
      />
      <ul className="preset-list">
        {presets.map((p, i) => (
          <li key={p.number}>
            <button
              type="button"
              disabled={!enabled}
              aria-describedby={enabled ? undefined : 'remote-presets-why'}
              onClick={() => void act(p.name, { type: 'preset_recall', preset: p.number })}
            >
              {i + 1}. {p.name}
            </button>
          </li>
        ))}
      </ul>
      {!enabled && presets.length > 0 && (
        <p id="remote-presets-why" className="hint why-disabled">
          {call.remoteCamera.camera ? t('why.notGranted') : t('why.noCameraDevice')}
        </p>
      )}
    </section>
  );
}
