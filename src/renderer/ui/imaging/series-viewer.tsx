// A series viewer for a cart PC: stack scroll (wheel, arrow keys, slider), window/level by drag
// or CT preset, zoom and pan, length and ROI measurements in real units. The view (slice,
// window, zoom, pan) is controlled by the parent, so that a call can share it; the other side's
// pointer is drawn when given. Painting is one pass per frame into an offscreen canvas, redrawn
// with the zoom and pan: a window change repaints one frame, a pan none.
import { useEffect, useRef, useState, useSyncExternalStore, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CT_PRESETS,
  dragWindow,
  ellipseStats,
  lengthMm,
  type CtPreset,
  type SharedView,
} from '../../../shared/imaging/imaging-view';
import type { FrameSource } from './frame-source';
import { createPaintedFrames } from './painted-frames';
import { initialWindow, type LoadedFrame } from './loaded-frame';
import { formatNumber } from '../format';
import { MarkersLegend, ViewerOverlay, type OverlayInfo } from './viewer-overlay';

type Tool = 'window' | 'pan' | 'zoom' | 'length' | 'roi';
type Point = { x: number; y: number };
interface Measurement {
  id: number;
  kind: 'length' | 'roi';
  index: number;
  a: Point;
  b: Point;
}

export interface SeriesViewerProps {
  source: FrameSource;
  view: SharedView;
  onView(view: SharedView): void;
  /** The other side's pointer, in image pixels. */
  remotePointer?: Point | null;
  onPointer?(point: Point | null): void;
  /** The patient and study written over the image (a series of this station). */
  overlay?: OverlayInfo | null;
}

/** The view to open a series with: its middle slice, the first frame's own window. */
export function openingView(frame: LoadedFrame | null, count: number): SharedView {
  const window = frame ? initialWindow(frame) : { center: 40, width: 80 };
  return { index: Math.floor(count / 2), ...window, zoom: 1, panX: 0, panY: 0 };
}

/** The source's frames as React state: re-rendered on each arrival. */
function useArrivals(source: FrameSource): number {
  return useSyncExternalStore(source.subscribe, source.loaded);
}

const clampIndex = (index: number, count: number) => Math.max(0, Math.min(count - 1, index));

export function SeriesViewer({ source, view, onView, remotePointer, onPointer, overlay = null }: SeriesViewerProps) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const painted = useRef(createPaintedFrames());
  const [tool, setTool] = useState<Tool>('window');
  const [measurements, setMeasurements] = useState<Measurement[]>([]);
  const [draft, setDraft] = useState<Measurement | null>(null);
  // The drag, read by the pointer events themselves: a busy cart may deliver a whole drag before
  // React renders again, and a draft read from the last render would miss it (no measurement).
  const drag = useRef<{ x: number; y: number; view: SharedView; start: Point; draft: Measurement | null } | null>(null);
  const loaded = useArrivals(source);
  const frame = source.peek(view.index);
  const failure = frame ? null : source.failure(view.index);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });
  // The shown slice first, then the rest of the series outward from it.
  useEffect(() => void source.get(view.index).catch(() => undefined), [source, view.index]);
  const firstIndex = useRef(view.index);
  useEffect(() => source.prefetch(firstIndex.current), [source]);

  /** Image pixel -> canvas pixel, with the fit, zoom and pan. */
  const geometry = () => {
    const c = canvas.current;
    if (!c || !frame) return null;
    const fit = Math.min(c.width / frame.columns, c.height / frame.rows) * view.zoom;
    return {
      fit,
      ox: c.width / 2 - (frame.columns * fit) / 2 + view.panX * fit,
      oy: c.height / 2 - (frame.rows * fit) / 2 + view.panY * fit,
    };
  };
  const toImage = (event: { clientX: number; clientY: number }): Point | null => {
    const c = canvas.current;
    const g = geometry();
    if (!c || !g) return null;
    const box = c.getBoundingClientRect();
    const sx = ((event.clientX - box.left) / box.width) * c.width;
    const sy = ((event.clientY - box.top) / box.height) * c.height;
    return { x: (sx - g.ox) / g.fit, y: (sy - g.oy) / g.fit };
  };

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const box = c.getBoundingClientRect();
    if (box.width > 0 && (c.width !== Math.round(box.width) || c.height !== Math.round(box.height))) {
      c.width = Math.round(box.width);
      c.height = Math.round(box.height);
    }
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, c.width, c.height);
    const g = geometry();
    if (!g || !frame) return;
    // The frame goes through the window only when either changed, or was painted ahead.
    const image = painted.current.canvasOf(frame, { center: view.center, width: view.width });
    if (!image) return;
    ctx.imageSmoothingEnabled = g.fit < 2;
    ctx.drawImage(image, g.ox, g.oy, frame.columns * g.fit, frame.rows * g.fit);
    // Which slice and window the canvas holds: what a probe (the bench) waits for after a key.
    c.dataset.painted = `${view.index}/${view.center}/${view.width}`;
    const at = (p: Point) => [g.ox + p.x * g.fit, g.oy + p.y * g.fit] as const;
    ctx.lineWidth = 2;
    for (const m of [...measurements.filter((m) => m.index === view.index), ...(draft ? [draft] : [])]) {
      ctx.strokeStyle = '#ffd400';
      ctx.beginPath();
      const [ax, ay] = at(m.a);
      const [bx, by] = at(m.b);
      if (m.kind === 'length') {
        ctx.moveTo(ax, ay);
        ctx.lineTo(bx, by);
      } else {
        ctx.ellipse((ax + bx) / 2, (ay + by) / 2, Math.abs(bx - ax) / 2, Math.abs(by - ay) / 2, 0, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
    if (remotePointer) {
      const [px, py] = at(remotePointer);
      ctx.strokeStyle = '#00e5ff';
      ctx.beginPath();
      ctx.arc(px, py, 10, 0, 2 * Math.PI);
      ctx.moveTo(px - 16, py);
      ctx.lineTo(px + 16, py);
      ctx.moveTo(px, py - 16);
      ctx.lineTo(px, py + 16);
      ctx.stroke();
    }
  });

  // The neighbours of the shown slice painted ahead, once it is on screen and the page is idle.
  const before = source.peek(view.index - 1);
  const after = source.peek(view.index + 1);
  useEffect(
    () => painted.current.paintAhead([after, before], { center: view.center, width: view.width }),
    [after, before, view.center, view.width],
  );

  const scrollTo = (index: number) => onView({ ...viewRef.current, index: clampIndex(index, source.count) });

  useEffect(() => {
    // Wheel scrolling needs a non-passive listener to keep the page from scrolling too.
    const c = canvas.current;
    if (!c) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      onView({ ...viewRef.current, index: clampIndex(viewRef.current.index + Math.sign(event.deltaY), source.count) });
    };
    c.addEventListener('wheel', onWheel, { passive: false });
    return () => c.removeEventListener('wheel', onWheel);
  }, [onView, source.count]);

  function pointerDown(event: ReactPointerEvent<HTMLCanvasElement>) {
    const start = toImage(event);
    if (!start) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const started =
      tool === 'length' || tool === 'roi'
        ? { id: Date.now(), kind: tool, index: view.index, a: start, b: start }
        : null;
    drag.current = { x: event.clientX, y: event.clientY, view, start, draft: started };
    setDraft(started);
  }
  function pointerMove(event: ReactPointerEvent<HTMLCanvasElement>) {
    const here = toImage(event);
    onPointer?.(here);
    const d = drag.current;
    if (!d || !here) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    const g = geometry();
    if (tool === 'window') onView({ ...d.view, ...dragWindow(d.view, dx, dy, Math.max(1, d.view.width / 200)) });
    else if (tool === 'pan' && g) onView({ ...d.view, panX: d.view.panX + dx / g.fit, panY: d.view.panY + dy / g.fit });
    else if (tool === 'zoom')
      onView({ ...d.view, zoom: Math.min(20, Math.max(0.1, d.view.zoom * Math.exp(-dy / 200))) });
    else if (d.draft) {
      d.draft = { ...d.draft, b: here };
      setDraft(d.draft);
    }
  }
  function pointerUp() {
    const done = drag.current?.draft ?? null;
    drag.current = null;
    if (done && (Math.abs(done.a.x - done.b.x) > 1 || Math.abs(done.a.y - done.b.y) > 1))
      setMeasurements((m) => [...m, done]);
    setDraft(null);
  }
  function keyDown(event: React.KeyboardEvent) {
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowRight: 1,
      ArrowUp: -1,
      ArrowLeft: -1,
      PageDown: 10,
      PageUp: -10,
    };
    if (event.key in steps) scrollTo(view.index + steps[event.key]!);
    else if (event.key === 'Home') scrollTo(0);
    else if (event.key === 'End') scrollTo(source.count - 1);
    else return;
    event.preventDefault();
  }

  const isCt = frame?.rescale.unit === 'HU';
  const unit = frame?.rescale.unit ?? '';
  const shown = measurements.filter((m) => m.index === view.index);
  return (
    <div className="viewer">
      <div className="viewer-tools" role="toolbar" aria-label={t('viewer.tools')}>
        {(['window', 'pan', 'zoom', 'length', 'roi'] as const).map((name) => (
          <button key={name} type="button" aria-pressed={tool === name} onClick={() => setTool(name)}>
            {t(`viewer.tool.${name}`)}
          </button>
        ))}
        {isCt &&
          (Object.keys(CT_PRESETS) as CtPreset[]).map((preset) => (
            <button key={preset} type="button" onClick={() => onView({ ...view, ...CT_PRESETS[preset] })}>
              {t(`viewer.preset.${preset}`)}
            </button>
          ))}
        <button
          type="button"
          onClick={() => frame && onView({ ...view, ...initialWindow(frame), zoom: 1, panX: 0, panY: 0 })}
        >
          {t('viewer.reset')}
        </button>
      </div>
      <div className="viewer-stage">
        <canvas
          ref={canvas}
          className="viewer-canvas"
          tabIndex={0}
          role="img"
          aria-label={t('viewer.image', { label: source.label, index: view.index + 1, count: source.count })}
          onPointerDown={pointerDown}
          onPointerMove={pointerMove}
          onPointerUp={pointerUp}
          onPointerLeave={() => onPointer?.(null)}
          onKeyDown={keyDown}
        />
        <ViewerOverlay info={overlay} orientation={frame?.orientation} />
      </div>
      {frame && <MarkersLegend orientation={frame.orientation} />}
      <label className="viewer-slider">
        {t('viewer.slice')}
        <input
          type="range"
          min={1}
          max={source.count}
          value={view.index + 1}
          onChange={(e) => scrollTo(Number(e.target.value) - 1)}
        />
      </label>
      <p
        className="viewer-state"
        data-testid="viewer-state"
        data-index={view.index}
        data-center={view.center}
        data-width={view.width}
        data-zoom={view.zoom}
        data-remote-pointer={
          remotePointer ? `${Math.round(remotePointer.x)},${Math.round(remotePointer.y)}` : undefined
        }
      >
        {t('viewer.state', {
          index: view.index + 1,
          count: source.count,
          width: Math.round(view.width),
          center: Math.round(view.center),
          zoom: formatNumber(view.zoom, 1, 1),
        })}
        {loaded < source.count && ` — ${t('viewer.loading', { loaded, count: source.count })}`}
      </p>
      {!frame && !failure && <p className="hint">{t('viewer.waiting', { index: view.index + 1 })}</p>}
      {frame?.framesCounted && (
        <p className="hint" data-testid="frames-counted">
          {frame.framesCounted.unshown > 0
            ? t('imagingSafety.viewer.framesUnshown', { count: frame.frames, unshown: frame.framesCounted.unshown })
            : t('imagingSafety.viewer.framesCounted', { count: frame.frames })}
        </p>
      )}
      {failure && (
        <p role="alert" className="error-text">
          {t('viewer.failed', {
            index: view.index + 1,
            reason: t(`viewer.frameErrors.${failure.replace('imaging.frame_', '')}`, { defaultValue: failure }),
          })}
        </p>
      )}
      {shown.length > 0 && frame && (
        <ul className="plain-list" aria-label={t('viewer.measurements')}>
          {shown.map((m) => {
            if (m.kind === 'length') {
              const length = lengthMm(m.a, m.b, frame.pixelSpacing);
              return (
                <li key={m.id}>{t('viewer.length', { value: formatNumber(length.value, 1, 1), unit: length.unit })}</li>
              );
            }
            const stats =
              frame.colour === 'grey'
                ? ellipseStats(frame.value, frame.columns, frame.rows, m.a, m.b, frame.pixelSpacing)
                : null;
            return (
              <li key={m.id}>
                {stats
                  ? t('viewer.roi', {
                      mean: formatNumber(stats.mean, 1, 1),
                      sd: formatNumber(stats.sd, 1, 1),
                      unit,
                      pixels: stats.pixels,
                      area: stats.areaMm2 === null ? '—' : formatNumber(stats.areaMm2, 0),
                    })
                  : t('viewer.roiEmpty')}
              </li>
            );
          })}
          <li>
            <button type="button" onClick={() => setMeasurements((all) => all.filter((m) => m.index !== view.index))}>
              {t('viewer.clearMeasurements')}
            </button>
          </li>
        </ul>
      )}
      {!isCt && frame?.colour === 'grey' && unit === '' && <p className="hint">{t('viewer.noPresets')}</p>}
    </div>
  );
}
