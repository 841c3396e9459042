// A reply deadline that counts only the time this process was running and able to hear the
// reply. A wall-clock timer counts the time the process was held up (CPU starved, a long pause)
// as the device's silence, and fires before the event loop has read a reply already waiting in
// the kernel: a device that answered in time is then said not to have answered.

export interface ListeningDeadline {
  cancel(): void;
}

export interface ListeningDeadlineOptions {
  /** Listening is counted in ticks of this length; a tick that comes late counts only its own length. */
  tickMs?: number;
  now?: () => number;
}

export function startListeningDeadline(
  ms: number,
  onExpire: () => void,
  options: ListeningDeadlineOptions = {},
): ListeningDeadline {
  const tickMs = Math.max(1, Math.min(ms, options.tickMs ?? 50));
  const now = options.now ?? (() => performance.now());
  let heard = 0;
  let last = now();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const tick = () => {
    const t = now();
    const elapsed = Math.max(0, t - last);
    last = t;
    heard += Math.min(elapsed, tickMs);
    // A late tick means the process was held up: a whole tick goes by, for what arrived
    // meanwhile to be read, before any verdict.
    if (elapsed > tickMs * 2) {
      timer = setTimeout(tick, tickMs);
      return;
    }
    if (heard >= ms) {
      timer = null;
      onExpire();
      return;
    }
    timer = setTimeout(tick, Math.min(tickMs, ms - heard));
  };
  timer = setTimeout(tick, tickMs);

  return {
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
