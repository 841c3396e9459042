// A frame painted through a window into a canvas of the frame's own size (one pixel per pixel),
// ready to be drawn scaled: the viewer's offscreen canvas and the series thumbnails.
import type { WindowLevel } from '../../../shared/imaging/imaging-view';
import { paint, type LoadedFrame } from './loaded-frame';

/** False when the canvas has no 2D context (nothing painted). */
export function paintFrameInto(canvas: HTMLCanvasElement, frame: LoadedFrame, window: WindowLevel): boolean {
  canvas.width = frame.columns;
  canvas.height = frame.rows;
  const context = canvas.getContext('2d');
  if (!context) return false;
  const image = context.createImageData(frame.columns, frame.rows);
  paint(frame, window, image.data);
  context.putImageData(image, 0, 0);
  return true;
}
