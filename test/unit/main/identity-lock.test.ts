// The cart's lock between acts: a PIN chosen after sign-in, the lock after the idle time or on
// demand, the PIN to open it, and the session ended after five wrong PINs; her badge, enrolled
// while the cart is open, opens it too, and wrong badges count with wrong PINs.
import { describe, expect, it } from 'vitest';
import { createIdentityLock, MAX_UNLOCK_FAILURES } from '../../../src/main/identity/identity-lock';

function lockWithClock(idleMs = 10 * 60_000) {
  const clock = { ms: 0 };
  let changes = 0;
  let endedSessions = 0;
  const lock = createIdentityLock({
    now: () => new Date(clock.ms),
    idleMs,
    onChange: () => changes++,
    onTooManyFailures: () => endedSessions++,
  });
  return { lock, clock, changes: () => changes, endedSessions: () => endedSessions };
}

describe('identity lock', () => {
  it('never locks before a PIN is chosen (there would be no way back but a new sign-in)', () => {
    const { lock, clock } = lockWithClock();
    clock.ms = 60 * 60_000;
    lock.tick();
    lock.lock();
    expect(lock.state()).toEqual({ locked: false, pinSet: false, badgeSet: false });
  });

  it('locks after the idle time, not before, and touches push it back', () => {
    const { lock, clock } = lockWithClock(10 * 60_000);
    expect(lock.setPin('4826')).toEqual({ ok: true });
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
    lock.setPin('4826');
    lock.lock();
    expect(lock.unlock('1111')).toEqual({ ok: false, reason: 'wrong_pin', left: MAX_UNLOCK_FAILURES - 1 });
    expect(lock.unlock('12')).toEqual({ ok: false, reason: 'pin_format' });
    expect(lock.state().locked).toBe(true);
    expect(lock.unlock('4826')).toEqual({ ok: true });
    expect(lock.state().locked).toBe(false);
  });

  it('ends the session after five wrong PINs', () => {
    const { lock, endedSessions } = lockWithClock();
    lock.setPin('4826');
    lock.lock();
    for (let i = 1; i < MAX_UNLOCK_FAILURES; i++) expect(lock.unlock('0000')).toMatchObject({ reason: 'wrong_pin' });
    expect(lock.unlock('0000')).toEqual({ ok: false, reason: 'signed_out' });
    expect(endedSessions()).toBe(1);
  });

  it('refuses a PIN that is not 4 to 8 digits, and forgets the PIN when the session ends', () => {
    const { lock } = lockWithClock();
    expect(lock.setPin('12a4')).toEqual({ ok: false, reason: 'pin_format' });
    lock.setPin('4826');
    lock.lock();
    lock.forgetSession({ keepLocked: false });
    expect(lock.state()).toEqual({ locked: false, pinSet: false, badgeSet: false });
    expect(lock.unlock('4826')).toEqual({ ok: false, reason: 'no_pin' });
  });

  it('opens with her enrolled badge, not with another one, and says how many tries are left', () => {
    const { lock } = lockWithClock();
    lock.setPin('4826');
    expect(lock.enrolBadge('04A3B2C1D9')).toEqual({ ok: true });
    expect(lock.state()).toEqual({ locked: false, pinSet: true, badgeSet: true });
    lock.lock();
    expect(lock.unlockWithBadge('04A3B2C1D8')).toEqual({
      ok: false,
      reason: 'wrong_badge',
      left: MAX_UNLOCK_FAILURES - 1,
    });
    expect(lock.state().locked).toBe(true);
    expect(lock.unlockWithBadge('04A3B2C1D9')).toEqual({ ok: true });
    expect(lock.state().locked).toBe(false);
  });

  it('refuses any badge when none was enrolled, counting it as a failed attempt', () => {
    const { lock } = lockWithClock();
    lock.setPin('4826');
    lock.lock();
    expect(lock.unlockWithBadge('04A3B2C1D9')).toEqual({
      ok: false,
      reason: 'unknown_badge',
      left: MAX_UNLOCK_FAILURES - 1,
    });
    expect(lock.state().locked).toBe(true);
  });

  it('counts wrong badges and wrong PINs toward the same limit, and a success starts the count again', () => {
    const { lock, endedSessions } = lockWithClock();
    lock.setPin('4826');
    lock.enrolBadge('04A3B2C1D9');
    lock.lock();
    expect(lock.unlock('0000')).toMatchObject({ reason: 'wrong_pin', left: 4 });
    expect(lock.unlockWithBadge('FFFFFFFF')).toMatchObject({ reason: 'wrong_badge', left: 3 });
    expect(lock.unlockWithBadge('04A3B2C1D9')).toEqual({ ok: true });
    lock.lock();
    for (let i = 1; i < MAX_UNLOCK_FAILURES; i++)
      expect(lock.unlockWithBadge(i % 2 ? 'FFFFFFFF' : 'EEEEEEEE')).toMatchObject({ reason: 'wrong_badge' });
    expect(lock.unlock('1111')).toEqual({ ok: false, reason: 'signed_out' });
    expect(endedSessions()).toBe(1);
  });

  it('enrols a badge only on an open cart with a PIN chosen, and only a well-formed one', () => {
    const { lock } = lockWithClock();
    expect(lock.enrolBadge('04A3B2C1D9')).toEqual({ ok: false, reason: 'no_pin' });
    lock.setPin('4826');
    lock.lock();
    // Whoever stands at a locked cart cannot make her own badge open it.
    expect(lock.enrolBadge('EVIL-BADGE-1')).toEqual({ ok: false, reason: 'locked' });
    expect(lock.unlockWithBadge('EVIL-BADGE-1')).toMatchObject({ reason: 'unknown_badge' });
    lock.unlock('4826');
    for (const garbage of ['12345', 'A'.repeat(65), '04A3 B2C1', '04A3\nB2C1D9', '04A3\u0000B2C1', '']) {
      expect(lock.enrolBadge(garbage), JSON.stringify(garbage)).toEqual({ ok: false, reason: 'badge_format' });
      expect(lock.unlockWithBadge(garbage), JSON.stringify(garbage)).toEqual({ ok: false, reason: 'badge_format' });
    }
    expect(lock.state().badgeSet).toBe(false);
  });

  it('replaces the enrolled badge with a new one, and forgets it when the session ends', () => {
    const { lock } = lockWithClock();
    lock.setPin('4826');
    lock.enrolBadge('OLD-BADGE-1');
    lock.enrolBadge('NEW-BADGE-2');
    lock.lock();
    expect(lock.unlockWithBadge('OLD-BADGE-1')).toMatchObject({ reason: 'wrong_badge' });
    expect(lock.unlockWithBadge('NEW-BADGE-2')).toEqual({ ok: true });
    lock.forgetSession({ keepLocked: false });
    expect(lock.state()).toEqual({ locked: false, pinSet: false, badgeSet: false });
    lock.setPin('4826');
    lock.lock();
    expect(lock.unlockWithBadge('NEW-BADGE-2')).toMatchObject({ reason: 'unknown_badge' });
  });

  // Issue 16, point 1: a locked cart opened without the PIN.
  it('chooses a PIN once per sign-in, on an open cart: never at a locked cart, never over the current one', () => {
    const { lock } = lockWithClock();
    lock.setPin('4826');
    expect(lock.setPin('5172')).toEqual({ ok: false, reason: 'pin_set' });
    lock.lock();
    expect(lock.setPin('5172')).toEqual({ ok: false, reason: 'locked' });
    expect(lock.changePin('4826', '5172')).toEqual({ ok: false, reason: 'locked' });
    expect(lock.state().locked).toBe(true);
    expect(lock.unlock('5172')).toMatchObject({ reason: 'wrong_pin' });
  });

  it('changes the PIN with the current one only, a wrong one counting toward the limit', () => {
    const { lock, endedSessions } = lockWithClock();
    expect(lock.changePin('4826', '5172')).toEqual({ ok: false, reason: 'no_pin' });
    lock.setPin('4826');
    expect(lock.changePin('1111', '5172')).toEqual({ ok: false, reason: 'wrong_pin', left: MAX_UNLOCK_FAILURES - 1 });
    expect(lock.changePin('4826', '97')).toEqual({ ok: false, reason: 'pin_format' });
    expect(lock.changePin('4826', '5172')).toEqual({ ok: true });
    lock.lock();
    expect(lock.unlock('4826')).toMatchObject({ reason: 'wrong_pin' });
    expect(lock.unlock('5172')).toEqual({ ok: true });
    for (let i = 1; i < MAX_UNLOCK_FAILURES; i++)
      expect(lock.changePin('0000', '7391')).toMatchObject({ reason: 'wrong_pin' });
    expect(lock.changePin('0000', '7391')).toEqual({ ok: false, reason: 'signed_out' });
    expect(endedSessions()).toBe(1);
  });

  it('keeps a locked cart locked when the session is forgotten for a new sign-in, until that sign-in completes', () => {
    const { lock } = lockWithClock();
    lock.setPin('4826');
    lock.enrolBadge('04A3B2C1D9');
    lock.lock();
    lock.forgetSession({ keepLocked: true });
    expect(lock.state()).toEqual({ locked: true, pinSet: false, badgeSet: false });
    expect(lock.unlock('4826')).toEqual({ ok: false, reason: 'no_pin' });
    expect(lock.unlockWithBadge('04A3B2C1D9')).toEqual({ ok: false, reason: 'no_pin' });
    expect(lock.setPin('5172')).toEqual({ ok: false, reason: 'locked' });
    lock.sessionStarted();
    expect(lock.state()).toEqual({ locked: false, pinSet: false, badgeSet: false });
    expect(lock.setPin('5172')).toEqual({ ok: true });
  });
});
