// Sends camera commands; motion is sent only when it changes (a held key repeats, a gamepad is
// polled every frame), and the last error is kept for the screen. The same hook steers the
// station's own camera (useCamera) and, during a call, the cart's camera from the expert's side.
import { useCallback, useRef, useState } from 'react';
import type { CameraCommand } from '../../shared/devices/devices';
import type { AppError } from '../../shared/result';
import { relais } from '../api';

/** Sends one command; resolves with the error, or null when it went through. */
export type CommandSender = (command: CameraCommand) => Promise<AppError | null>;

export function useCameraCommands(sendCommand: CommandSender) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const lastMotion = useRef('');

  const send = useCallback(
    async (command: CameraCommand): Promise<boolean> => {
      const failure = await sendCommand(command);
      setError(failure);
      return failure === null;
    },
    [sendCommand],
  );

  /** Continuous motion: pan/tilt -1..1 and zoom -1..1, one command per gesture; resent only when different. */
  const move = useCallback(
    (pan: number, tilt: number, zoom = 0) => {
      const key = `${pan.toFixed(2)}|${tilt.toFixed(2)}|${zoom.toFixed(2)}`;
      if (key === lastMotion.current) return;
      lastMotion.current = key;
      void send({ type: 'move', pan, tilt, zoom });
    },
    [send],
  );

  const stop = useCallback(() => {
    lastMotion.current = '0.00|0.00|0.00';
    return send({ type: 'stop' });
  }, [send]);

  /** A command that takes time (preset recall, home): shown as busy until the camera is there. */
  const act = useCallback(
    async (label: string, command: CameraCommand) => {
      setBusy(label);
      await send(command);
      setBusy(null);
    },
    [send],
  );

  return { move, stop, act, error, busy };
}

export function useCamera(deviceId: string) {
  const sendCommand = useCallback<CommandSender>(
    async (command) => {
      const result = await relais.invoke('camera.command', { deviceId, command, origin: { kind: 'local' } });
      return result.ok ? null : result.error;
    },
    [deviceId],
  );
  return useCameraCommands(sendCommand);
}
