// Click-to-center: where to point the camera so that the clicked point of its picture comes to the
// middle. The field of view narrows as the camera zooms in; a zoom lens's magnification grows
// roughly exponentially with the zoom motor position, so the angle is interpolated on a log scale
// between the wide and tele ends. Pure.

export interface CameraOptics {
  /** Horizontal field of view at the widest zoom and at full zoom, in degrees. */
  hfovWideDeg: number;
  hfovTeleDeg: number;
  /** The zoom position at full zoom, in the camera's units. */
  zoomMax: number;
  /** Camera units per degree on each axis. */
  panUnitsPerDeg: number;
  tiltUnitsPerDeg: number;
  /** Width over height of the picture. */
  aspect: number;
  panMin: number;
  panMax: number;
  tiltMin: number;
  tiltMax: number;
}

/** A Sony EVI-D70-class camera (VISCA, 18x optical): 48.8 deg wide, 2.7 deg tele, 0.075 deg per
 * pan/tilt unit, zoom 0..0x4000. What our VISCA simulator models too. */
export const VISCA_EVI_D70_OPTICS: CameraOptics = {
  hfovWideDeg: 48.8,
  hfovTeleDeg: 2.7,
  zoomMax: 0x4000,
  panUnitsPerDeg: 1 / 0.075,
  tiltUnitsPerDeg: 1 / 0.075,
  aspect: 4 / 3,
  panMin: -2267,
  panMax: 2267,
  tiltMin: -400,
  tiltMax: 1200,
};

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Horizontal and vertical field of view at a zoom position, in degrees. */
export function fieldOfView(optics: CameraOptics, zoom: number): { h: number; v: number } {
  const t = clamp(zoom / optics.zoomMax, 0, 1);
  const h = optics.hfovWideDeg * Math.pow(optics.hfovTeleDeg / optics.hfovWideDeg, t);
  const v = deg(2 * Math.atan(Math.tan(rad(h) / 2) / optics.aspect));
  return { h, v };
}

/** The pan/tilt target (camera units) that centres the point clicked at x, y (-1..1 from the
 * centre, right and up positive) of the picture taken at `position`. */
export function centerTarget(optics: CameraOptics, position: { pan: number; tilt: number; zoom: number }, x: number, y: number): { pan: number; tilt: number } {
  const fov = fieldOfView(optics, position.zoom);
  // A pinhole camera: the offset on the picture is proportional to the tangent of the angle.
  const panDeg = deg(Math.atan(clamp(x, -1, 1) * Math.tan(rad(fov.h) / 2)));
  const tiltDeg = deg(Math.atan(clamp(y, -1, 1) * Math.tan(rad(fov.v) / 2)));
  return {
    pan: Math.round(clamp(position.pan + panDeg * optics.panUnitsPerDeg, optics.panMin, optics.panMax)),
    tilt: Math.round(clamp(position.tilt + tiltDeg * optics.tiltUnitsPerDeg, optics.tiltMin, optics.tiltMax)),
  };
}
