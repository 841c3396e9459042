// Continuous camera control from the keyboard (arrows held, +/- zoom, Escape or Space to stop,
// digits for presets) and from a gamepad (left stick, triggers), sent only when it changes.
import { useEffect, useRef } from 'react';

export interface MotionTarget {
  move(pan: number, tilt: number, zoom?: number): void;
  stop(): void;
  recallPreset(index: number): void;
}

const GAMEPAD_DEAD_ZONE = 0.15;
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    (['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) && (target as HTMLInputElement).type !== 'range'));

// A key pressed in a dialog (the hang-up confirmation, "Qui êtes-vous ?") belongs to it: Escape
// must close the dialog (preventing it here would keep the dialog open) and arrows or Space must not
// steer a patient's camera behind a modal.
const inDialog = (target: EventTarget | null) => target instanceof Element && target.closest('dialog') !== null;

export function useMotionInput(target: MotionTarget, speed: number, enabled: boolean): void {
  const latest = useRef({ target, speed });
  useEffect(() => {
    latest.current = { target, speed };
  });

  useEffect(() => {
    if (!enabled) return;
    const held = new Set<string>();
    const apply = () => {
      const { target: t, speed: s } = latest.current;
      const pan = (held.has('ArrowRight') ? 1 : 0) - (held.has('ArrowLeft') ? 1 : 0);
      const tilt = (held.has('ArrowUp') ? 1 : 0) - (held.has('ArrowDown') ? 1 : 0);
      const zoom = (held.has('+') || held.has('=') ? 1 : 0) - (held.has('-') ? 1 : 0);
      t.move(pan * s, tilt * s, zoom * s);
    };
    const down = (e: KeyboardEvent) => {
      if (isTyping(e.target) || inDialog(e.target) || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape' || e.key === ' ') {
        e.preventDefault();
        held.clear();
        latest.current.target.stop();
      } else if (/^[1-9]$/.test(e.key)) {
        latest.current.target.recallPreset(Number(e.key) - 1);
      } else if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', '+', '=', '-'].includes(e.key)) {
        e.preventDefault();
        if (!held.has(e.key)) {
          held.add(e.key);
          apply();
        }
      }
    };
    const up = (e: KeyboardEvent) => {
      if (held.delete(e.key)) apply();
    };
    // Losing the window must never leave the camera moving.
    const blur = () => {
      if (held.size > 0) {
        held.clear();
        latest.current.target.stop();
      }
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);

    let frame = 0;
    let gamepadActive = false;
    const poll = () => {
      const pad = navigator.getGamepads?.().find((g) => g?.connected);
      if (pad) {
        const axis = (v = 0) => (Math.abs(v) < GAMEPAD_DEAD_ZONE ? 0 : v);
        const pan = axis(pad.axes[0]);
        const tilt = -axis(pad.axes[1]);
        const zoom = (pad.buttons[7]?.value ?? 0) - (pad.buttons[6]?.value ?? 0);
        const active = pan !== 0 || tilt !== 0 || Math.abs(zoom) > 0.1;
        if (active || gamepadActive) latest.current.target.move(pan, tilt, Math.abs(zoom) > 0.1 ? zoom : 0);
        gamepadActive = active;
      }
      frame = requestAnimationFrame(poll);
    };
    frame = requestAnimationFrame(poll);

    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      cancelAnimationFrame(frame);
      if (held.size > 0) latest.current.target.stop();
    };
  }, [enabled]);
}
