// Latest wins: at most one motion command in flight and at most one waiting; a newer update
// replaces the waiting one, so a joystick never builds a backlog and the camera follows the
// hand, not its history. Stop goes through the priority lane and drops whatever waits.
import type { CameraStats } from './ptz-camera';

export interface MotionSlot<T> {
  /** Sends now if nothing is in flight, else waits in the one slot (replacing what was there). */
  submit(command: T): void;
  /** Drops the waiting command (Stop, Cancel, reconnect): it will never be sent. */
  clear(): void;
  inFlight(): boolean;
  depth(): number;
  stats(): CameraStats;
}

export function createMotionSlot<T>(
  send: (command: T) => Promise<unknown>,
  onError: (error: unknown) => void = () => {},
): MotionSlot<T> {
  let waiting: { command: T } | null = null;
  let busy = false;
  const stats: CameraStats = { submitted: 0, replaced: 0, maxQueueDepth: 0 };

  function pump(): void {
    if (busy || !waiting) return;
    const { command } = waiting;
    waiting = null;
    busy = true;
    send(command)
      .catch(onError)
      .finally(() => {
        busy = false;
        pump();
      });
  }

  return {
    submit(command) {
      stats.submitted++;
      if (waiting) stats.replaced++;
      waiting = { command };
      if (busy) stats.maxQueueDepth = Math.max(stats.maxQueueDepth, 1);
      pump();
    },
    clear() {
      waiting = null;
    },
    inFlight: () => busy,
    depth: () => (waiting ? 1 : 0),
    stats: () => ({ ...stats }),
  };
}
