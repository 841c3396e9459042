// What Relais assumes of a Pelco-D camera's optics and travel. Pelco-D is a protocol spoken by
// many domes and heads of many makers: it carries no model number and no lens description.
import type { CameraOptics } from '../camera/optics';

/** NOT KNOWN for the attached camera: Pelco-D says nothing about the lens, and no maker's sheet was
 * at hand for this model. The angles below are placeholders of the order of a common 20x dome lens
 * (wide about 55 deg, tele about 2.8 deg), not taken from any one camera: replace them with the
 * camera's own figures when its model is known. (The VISCA figures, visca/optics.ts, come from
 * Sony's EVI-D70 specifications.) What the protocol's common convention fixes (README.md,
 * unverified on real hardware): absolute pan and tilt in hundredths of a degree, pan turning
 * without end (0..35999), zoom position 0..FFFF. The tilt travel is our simulator's (+-90 deg). */
export const PELCO_D_GENERIC_OPTICS: CameraOptics = {
  model: 'Pelco-D camera (lens not known: generic 20x dome figures)',
  hfovWideDeg: 55,
  hfovTeleDeg: 2.8,
  zoomMax: 0xffff,
  panUnitsPerDeg: 100,
  tiltUnitsPerDeg: 100,
  aspect: 16 / 9,
  pan: { fullTurn: 36000 },
  tilt: { min: -9000, max: 9000 },
};
