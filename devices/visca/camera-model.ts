// A modelled Sony EVI-D70-like head: pan, tilt and zoom positions integrated over time at
// speeds proportional to the VISCA speed codes. Pure: every call takes the time in ms.
import { SONY_EVI_D70_TRAVEL as TRAVEL } from './optics';

// The travel is the one the driver declares (optics.ts): the simulator moves within what the
// station believes of the camera, written once.
export const MODEL = {
  panMin: TRAVEL.pan.min,
  panMax: TRAVEL.pan.max,
  tiltMin: TRAVEL.tilt.min,
  tiltMax: TRAVEL.tilt.max,
  zoomMax: TRAVEL.zoomMax,
  panUnitsPerSecond: 1333, // about 100 degrees/s at speed 0x18
  tiltUnitsPerSecond: 1080, // about 80 degrees/s at speed 0x17
  zoomFullTravelMs: 2500, // wide to tele at the fastest variable speed
  panSpeedMax: 0x18,
  tiltSpeedMax: 0x17,
};

interface Axis {
  position: number;
  velocity: number; // units per ms (continuous drive)
  target: number | null; // targeted move
  speed: number; // units per ms for a targeted move
}

export interface ModelState {
  pan: number;
  tilt: number;
  zoom: number;
  moving: boolean;
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, v));

export function createCameraModel(startMs: number) {
  const pan: Axis = { position: 0, velocity: 0, target: null, speed: 0 };
  const tilt: Axis = { position: 0, velocity: 0, target: null, speed: 0 };
  const zoom: Axis = { position: 0, velocity: 0, target: null, speed: 0 };
  const limits = new Map<Axis, [number, number]>([
    [pan, [MODEL.panMin, MODEL.panMax]],
    [tilt, [MODEL.tiltMin, MODEL.tiltMax]],
    [zoom, [0, MODEL.zoomMax]],
  ]);
  const presets = new Map<number, { pan: number; tilt: number; zoom: number }>();
  let last = startMs;

  function advance(now: number): void {
    const dt = Math.max(0, now - last);
    last = Math.max(last, now);
    for (const [axis, [min, max]] of limits) {
      if (axis.target !== null) {
        const step = axis.speed * dt;
        const remaining = axis.target - axis.position;
        if (Math.abs(remaining) <= step) {
          axis.position = axis.target;
          axis.target = null;
        } else axis.position += Math.sign(remaining) * step;
      } else if (axis.velocity !== 0) {
        axis.position = clamp(axis.position + axis.velocity * dt, min, max);
      }
    }
  }

  /** Starts a targeted move; returns how long it takes, in ms. */
  function moveAxis(axis: Axis, target: number, unitsPerMs: number): number {
    const [min, max] = limits.get(axis)!;
    axis.velocity = 0;
    axis.target = clamp(Math.round(target), min, max);
    axis.speed = unitsPerMs;
    return unitsPerMs > 0 ? Math.abs(axis.target - axis.position) / unitsPerMs : 0;
  }

  const panRate = (speed: number) =>
    (MODEL.panUnitsPerSecond * clamp(speed, 1, MODEL.panSpeedMax)) / MODEL.panSpeedMax / 1000;
  const tiltRate = (speed: number) =>
    (MODEL.tiltUnitsPerSecond * clamp(speed, 1, MODEL.tiltSpeedMax)) / MODEL.tiltSpeedMax / 1000;
  const zoomRate = (p: number) => ((MODEL.zoomMax / MODEL.zoomFullTravelMs) * (clamp(p, 0, 7) + 1)) / 8;

  return {
    state(now: number): ModelState {
      advance(now);
      const round = (a: Axis) => Math.round(a.position);
      const moving = [pan, tilt, zoom].some(
        (a) =>
          a.target !== null || (a.velocity !== 0 && a.position > limits.get(a)![0] && a.position < limits.get(a)![1]),
      );
      return { pan: round(pan), tilt: round(tilt), zoom: round(zoom), moving };
    },
    /** Continuous drive: direction -1/0/1 per axis at a VISCA speed code. */
    drive(now: number, panDirection: number, tiltDirection: number, panSpeed: number, tiltSpeed: number): void {
      advance(now);
      for (const [axis, direction, rate] of [
        [pan, panDirection, panRate(panSpeed)],
        [tilt, tiltDirection, tiltRate(tiltSpeed)],
      ] as const) {
        axis.target = null;
        axis.velocity = direction * rate;
      }
    },
    moveTo(now: number, panTarget: number, tiltTarget: number, panSpeed: number, tiltSpeed: number): number {
      advance(now);
      return Math.max(moveAxis(pan, panTarget, panRate(panSpeed)), moveAxis(tilt, tiltTarget, tiltRate(tiltSpeed)));
    },
    moveBy(now: number, dPan: number, dTilt: number, panSpeed: number, tiltSpeed: number): number {
      advance(now);
      return Math.max(
        moveAxis(pan, pan.position + dPan, panRate(panSpeed)),
        moveAxis(tilt, tilt.position + dTilt, tiltRate(tiltSpeed)),
      );
    },
    /** Variable zoom: direction -1 (wide) / 0 / 1 (tele) at speed p 0-7. */
    zoomDrive(now: number, direction: number, p: number): void {
      advance(now);
      zoom.target = null;
      zoom.velocity = direction * zoomRate(p);
    },
    zoomTo(now: number, position: number): number {
      advance(now);
      return moveAxis(zoom, position, zoomRate(7));
    },
    presetSet(now: number, preset: number): void {
      const s = this.state(now);
      presets.set(preset, { pan: s.pan, tilt: s.tilt, zoom: s.zoom });
    },
    presetReset(preset: number): void {
      presets.delete(preset);
    },
    /** Returns the move's duration, or null for an unknown preset. */
    presetRecall(now: number, preset: number): number | null {
      const p = presets.get(preset);
      if (!p) return null;
      advance(now);
      return Math.max(
        moveAxis(pan, p.pan, panRate(MODEL.panSpeedMax)),
        moveAxis(tilt, p.tilt, tiltRate(MODEL.tiltSpeedMax)),
        moveAxis(zoom, p.zoom, zoomRate(7)),
      );
    },
  };
}

export type CameraModel = ReturnType<typeof createCameraModel>;
