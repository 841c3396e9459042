// The reply deadline counts the time the process could listen, not the time it was held up.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startListeningDeadline } from '../../../devices/transport/listening-deadline';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

// Fake timers never fire late; a process held up is a wall clock that jumps while no timer runs.
const heldUp = (ms: number) => vi.setSystemTime(Date.now() + ms);

function deadline(ms: number) {
  const expired = vi.fn();
  const handle = startListeningDeadline(ms, expired, { tickMs: 50, now: () => Date.now() });
  return { expired, handle };
}

describe('listening deadline', () => {
  it('expires after its time when the process runs all along', async () => {
    const { expired } = deadline(200);
    await vi.advanceTimersByTimeAsync(199);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('does not count the time the process was held up', async () => {
    const { expired } = deadline(200);
    await vi.advanceTimersByTimeAsync(100);
    heldUp(5_000);
    await vi.advanceTimersByTimeAsync(50); // the late tick: counts its own 50 ms only
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(49);
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('gives what arrived during a hold-up a whole tick to be read, even when the time is up', async () => {
    const { expired } = deadline(200);
    await vi.advanceTimersByTimeAsync(150);
    heldUp(1_000);
    await vi.advanceTimersByTimeAsync(50); // 200 ms heard, but this tick came late
    expect(expired).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(50);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('never expires once cancelled', async () => {
    const { expired, handle } = deadline(200);
    await vi.advanceTimersByTimeAsync(100);
    handle.cancel();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(expired).not.toHaveBeenCalled();
  });
});
