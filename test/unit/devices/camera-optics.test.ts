// The optics each camera driver declares, and the click-to-center geometry on them (issue 19,
// point 3): the EVI-D70's figures for VISCA, Pelco-D's own model with a pan that turns without end.
import { describe, expect, it } from 'vitest';
import { centerTarget, fieldOfView } from '../../../devices/camera/optics';
import { createPelcoDCamera } from '../../../devices/pelco-d/driver';
import { PELCO_D_GENERIC_OPTICS as pelcoD } from '../../../devices/pelco-d/optics';
import { createFakeTransport } from '../../../devices/transport/fake-transport';
import { createViscaCamera } from '../../../devices/visca/driver';
import { MODEL } from '../../../devices/visca/camera-model';
import { SONY_EVI_D70_OPTICS as optics } from '../../../devices/visca/optics';

describe('click-to-center on the EVI-D70 (VISCA)', () => {
  it('uses the full field of view when wide and the narrow one at full zoom', () => {
    expect(fieldOfView(optics, 0).h).toBeCloseTo(48.8, 5);
    expect(fieldOfView(optics, optics.zoomMax).h).toBeCloseTo(2.7, 5);
    const middle = fieldOfView(optics, optics.zoomMax / 2).h;
    expect(middle).toBeCloseTo(Math.sqrt(48.8 * 2.7), 5); // geometric middle on a log scale
    expect(fieldOfView(optics, 0).v).toBeLessThan(fieldOfView(optics, 0).h); // 4:3 picture
  });

  it('turns by half the field of view for a click on the right edge when wide', () => {
    const target = centerTarget(optics, { pan: 0, tilt: 0, zoom: 0 }, 1, 0);
    expect(target.pan).toBe(Math.round(24.4 / 0.075)); // 325 units to the right
    expect(target.tilt).toBe(0);
  });

  it('turns much less for the same click when zoomed in, and keeps the centre where it is', () => {
    const wide = centerTarget(optics, { pan: 100, tilt: 50, zoom: 0 }, 0.5, 0.5);
    const tele = centerTarget(optics, { pan: 100, tilt: 50, zoom: optics.zoomMax }, 0.5, 0.5);
    expect(tele.pan - 100).toBeLessThan((wide.pan - 100) / 10);
    expect(tele.pan).toBeGreaterThan(100);
    expect(centerTarget(optics, { pan: 100, tilt: 50, zoom: 4000 }, 0, 0)).toEqual({ pan: 100, tilt: 50 });
    // Left and down are negative.
    const leftDown = centerTarget(optics, { pan: 0, tilt: 0, zoom: 0 }, -0.5, -0.5);
    expect(leftDown.pan).toBeLessThan(0);
    expect(leftDown.tilt).toBeLessThan(0);
  });

  it('never asks for a position beyond the mechanical limits', () => {
    expect(centerTarget(optics, { pan: 2260, tilt: 1195, zoom: 0 }, 1, 1)).toEqual({ pan: 2267, tilt: 1200 });
    expect(centerTarget(optics, { pan: -2260, tilt: -395, zoom: 0 }, -1, -1)).toEqual({ pan: -2267, tilt: -400 });
  });

  it('is written once: the simulator moves within the travel the driver declares', () => {
    expect(createViscaCamera({ transport: createFakeTransport('/dev/ttyUSB0') }).optics).toBe(optics);
    expect([MODEL.panMin, MODEL.panMax, MODEL.tiltMin, MODEL.tiltMax, MODEL.zoomMax]).toEqual([
      -2267,
      2267,
      -400,
      1200,
      optics.zoomMax,
    ]);
  });
});

describe('click-to-center on a Pelco-D camera (its own model)', () => {
  it('is what the Pelco-D driver declares, in hundredths of a degree', () => {
    expect(createPelcoDCamera({ transport: createFakeTransport('/dev/ttyUSB1') }).optics).toBe(pelcoD);
    expect(centerTarget(pelcoD, { pan: 0, tilt: 0, zoom: 0 }, 1, 0)).toEqual({ pan: 2750, tilt: 0 }); // 27.5 deg
  });

  it('wraps the pan round past 0 and 360 deg instead of stopping at a limit', () => {
    expect(centerTarget(pelcoD, { pan: 1000, tilt: 0, zoom: 0 }, -1, 0).pan).toBe(36000 - 1750);
    expect(centerTarget(pelcoD, { pan: 35000, tilt: 0, zoom: 0 }, 1, 0).pan).toBe(1750);
    // A target that rounds to 360.00 deg is 0, never 36000 (which the camera would not take).
    expect(centerTarget(pelcoD, { pan: 35999.6, tilt: 0, zoom: 0 }, 0, 0).pan).toBe(0);
  });

  it('stops the tilt at its travel, and turns less when zoomed in', () => {
    expect(centerTarget(pelcoD, { pan: 0, tilt: 8900, zoom: 0 }, 0, 1).tilt).toBe(9000);
    const tele = centerTarget(pelcoD, { pan: 0, tilt: 0, zoom: pelcoD.zoomMax }, 1, 0);
    expect(tele.pan).toBe(140); // half of 2.8 deg
  });
});
