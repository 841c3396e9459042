import { describe, expect, it } from 'vitest';
import { centerTarget, fieldOfView, VISCA_EVI_D70_OPTICS as optics } from '../../../src/shared/devices/click-to-center';

describe('click-to-center', () => {
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
});
