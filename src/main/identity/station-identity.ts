// The station's sign-in as contract handlers: who is signed in, start a sign-in (the browser goes
// to the provider; in browser mode the page opens the address), sign out. The access is renewed
// a minute before it expires while the person stays signed in.
import type { Handlers } from '../../shared/contract';
import type { StationEvents } from '../station-events';
import { AppFailure } from '../contract/failure';
import { createOidcLogin, SignInError, type OidcSettings } from './oidc-login';

export interface StationIdentityDeps {
  settings: OidcSettings | null;
  /** Electron opens the system browser; browser mode leaves it to the page. */
  openBrowser?: (url: string) => void;
  events: StationEvents;
  now: () => Date;
  log: (event: string, detail: Record<string, unknown>) => void;
}

export function createStationIdentity(deps: StationIdentityDeps) {
  let renewal: ReturnType<typeof setTimeout> | null = null;
  const login = createOidcLogin({ settings: deps.settings, openBrowser: (url) => deps.openBrowser?.(url), now: deps.now, onChange: (state) => deps.events.emit('identity.changed', state) });

  function scheduleRenewal(): void {
    if (renewal) clearTimeout(renewal);
    const user = login.state().user;
    if (!user) return;
    const inMs = Math.max(5_000, Date.parse(user.expiresAt) - deps.now().getTime() - 60_000);
    renewal = setTimeout(() => {
      login.refresh().then(scheduleRenewal, (error: unknown) => deps.log('identity.renewal_failed', { error: String((error as Error).message) }));
    }, inMs);
    renewal.unref?.();
  }

  const handlers: Pick<Handlers, 'identity.state' | 'identity.login' | 'identity.logout'> = {
    'identity.state': () => login.state(),
    'identity.login': async () => {
      try {
        const { authorizationUrl, done } = await login.begin();
        done.then(
          (user) => {
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
    'identity.logout': async () => {
      if (renewal) clearTimeout(renewal);
      return login.logout();
    },
  };
  return {
    handlers,
    state: () => login.state(),
    close: () => {
      if (renewal) clearTimeout(renewal);
    },
  };
}
