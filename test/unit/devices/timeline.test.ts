// The simulators' clock: actions run in the order of their times, whatever the order they were planned in.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTimeline } from '../../../devices/timeline';

afterEach(() => vi.useRealTimers());

describe('a timeline of planned actions', () => {
  it('runs actions in the order of their times, ties in the order they were planned', async () => {
    vi.useFakeTimers();
    const timeline = createTimeline(() => Date.now());
    const start = Date.now();
    const ran: string[] = [];
    timeline.at(start + 30, () => ran.push('completion'));
    timeline.at(start + 10, () => ran.push('ack'));
    timeline.at(start + 30, () => ran.push('second at 30'));
    timeline.at(start + 20, () => ran.push('inquiry'));
    await vi.advanceTimersByTimeAsync(25);
    expect(ran).toEqual(['ack', 'inquiry']);
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toEqual(['ack', 'inquiry', 'completion', 'second at 30']);
  });

  it('runs at once, in order, actions whose time has already passed (a loaded machine)', async () => {
    vi.useFakeTimers();
    const timeline = createTimeline(() => Date.now());
    const ran: number[] = [];
    const past = Date.now() - 100;
    timeline.at(past + 2, () => ran.push(2));
    timeline.at(past + 1, () => ran.push(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual([1, 2]);
  });

  it('never runs an action before its time, though the timer fires early', async () => {
    let clock = 0;
    const timeline = createTimeline(() => clock);
    const ran: string[] = [];
    timeline.at(50, () => ran.push('at 50'));
    // The real timer fires (about 50 ms later) while this clock still says 40: nothing runs yet.
    clock = 40;
    await new Promise((r) => setTimeout(r, 80));
    expect(ran).toEqual([]);
    clock = 50;
    await new Promise((r) => setTimeout(r, 20));
    expect(ran).toEqual(['at 50']);
    timeline.clear();
  });

  it('forgets everything on clear', async () => {
    vi.useFakeTimers();
    const timeline = createTimeline(() => Date.now());
    const ran: string[] = [];
    timeline.at(Date.now() + 5, () => ran.push('late'));
    timeline.clear();
    await vi.advanceTimersByTimeAsync(10);
    expect(ran).toEqual([]);
  });
});
