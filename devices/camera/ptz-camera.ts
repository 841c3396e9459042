// What the station asks of a pan-tilt-zoom camera, whatever its protocol (VISCA, VISCA over IP,
// Pelco-D). Velocities are normalised (-1..1) and mapped to each protocol's speed range.
import type { CameraOptics } from './optics';

/** Continuous motion: pan -1 (left) .. 1 (right), tilt -1 (down) .. 1 (up); 0 stops that axis. */
export interface PanTiltVelocity {
  pan: number;
  tilt: number;
}

/** Positions in the camera's own units (reported as they are: ranges are model-specific). */
export interface PtzPosition {
  pan: number;
  tilt: number;
  zoom: number;
}

export type FocusCommand = 'auto' | 'manual' | 'one_push' | 'near' | 'far' | 'stop';

export interface CameraStats {
  /** Motion updates handed to the driver. */
  submitted: number;
  /** Motion updates replaced by a newer one before they were sent (no backlog). */
  replaced: number;
  /** The most motion commands ever waiting behind the one in flight (0 or 1 by design). */
  maxQueueDepth: number;
}

export interface PtzCamera {
  readonly protocol: 'visca' | 'visca-ip' | 'pelco-d';
  /** The model's field of view per zoom and travel, in the units position() and moveTo() use. */
  readonly optics: CameraOptics;
  /** Latest wins: at most one motion command in flight, a newer one replaces the waiting one. */
  drive(velocity: PanTiltVelocity): void;
  /** Zoom speed -1 (wide) .. 1 (tele); 0 stops. Latest wins, like drive(). */
  zoom(speed: number): void;
  /** Stops pan, tilt and zoom at once, ahead of anything waiting. */
  stop(): Promise<void>;
  home(): Promise<void>;
  presetRecall(preset: number): Promise<void>;
  presetSet(preset: number): Promise<void>;
  presetClear(preset: number): Promise<void>;
  focus(command: FocusCommand): Promise<void>;
  /** Absolute pan/tilt in camera units, speed 0..1. */
  moveTo(position: { pan: number; tilt: number }, speed?: number): Promise<void>;
  zoomTo(zoom: number): Promise<void>;
  /** Null when the camera cannot tell (many Pelco-D cameras never answer). */
  position(): Promise<PtzPosition | null>;
  stats(): CameraStats;
  close(): Promise<void>;
}

export class CameraCommandError extends Error {
  constructor(
    readonly code:
      'syntax' | 'not_executable' | 'cancelled' | 'timeout' | 'device_away' | 'unsupported' | 'buffer_full',
    message: string,
  ) {
    super(message);
    this.name = 'CameraCommandError';
  }
}
