// The camera pad, the same at the cart (the station's own camera) and for the expert (the cart's
// camera during a call): arrows held down, Stop, speed, zoom held down, focus (auto, one-push, and
// near/far held down). What a press does is the panel's: a local command, or one message on the
// call's data channel. Extra controls (home) go in as children, beside speed, zoom and focus.
import { useId, type PointerEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CameraCommand } from '../../shared/devices/devices';

export type FocusMode = Extract<CameraCommand, { type: 'focus' }>['mode'];

export interface CameraPadProps {
  /** Makes the speed slider's id unique on the page. */
  id: string;
  /** Whether the motion buttons work (a camera connected, steering granted). */
  enabled: boolean;
  /** Stop stays usable whenever there is a camera at all, even when moving it is not allowed. */
  stopEnabled?: boolean;
  /** Why the buttons are greyed (no camera, steering not granted), shown under the pad. */
  why: string;
  speed: number;
  onSpeed(speed: number): void;
  /** One gesture: pan, tilt and zoom velocities -1..1 together. */
  move(pan: number, tilt: number, zoom: number): void;
  /** On letting go (pointer up or cancelled) and on the Stop button. */
  stop(): void;
  /** Focus: auto, one-push, near and far while held (`stop` on release). */
  focus(mode: FocusMode): void;
  children?: ReactNode;
}

export function CameraPad({
  id,
  enabled,
  stopEnabled = enabled,
  why,
  speed,
  onSpeed,
  move,
  stop,
  focus,
  children,
}: CameraPadProps) {
  const { t } = useTranslation();
  // Held down: moves while pressed, stops when released or when the pointer is lost.
  const hold = (pan: number, tilt: number, zoom = 0) => ({
    onPointerDown: (e: PointerEvent<HTMLButtonElement>) => {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      move(pan * speed, tilt * speed, zoom * speed);
    },
    onPointerUp: () => stop(),
    onPointerCancel: () => stop(),
  });
  // Near and far drive the lens while held; letting go stops it.
  const holdFocus = (mode: 'near' | 'far') => ({
    onPointerDown: (e: PointerEvent<HTMLButtonElement>) => {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      focus(mode);
    },
    onPointerUp: () => focus('stop'),
    onPointerCancel: () => focus('stop'),
  });
  const percent = Math.round(speed * 100);
  const whyId = useId();
  const whyNot = enabled ? undefined : whyId;

  return (
    <div className="camera-layout">
      <div className="pad" role="group" aria-label={t('camera.pad')}>
        <span />
        <button type="button" aria-label={t('camera.up')} disabled={!enabled} aria-describedby={whyNot} {...hold(0, 1)}>
          ▲
        </button>
        <span />
        <button
          type="button"
          aria-label={t('camera.left')}
          disabled={!enabled}
          aria-describedby={whyNot}
          {...hold(-1, 0)}
        >
          ◀
        </button>
        <button
          type="button"
          className="warning"
          aria-label={t('camera.stop')}
          disabled={!stopEnabled}
          aria-describedby={stopEnabled ? undefined : whyId}
          onClick={() => stop()}
        >
          ■
        </button>
        <button
          type="button"
          aria-label={t('camera.right')}
          disabled={!enabled}
          aria-describedby={whyNot}
          {...hold(1, 0)}
        >
          ▶
        </button>
        <span />
        <button
          type="button"
          aria-label={t('camera.down')}
          disabled={!enabled}
          aria-describedby={whyNot}
          {...hold(0, -1)}
        >
          ▼
        </button>
        <span />
      </div>
      <div className="camera-controls">
        <label htmlFor={`speed-${id}`}>
          {t('camera.speed')} : {percent} %
        </label>
        <input
          id={`speed-${id}`}
          type="range"
          min={10}
          max={100}
          step={10}
          value={percent}
          onChange={(e) => onSpeed(Number(e.target.value) / 100)}
        />
        <div className="button-row">
          <button type="button" disabled={!enabled} aria-describedby={whyNot} {...hold(0, 0, 1)}>
            {t('camera.zoomIn')}
          </button>
          <button type="button" disabled={!enabled} aria-describedby={whyNot} {...hold(0, 0, -1)}>
            {t('camera.zoomOut')}
          </button>
        </div>
        <div className="button-row" role="group" aria-label={t('camera.focus')}>
          <button type="button" disabled={!enabled} aria-describedby={whyNot} onClick={() => focus('auto')}>
            {t('camera.focusAuto')}
          </button>
          <button type="button" disabled={!enabled} aria-describedby={whyNot} onClick={() => focus('one_push')}>
            {t('camera.focusOnePush')}
          </button>
          <button type="button" disabled={!enabled} aria-describedby={whyNot} {...holdFocus('near')}>
            {t('camera.focusNear')}
          </button>
          <button type="button" disabled={!enabled} aria-describedby={whyNot} {...holdFocus('far')}>
            {t('camera.focusFar')}
          </button>
        </div>
        {children}
      </div>
      {(!enabled || !stopEnabled) && (
        <p id={whyId} className="hint why-disabled">
          {why}
        </p>
      )}
    </div>
  );
}
