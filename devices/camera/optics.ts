// A pan-tilt-zoom camera's optics and travel, as each driver declares them for its model, and the
// click-to-center geometry built on them: where to point the camera so that the clicked point of
// its picture comes to the middle. Kept here once: the station's main process asks the attached
// camera's driver for its optics, never a table of its own. Pure.

export interface CameraOptics {
  /** Which camera these figures describe, and where they come from (said in logs and reports). */
  model: string;
  /** Horizontal field of view at the widest zoom and at full zoom, in degrees. */
  hfovWideDeg: number;
  hfovTeleDeg: number;
  /** The zoom position at full zoom, in the camera's units (0 is the widest). */
  zoomMax: number;
  /** Camera units per degree on each axis. */
  panUnitsPerDeg: number;
  tiltUnitsPerDeg: number;
  /** Width over height of the picture. */
  aspect: number;
  /** Mechanical travel in camera units. A head that turns without end gives its full turn instead
   * of pan limits: a target past 0 wraps round rather than stopping at a limit. */
  pan: { min: number; max: number } | { fullTurn: number };
  tilt: { min: number; max: number };
}

const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const wrap = (v: number, turn: number) => ((v % turn) + turn) % turn;

/** Horizontal and vertical field of view at a zoom position, in degrees. A zoom lens's
 * magnification grows roughly exponentially with the zoom motor position, so the angle is
 * interpolated on a log scale between the wide and tele ends. */
export function fieldOfView(optics: CameraOptics, zoom: number): { h: number; v: number } {
  const t = clamp(zoom / optics.zoomMax, 0, 1);
  const h = optics.hfovWideDeg * Math.pow(optics.hfovTeleDeg / optics.hfovWideDeg, t);
  const v = deg(2 * Math.atan(Math.tan(rad(h) / 2) / optics.aspect));
  return { h, v };
}

/** The pan/tilt target (camera units) that centres the point clicked at x, y (-1..1 from the
 * centre, right and up positive) of the picture taken at `position`. */
export function centerTarget(
  optics: CameraOptics,
  position: { pan: number; tilt: number; zoom: number },
  x: number,
  y: number,
): { pan: number; tilt: number } {
  const fov = fieldOfView(optics, position.zoom);
  // A pinhole camera: the offset on the picture is proportional to the tangent of the angle.
  const panDeg = deg(Math.atan(clamp(x, -1, 1) * Math.tan(rad(fov.h) / 2)));
  const tiltDeg = deg(Math.atan(clamp(y, -1, 1) * Math.tan(rad(fov.v) / 2)));
  const pan = position.pan + panDeg * optics.panUnitsPerDeg;
  const tilt = position.tilt + tiltDeg * optics.tiltUnitsPerDeg;
  const panTarget =
    'fullTurn' in optics.pan
      ? wrap(Math.round(pan), optics.pan.fullTurn)
      : Math.round(clamp(pan, optics.pan.min, optics.pan.max));
  return { pan: panTarget, tilt: Math.round(clamp(tilt, optics.tilt.min, optics.tilt.max)) };
}
