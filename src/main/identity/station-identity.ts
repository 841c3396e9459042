// The station's sign-in and cart lock as contract handlers: who is signed in, start a sign-in (the
// browser goes to the provider; in browser mode the page opens the address), sign out, choose the
// unlock PIN, enrol her badge, lock, unlock (PIN or badge), and the page's activity pings. The access is renewed a minute before
// it expires. With a provider configured, `gate` refuses every record channel until a
// professional is signed in, has chosen her PIN and the cart is unlocked.
import type { Channel, Handlers } from '../../shared/contract';
import type { IdentityState, SignedIn } from '../../shared/identity/identity';
import type { StationEvents } from '../platform/station-events';
import { AppFailure, fieldFailure } from '../contract/failure';
import { createIdentityLock } from './identity-lock';
import { createOidcLogin, SignInError, type OidcSettings } from './oidc-login';

export interface StationIdentityDeps {
  settings: OidcSettings | null;
  /** Electron opens the system browser; browser mode leaves it to the page. */
  openBrowser?: (url: string) => void;
  events: StationEvents;
  now: () => Date;
  /** Idle time before the cart locks (10 minutes by default). */
  idleMs?: number;
  /** While true (a cabin session in kiosk mode), the cart does not lock itself. */
  lockPaused?: () => boolean;
  log: (event: string, detail: Record<string, unknown>) => void;
  /** A professional's session ended (for the audit trail): signed out, replaced, too many failures, not renewed. */
  onSessionEnded?: (user: SignedIn, reason: SessionEndReason) => void;
}

export type SessionEndReason = 'signed_out' | 'new_sign_in' | 'unlock_failures' | 'renewal_failed';

type IdentityChannel =
  | 'identity.state'
  | 'identity.login'
  | 'identity.logout'
  | 'identity.setPin'
  | 'identity.enrolBadge'
  | 'identity.lock'
  | 'identity.unlock'
  | 'identity.unlockBadge'
  | 'identity.activity';

// SECURITY: what the page may call before a professional is signed in and the cart unlocked:
// the sign-in itself, the station's status line, whether it is a cabin, and leaving the cabin
// (checked by the pharmacist's kiosk PIN: a cabin whose sign-in lapsed must not be stuck). Not the
// badge's enrolment: the gate lets it through only to a signed-in professional on an open cart.
const OPEN_CHANNELS = new Set<Channel>([
  'identity.state',
  'identity.login',
  'identity.logout',
  'identity.setPin',
  'identity.lock',
  'identity.unlock',
  'identity.unlockBadge',
  'identity.activity',
  'station.status',
  'kiosk.state',
  'kiosk.leave',
]);

const LOCKED_NO_NEW_PIN =
  'The station is locked: open it with your PIN or badge. Someone else? Sign out, then sign in and choose your own PIN.';

export function createStationIdentity(deps: StationIdentityDeps) {
  let renewal: ReturnType<typeof setTimeout> | null = null;
  const emit = () => deps.events.emit('identity.changed', state());
  const login = createOidcLogin({
    settings: deps.settings,
    openBrowser: (url) => deps.openBrowser?.(url),
    now: deps.now,
    onChange: emit,
  });
  const lock = createIdentityLock({
    now: deps.now,
    idleMs: deps.idleMs ?? 10 * 60_000,
    onChange: emit,
    onTooManyFailures: () => {
      deps.log('identity.unlock_failures', {});
      void endSession('unlock_failures');
    },
  });
  const ticker = setInterval(() => {
    if (!deps.lockPaused?.()) lock.tick();
  }, 5_000);
  ticker.unref?.();

  function state(): IdentityState {
    const { locked, pinSet, badgeSet } = lock.state();
    return { ...login.state(), locked, unlockPinSet: pinSet, badgeEnrolled: badgeSet };
  }

  function scheduleRenewal(): void {
    if (renewal) clearTimeout(renewal);
    const user = login.state().user;
    if (!user) return;
    const inMs = Math.max(5_000, Date.parse(user.expiresAt) - deps.now().getTime() - 60_000);
    renewal = setTimeout(() => {
      login.refresh().then(scheduleRenewal, (error: unknown) => {
        deps.log('identity.renewal_failed', { error: String((error as Error).message) });
        // SECURITY: a sign-in that cannot be renewed ends; the lock is never reset while she
        // stays signed in (that opened the cart to whoever chose a new PIN in the meantime).
        void endSession('renewal_failed');
      });
    }, inMs);
    renewal.unref?.();
  }

  /**
   * SECURITY: the only way the lock forgets its PIN: the professional's session ends with it. A
   * cart locked when it ends (a new sign-in at the locked cart) stays locked until the next
   * professional has signed in. The provider's part (revocation) never keeps the session open here.
   */
  async function endSession(reason: SessionEndReason, keepLocked = false): Promise<{ endSessionUrl: string | null }> {
    if (renewal) clearTimeout(renewal);
    renewal = null;
    const ended = login.state().user;
    lock.forgetSession({ keepLocked });
    try {
      return await login.logout();
    } catch (error) {
      deps.log('identity.revocation_failed', { error: String((error as Error).message) });
      return { endSessionUrl: null };
    } finally {
      if (ended) {
        deps.log('identity.session_ended', { idNatPs: ended.idNatPs, reason });
        deps.onSessionEnded?.(ended, reason);
      }
    }
  }

  function pinFailure(
    outcome: Exclude<ReturnType<typeof lock.unlock>, { ok: true }>,
    field: 'pin' | 'currentPin' = 'pin',
  ): AppFailure {
    if (outcome.reason === 'no_pin')
      return new AppFailure('not_found', 'No unlock PIN was chosen in this sign-in: sign in again.');
    if (outcome.reason === 'signed_out')
      return new AppFailure('forbidden', 'Too many wrong PINs or badges: the session ended. Sign in again.');
    if (outcome.reason === 'locked') return new AppFailure('forbidden', LOCKED_NO_NEW_PIN);
    if (outcome.reason === 'pin_set') return fieldFailure('currentPin', 'identity.current_pin_required');
    if (outcome.reason === 'pin_trivial') return fieldFailure('pin', `pin.${outcome.why}`);
    return outcome.reason === 'wrong_pin'
      ? fieldFailure(field, 'identity.wrong_pin', { left: outcome.left ?? 0 })
      : fieldFailure('pin', 'identity.pin_format');
  }

  function badgeFailure(outcome: Exclude<ReturnType<typeof lock.unlockWithBadge>, { ok: true }>): AppFailure {
    if (outcome.reason === 'no_pin')
      return new AppFailure('forbidden', 'Choose your unlock PIN first: the badge comes beside it.');
    if (outcome.reason === 'locked')
      return new AppFailure(
        'forbidden',
        'The station is locked: open it with your PIN or badge before enrolling a badge.',
      );
    if (outcome.reason === 'signed_out') return pinFailure(outcome);
    if (outcome.reason === 'wrong_badge' || outcome.reason === 'unknown_badge')
      return fieldFailure('uid', `identity.${outcome.reason}`, { left: outcome.left ?? 0 });
    return fieldFailure('uid', 'identity.badge_format');
  }

  const handlers: Pick<Handlers, IdentityChannel> = {
    'identity.state': () => state(),
    'identity.login': async () => {
      // SECURITY: a new sign-in ends the current session first (her PIN and badge go with it); a
      // locked cart stays locked until the next professional has signed in and chosen her PIN.
      await endSession('new_sign_in', lock.state().locked);
      try {
        const { authorizationUrl, done } = await login.begin();
        done.then(
          (user) => {
            lock.sessionStarted();
            deps.log('identity.signed_in', { idNatPs: user.idNatPs });
            scheduleRenewal();
          },
          (error: unknown) => deps.log('identity.sign_in_failed', { error: String((error as Error).message) }),
        );
        return { authorizationUrl };
      } catch (error) {
        if (error instanceof SignInError) throw new AppFailure('hub_unavailable', error.message);
        throw new AppFailure('hub_unavailable', `The identity provider cannot be reached: ${(error as Error).message}`);
      }
    },
    'identity.logout': () => endSession('signed_out'),
    // SECURITY: her first PIN of the sign-in on an open cart; afterwards a new one only with the
    // current one. Never at a locked cart: whoever stands there would choose the PIN that opens it.
    'identity.setPin': ({ pin, currentPin }) => {
      if (!login.state().user)
        throw new AppFailure('forbidden', 'Sign in first: the PIN belongs to a signed-in professional.');
      if (lock.state().locked) throw new AppFailure('forbidden', LOCKED_NO_NEW_PIN);
      const changing = lock.state().pinSet;
      if (changing && currentPin === undefined) throw fieldFailure('currentPin', 'identity.current_pin_required');
      const outcome = changing ? lock.changePin(currentPin!, pin) : lock.setPin(pin);
      if (!outcome.ok) throw pinFailure(outcome, changing ? 'currentPin' : 'pin');
      return state();
    },
    'identity.enrolBadge': ({ uid }) => {
      if (!login.state().user)
        throw new AppFailure('forbidden', 'Sign in first: the badge belongs to a signed-in professional.');
      const outcome = lock.enrolBadge(uid);
      if (!outcome.ok) throw badgeFailure(outcome);
      return state();
    },
    'identity.lock': () => {
      lock.lock();
      return state();
    },
    'identity.unlock': ({ pin }) => {
      const outcome = lock.unlock(pin);
      if (!outcome.ok) throw pinFailure(outcome);
      return state();
    },
    // SECURITY: a badge opens only the cart of the professional signed in, who enrolled it in
    // this sign-in; it never signs anyone in (that stays with the identity provider).
    'identity.unlockBadge': ({ uid }) => {
      if (!login.state().user)
        throw new AppFailure('forbidden', 'A badge does not sign in: sign in with Pro Santé Connect first.');
      const outcome = lock.unlockWithBadge(uid);
      if (!outcome.ok) throw badgeFailure(outcome);
      return state();
    },
    'identity.activity': () => {
      lock.touch();
      return { seen: true as const };
    },
  };

  return {
    handlers,
    state,
    /** SECURITY: null when the channel may run now; otherwise why not. */
    gate(channel: Channel): AppFailure | null {
      if (!deps.settings || OPEN_CHANNELS.has(channel)) return null;
      const current = state();
      if (!current.user)
        return new AppFailure('forbidden', 'Sign in first: the records open to a signed-in professional.');
      if (!current.unlockPinSet) return new AppFailure('forbidden', 'Choose your unlock PIN first.');
      if (current.locked)
        return new AppFailure('forbidden', 'The station is locked: type your PIN or present your badge to open it.');
      return null;
    },
    close: () => {
      clearInterval(ticker);
      if (renewal) clearTimeout(renewal);
    },
  };
}
