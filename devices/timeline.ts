// Actions at given times, run strictly in the order of their times (ties in the order they were
// planned). One setTimeout per action does not give that: Node dates a timer from the event loop's
// cached clock, so a timer planned in a late tick of a loaded machine can fire before one planned
// earlier for an earlier time. A simulated camera then sent its Completion before its ACK, and the
// driver waited for a Completion it had already thrown away.
export interface Timeline {
  at(time: number, action: () => void): void;
  /** Forgets every planned action. */
  clear(): void;
}

export function createTimeline(now: () => number): Timeline {
  const planned: { time: number; action: () => void }[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;

  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const next = planned[0];
    if (next) timer = setTimeout(runDue, Math.max(0, next.time - now()));
  }

  function runDue(): void {
    timer = null;
    // Everything whose time has come runs now, oldest first; a timer that fired a little early
    // (the loop's clock again) re-arms for what is left.
    while (planned.length > 0 && planned[0]!.time <= now()) planned.shift()!.action();
    arm();
  }

  return {
    at(time, action) {
      // After every action planned for the same time or earlier: a stable insertion.
      let index = planned.length;
      while (index > 0 && planned[index - 1]!.time > time) index--;
      planned.splice(index, 0, { time, action });
      if (index === 0) arm();
    },
    clear() {
      planned.length = 0;
      arm();
    },
  };
}
