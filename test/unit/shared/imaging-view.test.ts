// The viewer's arithmetic: the DICOM linear window, CT presets, and measurements in real units.
import { describe, expect, it } from 'vitest';
import {
  CT_PRESETS,
  dragWindow,
  ellipseStats,
  lengthMm,
  SharedViewSchema,
  windowed,
} from '../../../src/shared/imaging/imaging-view';

describe('window', () => {
  it('maps the window onto black..white as PS3.3 C.11.2.1.2.1 says', () => {
    const brain = CT_PRESETS.brain; // 40 / 80: from 0 to 80 HU
    expect(windowed(-1000, brain)).toBe(0); // air
    expect(windowed(0, brain)).toBe(0);
    expect(windowed(40, brain)).toBe(129); // (40 - 39.5) / 79 + 0.5 of 255
    expect(windowed(80, brain)).toBe(255);
    expect(windowed(1200, brain)).toBe(255); // bone
    // The stroke window is narrow: 10 HU apart is a visible step.
    expect(windowed(35, CT_PRESETS.stroke) - windowed(25, CT_PRESETS.stroke)).toBeGreaterThan(60);
  });

  it('a drag right widens, a drag down lowers the centre; never a zero width', () => {
    expect(dragWindow({ center: 40, width: 80 }, 10, 0, 1)).toEqual({ center: 40, width: 100 });
    expect(dragWindow({ center: 40, width: 80 }, 0, 10, 1)).toEqual({ center: 30, width: 80 });
    expect(dragWindow({ center: 40, width: 80 }, -1000, 0, 1).width).toBe(1);
  });
});

describe('measurements', () => {
  it('a length in millimetres from the pixel spacing (rows, then columns), in pixels without', () => {
    expect(lengthMm({ x: 0, y: 0 }, { x: 100, y: 0 }, [0.5, 0.488])).toEqual({
      value: expect.closeTo(48.8, 6),
      unit: 'mm',
    });
    expect(lengthMm({ x: 0, y: 0 }, { x: 0, y: 100 }, [0.5, 0.488])).toEqual({
      value: expect.closeTo(50, 6),
      unit: 'mm',
    });
    expect(lengthMm({ x: 0, y: 0 }, { x: 3, y: 4 }, null)).toEqual({ value: 5, unit: 'px' });
  });

  it('the mean density inside an ellipse, pixels counted by their centre', () => {
    // A 10 x 10 image: left half 0 HU, right half 100 HU.
    const value = (i: number) => (i % 10 < 5 ? 0 : 100);
    const whole = ellipseStats(value, 10, 10, { x: 0, y: 0 }, { x: 10, y: 10 }, [1, 1])!;
    expect(whole.mean).toBeCloseTo(50, 6);
    expect(whole.pixels).toBe(80); // the pixels whose centre is inside the inscribed circle
    expect(whole.areaMm2).toBe(80);
    const right = ellipseStats(value, 10, 10, { x: 6, y: 2 }, { x: 10, y: 8 }, null)!;
    expect(right).toMatchObject({ mean: 100, sd: 0, min: 100, max: 100, areaMm2: null });
    expect(ellipseStats(value, 10, 10, { x: 3, y: 3 }, { x: 3.2, y: 3.2 }, null)).toBeNull();
    // An ellipse dragged beyond the image counts only what is on it.
    expect(ellipseStats(value, 10, 10, { x: -20, y: -20 }, { x: 30, y: 30 }, null)!.pixels).toBe(100);
  });
});

describe('the shared view on the wire', () => {
  it('refuses views that no viewer could show', () => {
    const view = { index: 3, center: 40, width: 80, zoom: 1, panX: 0, panY: 0 };
    expect(SharedViewSchema.safeParse(view).success).toBe(true);
    for (const bad of [
      { ...view, width: 0 },
      { ...view, zoom: 1e9 },
      { ...view, index: -1 },
      { ...view, center: Number.NaN },
      { ...view, extra: 1 },
    ]) {
      expect(SharedViewSchema.safeParse(bad).success).toBe(false);
    }
  });
});
