// The shared cart's lock between acts: the signed-in professional chooses a short PIN; the
// station locks after a while without anyone touching it (or when she locks it), and her PIN
// opens it again without a new sign-in at the provider. Five wrong PINs end her session: the
// next person signs in properly. The PIN's hash lives in memory only, for this sign-in.
import { hashPin, pinMatches, type PinHash } from '../security/pin-hash';

export const UNLOCK_PIN = /^\d{4,8}$/;
export const MAX_UNLOCK_FAILURES = 5;

export interface IdentityLockDeps {
  now: () => Date;
  /** Idle time before the station locks itself. */
  idleMs: number;
  onChange(): void;
  /** Too many wrong PINs: the session ends. */
  onTooManyFailures(): void;
}

export type UnlockOutcome = { ok: true } | { ok: false; reason: 'pin_format' | 'no_pin' | 'wrong_pin' | 'signed_out'; left?: number };

export function createIdentityLock(deps: IdentityLockDeps) {
  let pin: PinHash | null = null;
  let locked = false;
  let failures = 0;
  let lastActivity = deps.now().getTime();

  const set = (next: boolean) => {
    if (locked === next) return;
    locked = next;
    deps.onChange();
  };

  return {
    state: () => ({ locked, pinSet: pin !== null }),
    /** Someone used the station (the page reports touches, throttled). */
    touch(): void {
      lastActivity = deps.now().getTime();
    },
    /** Called every few seconds: locks after the idle time, when there is a PIN to unlock with. */
    tick(): void {
      if (pin && !locked && deps.now().getTime() - lastActivity >= deps.idleMs) set(true);
    },
    setPin(value: string): UnlockOutcome {
      if (!UNLOCK_PIN.test(value)) return { ok: false, reason: 'pin_format' };
      pin = hashPin(value);
      failures = 0;
      lastActivity = deps.now().getTime();
      deps.onChange();
      return { ok: true };
    },
    lock(): void {
      if (pin) set(true);
    },
    unlock(value: string): UnlockOutcome {
      if (!pin) return { ok: false, reason: 'no_pin' };
      if (!UNLOCK_PIN.test(value)) return { ok: false, reason: 'pin_format' };
      if (pinMatches(value, pin)) {
        failures = 0;
        lastActivity = deps.now().getTime();
        set(false);
        return { ok: true };
      }
      failures++;
      if (failures >= MAX_UNLOCK_FAILURES) {
        deps.onTooManyFailures();
        return { ok: false, reason: 'signed_out' };
      }
      return { ok: false, reason: 'wrong_pin', left: MAX_UNLOCK_FAILURES - failures };
    },
    /** The session ended: forget the PIN. */
    reset(): void {
      pin = null;
      failures = 0;
      set(false);
      deps.onChange();
    },
  };
}
export type IdentityLock = ReturnType<typeof createIdentityLock>;
