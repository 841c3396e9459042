// Logs an event that comes in bursts once per burst: the first occurrence at once, with its
// detail, and when the burst is over (nothing for `quietMs`), how many there were if more than
// one. A device chattering on its line (a second controller, a camera reporting on its own) would
// otherwise write hundreds of identical lines a second into the station's log.

export interface BurstLog {
  note(detail: Record<string, unknown>): void;
  /** Ends the burst in progress, saying its count now (the device is closed). */
  close(): void;
}

export function createBurstLog(
  log: (event: string, detail?: Record<string, unknown>) => void,
  event: string,
  options: { quietMs: number; summaryEvent: string },
): BurstLog {
  let count = 0;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;

  function end(): void {
    timer = null;
    const left = last + options.quietMs - Date.now();
    // One timer per burst, not one per occurrence: it looks again when it fires early.
    if (left > 0) return arm(left);
    if (count > 1) log(options.summaryEvent, { count, quietMs: options.quietMs });
    count = 0;
  }

  function arm(delay: number): void {
    timer = setTimeout(end, delay);
    timer.unref?.();
  }

  return {
    note(detail) {
      if (count === 0) log(event, detail);
      count++;
      last = Date.now();
      if (!timer) arm(options.quietMs);
    },
    close() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (count > 1) log(options.summaryEvent, { count, quietMs: options.quietMs });
      count = 0;
    },
  };
}
