// The shared cart's lock between acts: the signed-in professional chooses a short PIN; the
// station locks after a while without anyone touching it (or when she locks it), and her PIN
// opens it again without a new sign-in at the provider. Five wrong PINs end her session: the
// next person signs in properly. The PIN's hash lives in memory only, for this sign-in.
// Her staff badge, presented once while the cart is open, opens it too; a wrong badge counts
// with the wrong PINs. The badge's hash is kept like the PIN's, and forgotten with it.
// SECURITY: nothing here opens a locked cart but her PIN or her badge: the PIN is chosen once per
// sign-in on an open cart and changed only with the current one, and forgetting the session
// (sign-out, a new sign-in) can leave the cart locked until the next professional has signed in.
import { BADGE_UID } from '../../shared/identity/identity';
import { trivialPin, type TrivialPin } from '../../shared/identity/pin-rules';
import { hashPin, pinMatches, type PinHash } from '../platform/security/pin-hash';

export const UNLOCK_PIN = /^\d{4,8}$/;
export const MAX_UNLOCK_FAILURES = 5;

export interface IdentityLockDeps {
  now: () => Date;
  /** Idle time before the station locks itself. */
  idleMs: number;
  onChange(): void;
  /** Too many wrong PINs or badges: the session ends. */
  onTooManyFailures(): void;
}

export type UnlockOutcome =
  | { ok: true }
  | {
      ok: false;
      reason:
        | 'pin_format'
        | 'no_pin'
        | 'wrong_pin'
        | 'signed_out'
        | 'badge_format'
        | 'wrong_badge'
        | 'unknown_badge'
        | 'locked'
        | 'pin_set';
      left?: number;
    }
  | { ok: false; reason: 'pin_trivial'; why: TrivialPin };

export function createIdentityLock(deps: IdentityLockDeps) {
  let pin: PinHash | null = null;
  // SECURITY: a salted scrypt hash of the badge's identifier, in memory, for this sign-in only:
  // never on disk, so a stolen cart or database gives no badge away.
  let badge: PinHash | null = null;
  let locked = false;
  let failures = 0;
  let lastActivity = deps.now().getTime();

  const set = (next: boolean) => {
    if (locked === next) return;
    locked = next;
    deps.onChange();
  };

  function opened(): UnlockOutcome {
    failures = 0;
    lastActivity = deps.now().getTime();
    set(false);
    return { ok: true };
  }

  // SECURITY: wrong PINs and wrong badges count together toward the one limit.
  function failed(reason: 'wrong_pin' | 'wrong_badge' | 'unknown_badge'): UnlockOutcome {
    failures++;
    if (failures >= MAX_UNLOCK_FAILURES) {
      deps.onTooManyFailures();
      return { ok: false, reason: 'signed_out' };
    }
    return { ok: false, reason, left: MAX_UNLOCK_FAILURES - failures };
  }

  function choose(value: string): UnlockOutcome {
    if (!UNLOCK_PIN.test(value)) return { ok: false, reason: 'pin_format' };
    // SECURITY: a code typed in front of others at a shared cart: none of the ones tried first.
    const why = trivialPin(value);
    if (why) return { ok: false, reason: 'pin_trivial', why };
    pin = hashPin(value);
    failures = 0;
    lastActivity = deps.now().getTime();
    deps.onChange();
    return { ok: true };
  }

  return {
    state: () => ({ locked, pinSet: pin !== null, badgeSet: badge !== null }),
    /** Someone used the station (the page reports touches, throttled). */
    touch(): void {
      lastActivity = deps.now().getTime();
    },
    /** Called every few seconds: locks after the idle time, when there is a PIN to unlock with. */
    tick(): void {
      if (pin && !locked && deps.now().getTime() - lastActivity >= deps.idleMs) set(true);
    },
    /** Her first PIN of this sign-in, on an open cart. Changing it goes through changePin. */
    setPin(value: string): UnlockOutcome {
      if (locked) return { ok: false, reason: 'locked' };
      if (pin) return { ok: false, reason: 'pin_set' };
      return choose(value);
    },
    /** A new PIN on an open cart, given the current one; a wrong one counts like a wrong unlock. */
    changePin(current: string, next: string): UnlockOutcome {
      if (!pin) return { ok: false, reason: 'no_pin' };
      if (locked) return { ok: false, reason: 'locked' };
      if (!UNLOCK_PIN.test(current)) return { ok: false, reason: 'pin_format' };
      if (!pinMatches(current, pin)) return failed('wrong_pin');
      return choose(next);
    },
    lock(): void {
      if (pin) set(true);
    },
    unlock(value: string): UnlockOutcome {
      if (!pin) return { ok: false, reason: 'no_pin' };
      if (!UNLOCK_PIN.test(value)) return { ok: false, reason: 'pin_format' };
      return pinMatches(value, pin) ? opened() : failed('wrong_pin');
    },
    /**
     * Her badge, presented while the cart is open (never while locked: whoever stands at a locked
     * cart would enrol her own badge and open it). A new badge replaces the last one.
     */
    enrolBadge(uid: string): UnlockOutcome {
      if (!pin) return { ok: false, reason: 'no_pin' };
      if (locked) return { ok: false, reason: 'locked' };
      if (!BADGE_UID.test(uid)) return { ok: false, reason: 'badge_format' };
      badge = hashPin(uid);
      lastActivity = deps.now().getTime();
      deps.onChange();
      return { ok: true };
    },
    unlockWithBadge(uid: string): UnlockOutcome {
      if (!pin) return { ok: false, reason: 'no_pin' };
      if (!BADGE_UID.test(uid)) return { ok: false, reason: 'badge_format' };
      // SECURITY: with no badge enrolled, any badge is a failed attempt too: the same limit holds
      // whatever is tried, so that trying badges is never free.
      if (!badge) return failed('unknown_badge');
      return pinMatches(uid, badge) ? opened() : failed('wrong_badge');
    },
    /**
     * The session ended: forget the PIN and the badge. A cart that was locked stays locked (when
     * `keepLocked`) until `sessionStarted`: the next person signs in before anything opens.
     */
    forgetSession({ keepLocked }: { keepLocked: boolean }): void {
      pin = null;
      badge = null;
      failures = 0;
      locked = keepLocked && locked;
      deps.onChange();
    },
    /** A professional has just signed in: the cart is hers to open once she has chosen her PIN. */
    sessionStarted(): void {
      pin = null;
      badge = null;
      failures = 0;
      lastActivity = deps.now().getTime();
      locked = false;
      deps.onChange();
    },
  };
}
export type IdentityLock = ReturnType<typeof createIdentityLock>;
