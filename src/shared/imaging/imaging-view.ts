// What a viewer shows of a series, and the arithmetic behind it: the CT window presets a stroke
// team uses, the DICOM linear window (PS3.3 C.11.2.1.2.1), and measurements in real units (a
// length in millimetres from the pixel spacing, the mean density of a region in Hounsfield
// units). The view state is what a shared view sends over the call's data channel. Pure.
import { z } from 'zod';

export interface WindowLevel {
  center: number;
  width: number;
}

/**
 * CT presets, in Hounsfield units (centre / width), as usual in neuroradiology teaching:
 * brain 40/80; stroke 40/40, narrow, for the early loss of grey-white contrast; subdural
 * 75/200, to part a thin haematoma from the skull; bone 400/1800.
 */
export const CT_PRESETS = {
  brain: { center: 40, width: 80 },
  stroke: { center: 40, width: 40 },
  subdural: { center: 75, width: 200 },
  bone: { center: 400, width: 1800 },
} as const satisfies Record<string, WindowLevel>;
export type CtPreset = keyof typeof CT_PRESETS;

/** The greyscale byte (0 black .. 255 white) of a modality value under a window. */
export function windowed(value: number, { center, width }: WindowLevel): number {
  const w = Math.max(1, width);
  const low = center - 0.5 - (w - 1) / 2;
  const high = center - 0.5 + (w - 1) / 2;
  if (value <= low) return 0;
  if (value > high) return 255;
  return Math.round(((value - (center - 0.5)) / (w - 1) + 0.5) * 255);
}

/** A window from a drag: right widens, down lowers the centre (the usual radiology gesture). */
export function dragWindow(start: WindowLevel, dx: number, dy: number, scale: number): WindowLevel {
  return {
    center: Math.round(start.center - dy * scale),
    width: Math.max(1, Math.round(start.width + dx * scale * 2)),
  };
}

/** Length between two points given in image pixels (column, row), in millimetres when the spacing is known. */
export function lengthMm(
  a: { x: number; y: number },
  b: { x: number; y: number },
  spacing: [number, number] | null,
): { value: number; unit: 'mm' | 'px' } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (!spacing) return { value: Math.hypot(dx, dy), unit: 'px' };
  const [rowSpacing, columnSpacing] = spacing;
  return { value: Math.hypot(dx * columnSpacing, dy * rowSpacing), unit: 'mm' };
}

/**
 * Mean, standard deviation, min and max of the modality values inside the ellipse inscribed in
 * the box from a to b (image pixels), with the area in mm² when the spacing is known.
 */
export function ellipseStats(
  values: (index: number) => number,
  columns: number,
  rows: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
  spacing: [number, number] | null,
): { mean: number; sd: number; min: number; max: number; pixels: number; areaMm2: number | null } | null {
  const cx = (a.x + b.x) / 2;
  const cy = (a.y + b.y) / 2;
  const rx = Math.abs(b.x - a.x) / 2;
  const ry = Math.abs(b.y - a.y) / 2;
  if (rx < 0.5 || ry < 0.5) return null;
  let n = 0;
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let y = Math.max(0, Math.floor(cy - ry)); y <= Math.min(rows - 1, Math.ceil(cy + ry)); y++) {
    for (let x = Math.max(0, Math.floor(cx - rx)); x <= Math.min(columns - 1, Math.ceil(cx + rx)); x++) {
      // A pixel is in when its centre is.
      const ex = (x + 0.5 - cx) / rx;
      const ey = (y + 0.5 - cy) / ry;
      if (ex * ex + ey * ey > 1) continue;
      const v = values(y * columns + x);
      n++;
      sum += v;
      squares += v * v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (n === 0) return null;
  const mean = sum / n;
  return {
    mean,
    sd: Math.sqrt(Math.max(0, squares / n - mean * mean)),
    min,
    max,
    pixels: n,
    areaMm2: spacing ? n * spacing[0] * spacing[1] : null,
  };
}

const finite = z.number().finite();

/** What both sides of a call see of a shared series: the slice, the window, zoom and pan. */
export const SharedViewSchema = z.strictObject({
  index: z.number().int().min(0).max(100_000),
  center: finite.min(-100_000).max(100_000),
  width: finite.min(1).max(200_000),
  zoom: finite.min(0.1).max(20),
  panX: finite.min(-100_000).max(100_000),
  panY: finite.min(-100_000).max(100_000),
});
export type SharedView = z.infer<typeof SharedViewSchema>;
