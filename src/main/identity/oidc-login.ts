// Professional sign-in by OpenID Connect, as a native app: authorization code with PKCE, a
// loopback redirect (RFC 8252), the ID token's signature checked against the provider's keys
// (not only trusted from TLS), its nonce, audience and expiry checked by openid-client. Compatible
// with Pro Santé Connect, whose discovery document sits at /.well-known/wallet-openid-configuration
// (a discovery URL containing /.well-known/ is used as given) and which names the professional by
// IdNatPS. Tokens stay in the main process, never in the page.
import * as oidc from 'openid-client';
import type { IdentityState, SignedIn } from '../../shared/identity/identity';
import { openLoopbackRedirect } from './loopback-redirect';
import { pscUserOf, userOf } from './professional-claims';

export interface OidcSettings {
  /** The issuer, or its discovery document's full URL (PSC: …/.well-known/wallet-openid-configuration). */
  discoveryUrl: string;
  clientId: string;
  /** PSC registers desktop clients with a secret; none for a public client (PKCE only). */
  clientSecret: string | null;
  scope: string;
  /**
   * psc: Pro Santé Connect's rules: the eIDAS level eidas1 asked for (acr_values) and checked in
   * the ID token, the professional read from its userinfo endpoint. generic (default): any provider.
   */
  profile?: 'generic' | 'psc';
}

/** The eIDAS level PSC gives for a CPS card or e-CPS sign-in ("substantiel"), asked for and checked. */
export const PSC_ACR = 'eidas1';

export interface OidcLoginDeps {
  settings: OidcSettings | null;
  /** Opens the system browser (Electron: shell.openExternal), or hands the address to the page. */
  openBrowser(url: string): void;
  now: () => Date;
  onChange(): void;
  /** How long a started sign-in waits for the browser to come back. */
  timeoutMs?: number;
}

interface Session {
  user: SignedIn;
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
}

const isLoopback = (url: URL) =>
  url.hostname === '127.0.0.1' || url.hostname === '[::1]' || url.hostname === 'localhost';

export class SignInError extends Error {}

export function createOidcLogin(deps: OidcLoginDeps) {
  const { settings } = deps;
  let config: oidc.Configuration | null = null;
  let session: Session | null = null;
  let pending: { authorizationUrl: string; close(): void } | null = null;
  let lastError: string | null = null;

  const state = (): Omit<IdentityState, 'locked' | 'unlockPinSet' | 'badgeEnrolled'> => ({
    configured: settings !== null,
    user: session && Date.parse(session.user.expiresAt) > deps.now().getTime() ? session.user : null,
    pending: pending ? { authorizationUrl: pending.authorizationUrl } : null,
    lastError,
  });
  const changed = () => deps.onChange();

  async function configuration(): Promise<oidc.Configuration> {
    if (!settings)
      throw new SignInError('No identity provider is configured on this station (RELAIS_OIDC_DISCOVERY_URL).');
    if (config) return config;
    const url = new URL(settings.discoveryUrl);
    // SECURITY: plain http only to a provider on this machine (tests, development).
    const insecure = url.protocol === 'http:' && isLoopback(url);
    if (url.protocol !== 'https:' && !insecure)
      throw new SignInError(`The identity provider must be reached over https, not ${url.protocol}`);
    const auth = settings.clientSecret ? oidc.ClientSecretBasic(settings.clientSecret) : oidc.None();
    config = await oidc.discovery(
      url,
      settings.clientId,
      settings.clientSecret ?? undefined,
      auth,
      insecure ? { execute: [oidc.allowInsecureRequests] } : {},
    );
    // SECURITY: the ID token's signature is checked against the provider's published keys.
    oidc.enableNonRepudiationChecks(config);
    return config;
  }

  function take(
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
    previous: Session | null,
  ): Session {
    const claims = tokens.claims() ?? null;
    const expiresIn = tokens.expiresIn() ?? 300;
    const expiresAt = new Date(deps.now().getTime() + expiresIn * 1000);
    if (!claims && !previous) throw new SignInError('The identity provider returned no ID token.');
    // A refresh may come without a new ID token: the person stays the same.
    if (claims && previous && claims.sub !== previous.user.sub)
      throw new SignInError('The refreshed sign-in names another person.');
    // A renewal keeps who she is (read once at sign-in: PSC's userinfo is not asked again), with the new expiry.
    const user = previous
      ? { ...previous.user, expiresAt: expiresAt.toISOString() }
      : userOf(claims as Record<string, unknown>, expiresAt);
    return {
      user,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? previous?.refreshToken ?? null,
      idToken: tokens.id_token ?? previous?.idToken ?? null,
    };
  }

  /** PSC: the level asked for must be the level given; the professional is read from userinfo. */
  async function takePsc(
    cfg: oidc.Configuration,
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  ): Promise<Session> {
    const claims = tokens.claims();
    // SECURITY: a sign-in below the eIDAS level asked for (a provider that ignored acr_values) is refused.
    if (!claims || claims.acr !== PSC_ACR)
      throw new SignInError(
        `Pro Santé Connect did not confirm the eIDAS level asked for (${PSC_ACR}): the sign-in is refused; sign in with the CPS card or e-CPS.`,
      );
    // SECURITY: openid-client checks that userinfo speaks of the ID token's subject.
    const userinfo = await oidc.fetchUserInfo(cfg, tokens.access_token, claims.sub);
    const base = take(tokens, null);
    return {
      ...base,
      user: pscUserOf(
        claims as Record<string, unknown>,
        userinfo as Record<string, unknown>,
        new Date(base.user.expiresAt),
      ),
    };
  }

  return {
    state,
    /** Starts a sign-in: opens the browser, and resolves once the person is signed in (or it failed). */
    async begin(): Promise<{ authorizationUrl: string; done: Promise<SignedIn> }> {
      const cfg = await configuration();
      pending?.close();
      const redirect = await openLoopbackRedirect({ timeoutMs: deps.timeoutMs ?? 5 * 60_000 });
      const verifier = oidc.randomPKCECodeVerifier();
      const expectedState = oidc.randomState();
      const expectedNonce = oidc.randomNonce();
      const authorizationUrl = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: redirect.redirectUri,
        scope: settings!.scope,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state: expectedState,
        nonce: expectedNonce,
        ...(settings!.profile === 'psc' ? { acr_values: PSC_ACR } : {}),
        // SECURITY: a shared cart: the provider authenticates the person at every sign-in, so the
        // next professional never inherits the last one's session left in the browser.
        prompt: 'login',
      }).href;
      pending = { authorizationUrl, close: redirect.close };
      lastError = null;
      changed();
      deps.openBrowser(authorizationUrl);
      const done = (async () => {
        try {
          const callback = await redirect.response;
          const tokens = await oidc.authorizationCodeGrant(cfg, callback, {
            pkceCodeVerifier: verifier,
            expectedState,
            expectedNonce,
            idTokenExpected: true,
          });
          session = settings!.profile === 'psc' ? await takePsc(cfg, tokens) : take(tokens, null);
          return session.user;
        } catch (error) {
          session = null;
          lastError = (error as Error).message;
          throw error instanceof SignInError ? error : new SignInError(`Sign-in refused: ${(error as Error).message}`);
        } finally {
          redirect.close();
          pending = null;
          changed();
        }
      })();
      return { authorizationUrl, done };
    },
    /** Renews the access with the refresh token; signs out when the provider refuses. */
    async refresh(): Promise<SignedIn> {
      if (!session) throw new SignInError('Nobody is signed in.');
      if (!session.refreshToken) {
        lastError = 'The sign-in could not be renewed: the identity provider gave no refresh token. Sign in again.';
        changed();
        throw new SignInError(lastError);
      }
      try {
        session = take(await oidc.refreshTokenGrant(await configuration(), session.refreshToken), session);
        lastError = null;
        return session.user;
      } catch (error) {
        session = null;
        lastError = (error as Error).message;
        throw new SignInError(`The sign-in could not be renewed: ${(error as Error).message}`);
      } finally {
        changed();
      }
    },
    /** Signs out here, revokes the refresh token at the provider, and gives its end-session address. */
    async logout(): Promise<{ endSessionUrl: string | null }> {
      const ended = session;
      session = null;
      changed();
      if (!ended || !settings) return { endSessionUrl: null };
      const cfg = await configuration();
      if (ended.refreshToken && cfg.serverMetadata().revocation_endpoint)
        await oidc.tokenRevocation(cfg, ended.refreshToken).catch(() => {});
      const endSession = cfg.serverMetadata().end_session_endpoint
        ? oidc.buildEndSessionUrl(cfg, ended.idToken ? { id_token_hint: ended.idToken } : {}).href
        : null;
      return { endSessionUrl: endSession };
    },
    /** The access token for calls made on the person's behalf (never given to the page). */
    accessToken: (): string | null => (state().user ? session!.accessToken : null),
  };
}
export type OidcLogin = ReturnType<typeof createOidcLogin>;
