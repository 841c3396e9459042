// Where a viewer's frames come from: the station's own store (a local series, fetched frame by
// frame, nearest to the shown slice first) or the other side of a call (a shared series, whose
// frames arrive over the data channel). Either way the viewer asks for an index and is told
// when frames arrive.
import type { ImageFrame, SeriesImages } from '../../../shared/imaging/imaging';
import type { Result } from '../../../shared/result';
import { fromWire, type LoadedFrame } from './loaded-frame';

export interface FrameSource {
  readonly count: number;
  readonly label: string;
  peek(index: number): LoadedFrame | null;
  /** The frame; `focus` (default) marks it as the one shown, which the memory bound keeps close. */
  get(index: number, options?: { focus?: boolean }): Promise<LoadedFrame>;
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

/**
 * A cart PC's memory is not a workstation's: a local series keeps at most `maxBytes` of frames,
 * dropping those farthest from the shown slice (fetched again when scrolled back to), and its
 * prefetch stops where the budget ends.
 */
export type FrameFetcher = (frame: { sopInstanceUid: string; frame: number }) => Promise<Result<ImageFrame>>;

export function localSeriesSource(
  series: SeriesImages,
  fetchFrame: FrameFetcher,
  maxBytes = 768 * 1024 * 1024,
): FrameSource {
  const entries = series.images.flatMap((image) =>
    Array.from({ length: image.frames }, (_, frame) => ({ sopInstanceUid: image.sopInstanceUid, frame })),
  );
  const frames = new Map<number, LoadedFrame>();
  const failures = new Map<number, string>();
  const pending = new Map<number, Promise<LoadedFrame>>();
  const { emit, subscribe } = createListeners();
  let queue: number[] = [];
  let running = 0;
  let focus = 0;
  let held = 0;
  // Frames asked for at once: the station decodes one while the page unpacks another and the
  // socket carries a third, so none of them waits for the others' round trips.
  const CONCURRENT = 4;
  const distance = (i: number) => Math.abs(i - focus);

  function keep(index: number, frame: LoadedFrame): void {
    frames.set(index, frame);
    held += frame.bytes.length;
    while (held > maxBytes && frames.size > 1) {
      let farthest = -1;
      for (const i of frames.keys()) if (farthest < 0 || distance(i) > distance(farthest)) farthest = i;
      held -= frames.get(farthest)!.bytes.length;
      frames.delete(farthest);
    }
  }

  let prefetchedFrom = 0;
  function get(index: number, options: { focus?: boolean } = {}): Promise<LoadedFrame> {
    if (options.focus !== false) {
      focus = index;
      // Scrolled away from where the prefetch started: prefetch around here again.
      if (Math.abs(index - prefetchedFrom) > 8 && queue.length === 0) startPrefetch(index);
    }
    return load(index);
  }

  function startPrefetch(index: number): void {
    focus = index;
    prefetchedFrom = index;
    queue = outward(Math.min(Math.max(0, index), entries.length - 1), entries.length);
    pump();
  }

  function load(index: number): Promise<LoadedFrame> {
    const here = frames.get(index);
    if (here) return Promise.resolve(here);
    let loading = pending.get(index);
    if (!loading) {
      const entry = entries[index];
      if (!entry) return Promise.reject(new Error(`No image ${index + 1} in this series.`));
      loading = fetchFrame(entry).then((r) => {
        pending.delete(index);
        if (!r.ok) {
          // The reason's code (imaging.frame_<reason>) is what the screen translates.
          failures.set(index, r.error.fields?.[0]?.code ?? r.error.code);
          emit();
          throw new Error(r.error.message);
        }
        const frame = fromWire(r.value);
        keep(index, frame);
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
      // With the budget spent, a frame is fetched ahead only if it is nearer the shown one than
      // a frame held (which it then replaces); otherwise the prefetch stops here.
      const average = frames.size ? held / frames.size : 0;
      if (held + average > maxBytes && distance(index) >= Math.max(...[...frames.keys()].map(distance))) {
        queue = [];
        return;
      }
      running++;
      void load(index)
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
    prefetch: startPrefetch,
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
