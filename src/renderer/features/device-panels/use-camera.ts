// Sends camera commands for one camera; motion is sent only when it changes (a held key
// repeats, a gamepad is polled every frame), and the last error is kept for the screen.
import { useCallback, useRef, useState } from 'react';
import type { CameraCommand } from '../../../shared/devices';
import type { AppError } from '../../../shared/result';
import { relais } from '../../api';

export function useCamera(deviceId: string) {
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const lastMotion = useRef('');

  const send = useCallback(
    async (command: CameraCommand): Promise<boolean> => {
      const result = await relais.invoke('camera.command', { deviceId, command });
      setError(result.ok ? null : result.error);
      return result.ok;
    },
    [deviceId],
  );

  /** Continuous motion: pan/tilt -1..1 and zoom -1..1; resent only when different. */
  const move = useCallback(
    (pan: number, tilt: number, zoom = 0) => {
      const key = `${pan.toFixed(2)}|${tilt.toFixed(2)}|${zoom.toFixed(2)}`;
      if (key === lastMotion.current) return;
      const previousZoom = Number(lastMotion.current.split('|')[2] ?? 0);
      lastMotion.current = key;
      void send({ type: 'drive', pan, tilt });
      if (zoom !== 0 || previousZoom !== 0) void send({ type: 'zoom', speed: zoom });
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
