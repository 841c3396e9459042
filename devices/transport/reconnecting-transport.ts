// Wraps a link that can drop (serial cable pulled, TCP reset) into a Transport that reopens it
// with back-off and says where it stands: connecting, connected, reconnecting, then gone.
import { DeviceAwayError, Listeners, type LinkState, type Transport } from './transport';

/** One opened connection; `onClose` fires once when it drops or is closed. */
export interface Link {
  write(bytes: Uint8Array): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): void;
  onClose(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export interface ReconnectOptions {
  name: string;
  open: () => Promise<Link>;
  /** First retry delay; doubles up to maxDelayMs, with +-20 % jitter so carts do not retry in step. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** After this long without a link the state becomes 'gone'; retries go on at maxDelayMs. */
  goneAfterMs?: number;
  random?: () => number;
  now?: () => number;
}

export function createReconnectingTransport(options: ReconnectOptions): Transport {
  const { name, open, initialDelayMs = 200, maxDelayMs = 5_000, goneAfterMs = 15_000 } = options;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const data = new Listeners<[Uint8Array]>();
  const states = new Listeners<[LinkState, string | undefined]>();
  let state: LinkState = 'connecting';
  let link: Link | null = null;
  let closed = false;
  let delay = initialDelayMs;
  let lostAt = now();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const setState = (next: LinkState, detail?: string) => {
    if (next === state) return;
    state = next;
    states.emit(next, detail);
  };

  async function attempt(): Promise<void> {
    timer = null;
    if (closed) return;
    try {
      const opened = await open();
      if (closed) {
        await opened.close();
        return;
      }
      link = opened;
      delay = initialDelayMs;
      opened.onData((bytes) => data.emit(bytes));
      opened.onClose((reason) => {
        if (link !== opened) return;
        link = null;
        lostAt = now();
        if (!closed) {
          setState('reconnecting', reason);
          schedule();
        }
      });
      setState('connected');
    } catch (error) {
      const reason = (error as Error).message;
      if (state !== 'connecting' || now() - lostAt >= goneAfterMs) {
        setState(now() - lostAt >= goneAfterMs ? 'gone' : 'reconnecting', reason);
      }
      schedule();
    }
  }

  function schedule(): void {
    if (closed || timer) return;
    const jittered = delay * (0.8 + 0.4 * random());
    delay = Math.min(delay * 2, maxDelayMs);
    timer = setTimeout(() => void attempt(), jittered);
  }

  void attempt();

  return {
    name,
    state: () => state,
    async write(bytes) {
      // SECURITY of the patient, not of data: a camera command never waits for a link that may
      // come back minutes later and move the camera unexpectedly.
      if (!link || state !== 'connected') throw new DeviceAwayError(name, state);
      await link.write(bytes);
    },
    onData: (listener) => data.add(listener),
    onState: (listener) => states.add(listener),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      const current = link;
      link = null;
      await current?.close();
      setState('gone', 'closed');
    },
  };
}
