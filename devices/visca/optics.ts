// The optics and travel of the VISCA camera Relais is set up and tested with: a Sony EVI-D70-class
// head (18x optical zoom). Also what the VISCA simulator's modelled head moves within.
import type { CameraOptics } from '../camera/optics';

/** Source: Sony's EVI-D70/D70P specifications: horizontal angle of view 48.8 deg (wide end) to
 * 2.7 deg (tele end), pan +-170 deg, tilt -30 to +90 deg; and the VISCA command list's position
 * ranges (pan F725..08DB, tilt FE70..04B0, zoom 0000..4000), about 0.075 deg per pan/tilt unit. */
export const SONY_EVI_D70_TRAVEL = {
  pan: { min: -2267, max: 2267 }, // F725..08DB: about -170..+170 degrees
  tilt: { min: -400, max: 1200 }, // FE70..04B0: about -30..+90 degrees
  zoomMax: 0x4000,
};

export const SONY_EVI_D70_OPTICS: CameraOptics = {
  model: 'Sony EVI-D70 (VISCA)',
  hfovWideDeg: 48.8,
  hfovTeleDeg: 2.7,
  zoomMax: SONY_EVI_D70_TRAVEL.zoomMax,
  panUnitsPerDeg: 1 / 0.075,
  tiltUnitsPerDeg: 1 / 0.075,
  aspect: 4 / 3,
  pan: SONY_EVI_D70_TRAVEL.pan,
  tilt: SONY_EVI_D70_TRAVEL.tilt,
};
