// The cart's lock between acts: a PIN chosen after sign-in, the lock after the idle time or on
// demand, the PIN to open it, and the session ended after five wrong PINs.
import { describe, expect, it } from 'vitest';
import { createIdentityLock, MAX_UNLOCK_FAILURES } from '../../../src/main/identity/identity-lock';

function lockWithClock(idleMs = 10 * 60_000) {
  const clock = { ms: 0 };
  let changes = 0;
  let endedSessions = 0;
  const lock = createIdentityLock({ now: () => new Date(clock.ms), idleMs, onChange: () => changes++, onTooManyFailures: () => endedSessions++ });
  return { lock, clock, changes: () => changes, endedSessions: () => endedSessions };
}

describe('identity lock', () => {
  it('never locks before a PIN is chosen (there would be no way back but a new sign-in)', () => {
    const { lock, clock } = lockWithClock();
    clock.ms = 60 * 60_000;
    lock.tick();
    lock.lock();
    expect(lock.state()).toEqual({ locked: false, pinSet: false });
  });

  it('locks after the idle time, not before, and touches push it back', () => {
    const { lock, clock } = lockWithClock(10 * 60_000);
    expect(lock.setPin('2468')).toEqual({ ok: true });
    clock.ms = 9 * 60_000;
    lock.touch();
    clock.ms = 18 * 60_000;
    lock.tick();
    expect(lock.state().locked).toBe(false);
    clock.ms = 19 * 60_000;
    lock.tick();
    expect(lock.state().locked).toBe(true);
  });

  it('opens with the PIN, not with another one, and says how many tries are left', () => {
    const { lock } = lockWithClock();
    lock.setPin('2468');
    lock.lock();
    expect(lock.unlock('1111')).toEqual({ ok: false, reason: 'wrong_pin', left: MAX_UNLOCK_FAILURES - 1 });
    expect(lock.unlock('12')).toEqual({ ok: false, reason: 'pin_format' });
    expect(lock.state().locked).toBe(true);
    expect(lock.unlock('2468')).toEqual({ ok: true });
    expect(lock.state().locked).toBe(false);
  });

  it('ends the session after five wrong PINs', () => {
    const { lock, endedSessions } = lockWithClock();
    lock.setPin('2468');
    lock.lock();
    for (let i = 1; i < MAX_UNLOCK_FAILURES; i++) expect(lock.unlock('0000')).toMatchObject({ reason: 'wrong_pin' });
    expect(lock.unlock('0000')).toEqual({ ok: false, reason: 'signed_out' });
    expect(endedSessions()).toBe(1);
  });

  it('refuses a PIN that is not 4 to 8 digits, and forgets the PIN when the session ends', () => {
    const { lock } = lockWithClock();
    expect(lock.setPin('12a4')).toEqual({ ok: false, reason: 'pin_format' });
    lock.setPin('2468');
    lock.lock();
    lock.reset();
    expect(lock.state()).toEqual({ locked: false, pinSet: false });
    expect(lock.unlock('2468')).toEqual({ ok: false, reason: 'no_pin' });
  });
});
