// Where a viewer's frames come from: the station's own store (a local series, fetched frame by
// frame, nearest to the shown slice first) or the other side of a call (a shared series, whose
// frames arrive over the data channel). Either way the viewer asks for an index and is told
// when frames arrive.
import type { SeriesImages } from '../../shared/imaging';
import { relais } from '../api';
import { fromWire, type LoadedFrame } from './loaded-frame';

export interface FrameSource {
  readonly count: number;
  readonly label: string;
  peek(index: number): LoadedFrame | null;
  get(index: number): Promise<LoadedFrame>;
  /** How many frames are here, and a call on each arrival. */
  loaded(): number;
  subscribe(listener: () => void): () => void;
  /** Load everything, nearest to `index` first. */
  prefetch(index: number): void;
  /** A frame that could not be had: the code of the reason (imaging.frame_truncated...). */
  failure(index: number): string | null;
}

/** Indices from `start` outward: start, start+1, start-1, start+2... */
export function outward(start: number, count: number): number[] {
  const order: number[] = [];
  for (let d = 0; order.length < count; d++) {
    if (start + d < count) order.push(start + d);
    if (d > 0 && start - d >= 0) order.push(start - d);
  }
  return order;
}

function createListeners() {
  const listeners = new Set<() => void>();
  return {
    emit: () => listeners.forEach((l) => l()),
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export function localSeriesSource(series: SeriesImages): FrameSource {
  const entries = series.images.flatMap((image) => Array.from({ length: image.frames }, (_, frame) => ({ sopInstanceUid: image.sopInstanceUid, frame })));
  const frames = new Map<number, LoadedFrame>();
  const failures = new Map<number, string>();
  const pending = new Map<number, Promise<LoadedFrame>>();
  const { emit, subscribe } = createListeners();
  let queue: number[] = [];
  let running = 0;
  const CONCURRENT = 2;

  function get(index: number): Promise<LoadedFrame> {
    const here = frames.get(index);
    if (here) return Promise.resolve(here);
    let loading = pending.get(index);
    if (!loading) {
      const entry = entries[index];
      if (!entry) return Promise.reject(new Error(`No image ${index + 1} in this series.`));
      loading = relais.invoke('imaging.frame', entry).then((r) => {
        pending.delete(index);
        if (!r.ok) {
          // The reason's code (imaging.frame_<reason>) is what the screen translates.
          failures.set(index, r.error.fields?.[0]?.code ?? r.error.code);
          emit();
          throw new Error(r.error.message);
        }
        const frame = fromWire(r.value);
        frames.set(index, frame);
        emit();
        return frame;
      });
      pending.set(index, loading);
    }
    return loading;
  }

  function pump(): void {
    while (running < CONCURRENT && queue.length) {
      const index = queue.shift()!;
      if (frames.has(index) || failures.has(index)) continue;
      running++;
      void get(index)
        .catch(() => undefined)
        .finally(() => {
          running--;
          pump();
        });
    }
  }

  return {
    count: entries.length,
    label: [series.modality, series.description].filter(Boolean).join(' — '),
    peek: (index) => frames.get(index) ?? null,
    get,
    loaded: () => frames.size,
    subscribe,
    prefetch(index) {
      queue = outward(Math.min(Math.max(0, index), entries.length - 1), entries.length);
      pump();
    },
    failure: (index) => failures.get(index) ?? null,
  };
}

/** A series shown on this side of a call while its frames arrive from the other side. */
export interface RemoteSeriesSource extends FrameSource {
  put(index: number, frame: LoadedFrame): void;
}

export function remoteSeriesSource(count: number, label: string): RemoteSeriesSource {
  const frames = new Map<number, LoadedFrame>();
  const waiting = new Map<number, ((frame: LoadedFrame) => void)[]>();
  const { emit, subscribe } = createListeners();
  return {
    count,
    label,
    peek: (index) => frames.get(index) ?? null,
    get(index) {
      const here = frames.get(index);
      if (here) return Promise.resolve(here);
      return new Promise((resolve) => waiting.set(index, [...(waiting.get(index) ?? []), resolve]));
    },
    put(index, frame) {
      if (index < 0 || index >= count || frames.has(index)) return;
      frames.set(index, frame);
      waiting.get(index)?.forEach((resolve) => resolve(frame));
      waiting.delete(index);
      emit();
    },
    loaded: () => frames.size,
    subscribe,
    prefetch: () => {},
    failure: () => null,
  };
}
