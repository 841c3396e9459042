// Frames already painted through the window, each in its own canvas of the frame's size: the
// shown slice and its neighbours, painted ahead while the page is idle, so that a key that moves
// one slice only draws a canvas (well within the next frame) instead of windowing 512 x 512
// samples first. A window change paints afresh; the oldest canvas is reused.
import type { WindowLevel } from '../../../shared/imaging/imaging-view';
import { paintFrameInto } from './frame-canvas';
import type { LoadedFrame } from './loaded-frame';

interface Painted {
  frame: LoadedFrame;
  center: number;
  width: number;
  canvas: HTMLCanvasElement;
}

export function createPaintedFrames(size = 5) {
  let painted: Painted[] = [];
  const find = (frame: LoadedFrame, window: WindowLevel) =>
    painted.find((p) => p.frame === frame && p.center === window.center && p.width === window.width) ?? null;

  /** The frame painted through the window (painted now unless it was painted ahead); null without a 2D context. */
  function canvasOf(frame: LoadedFrame, window: WindowLevel): HTMLCanvasElement | null {
    const found = find(frame, window);
    if (found) {
      painted = [found, ...painted.filter((p) => p !== found)];
      return found.canvas;
    }
    // Canvases painted under another window are of no use any more: reused first.
    const stale = painted.filter((p) => p.center !== window.center || p.width !== window.width);
    const reused = stale.at(-1) ?? (painted.length >= size ? painted.at(-1)! : null);
    const canvas = reused?.canvas ?? document.createElement('canvas');
    painted = painted.filter((p) => p !== reused);
    if (!paintFrameInto(canvas, frame, window)) return null;
    painted = [{ frame, center: window.center, width: window.width, canvas }, ...painted];
    return canvas;
  }

  return {
    canvasOf,
    /** Paints ahead the frames that are not painted yet, one per idle moment, nearest first. */
    paintAhead(frames: (LoadedFrame | null)[], window: WindowLevel): () => void {
      let cancelled = false;
      const next = () => {
        if (cancelled) return;
        const frame = frames.find((f) => f && !find(f, window));
        if (!frame) return;
        // Kept behind the shown slice in the list: painting ahead never pushes it out.
        const shown = painted[0];
        canvasOf(frame, window);
        if (shown) painted = [shown, ...painted.filter((p) => p !== shown)];
        schedule();
      };
      const schedule = () =>
        typeof requestIdleCallback === 'function' ? requestIdleCallback(next, { timeout: 100 }) : setTimeout(next, 0);
      schedule();
      return () => {
        cancelled = true;
      };
    },
  };
}
