// Professional sign-in against a real OpenID Connect provider on loopback (npm oidc-provider,
// shaped like Pro Santé Connect): authorization code with PKCE through the loopback redirect,
// discovery at PSC's wallet path, refresh, logout with revocation, and ID tokens that are forged,
// expired or meant for another client refused.
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOidcLogin, SignInError, type OidcSettings } from '../../src/main/identity/oidc-login';
import {
  CLIENT,
  PROFESSIONAL,
  signInInBrowser,
  signJwt,
  startTestProvider,
  type TestProvider,
} from '../helpers/oidc-provider';

let provider: TestProvider;
beforeEach(async () => {
  provider = await startTestProvider();
});
afterEach(async () => provider.close());

const settingsFor = (p: TestProvider): OidcSettings => ({
  discoveryUrl: `${p.issuer}/.well-known/wallet-openid-configuration`,
  clientId: CLIENT.id,
  clientSecret: CLIENT.secret,
  scope: 'openid profile',
});

function station(settings: OidcSettings | null) {
  const opened: string[] = [];
  let changes = 0;
  const login = createOidcLogin({
    settings,
    openBrowser: (url) => opened.push(url),
    now: () => new Date(),
    onChange: () => changes++,
    timeoutMs: 20_000,
  });
  return { login, opened, changes: () => changes };
}

/** A whole sign-in in which the station must refuse what comes back; returns the station's login. */
async function signInRefused() {
  const { login } = station(settingsFor(provider));
  const { authorizationUrl, done } = await login.begin();
  const refused = expect(done).rejects.toThrow(SignInError);
  await signInInBrowser(authorizationUrl);
  await refused;
  return login;
}

const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('professional sign-in (OpenID Connect, loopback provider)', () => {
  it('signs in with PKCE through the loopback redirect, found by the PSC wallet discovery path', async () => {
    const { login, opened } = station(settingsFor(provider));
    const { authorizationUrl, done } = await login.begin();
    const url = new URL(authorizationUrl);
    expect(opened).toEqual([authorizationUrl]);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('prompt')).toBe('login'); // a shared cart: never the last person's session
    expect(url.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(login.state().pending?.authorizationUrl).toBe(authorizationUrl);
    await signInInBrowser(authorizationUrl);
    const user = await done;
    expect(user).toMatchObject({
      sub: PROFESSIONAL.login,
      idNatPs: PROFESSIONAL.idNatPs,
      rpps: '10001234567',
      name: 'Anne KERLEAU',
    });
    expect(login.state()).toMatchObject({
      configured: true,
      user: { idNatPs: PROFESSIONAL.idNatPs },
      pending: null,
      lastError: null,
    });
    expect(login.accessToken()).toEqual(expect.any(String));
    expect(provider.requests.some((r) => r.path === '/.well-known/openid-configuration' && r.status === 200)).toBe(
      true,
    );
  });

  it('renews the access with the refresh token, for the same person', async () => {
    const { login } = station(settingsFor(provider));
    const { authorizationUrl, done } = await login.begin();
    await signInInBrowser(authorizationUrl);
    await done;
    const before = login.accessToken();
    const renewed = await login.refresh();
    expect(renewed.idNatPs).toBe(PROFESSIONAL.idNatPs);
    expect(login.accessToken()).not.toBe(before);
  });

  it('signs out: forgets the tokens, revokes the refresh token at the provider, gives the end-session address', async () => {
    const { login } = station(settingsFor(provider));
    const { authorizationUrl, done } = await login.begin();
    await signInInBrowser(authorizationUrl);
    await done;
    const { endSessionUrl } = await login.logout();
    expect(login.state().user).toBeNull();
    expect(login.accessToken()).toBeNull();
    expect(endSessionUrl).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
    expect(provider.requests).toContainEqual({ method: 'POST', path: '/token/revocation', status: 200 });
    await expect(login.refresh()).rejects.toThrow(SignInError);
  });

  it('refuses an ID token signed by another key (forged on the way)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    provider.tamperTokens((body) => ({
      ...body,
      id_token: signJwt(payloadOf(body.id_token as string), privateKey, 'test-key-1'),
    }));
    const login = await signInRefused();
    expect(login.state().user).toBeNull();
    expect(login.state().lastError).toEqual(expect.any(String));
  });

  it('refuses an expired ID token, though signed by the provider', async () => {
    provider.tamperTokens((body) => {
      const claims = payloadOf(body.id_token as string);
      const past = Math.floor(Date.now() / 1000) - 7200;
      return { ...body, id_token: provider.signWithProviderKey({ ...claims, iat: past - 600, exp: past }) };
    });
    expect((await signInRefused()).state().user).toBeNull();
  });

  it('refuses an ID token meant for another client, or replayed with another nonce', async () => {
    for (const change of [{ aud: 'another-client' }, { nonce: 'replayed-nonce' }]) {
      provider.tamperTokens((body) => ({
        ...body,
        id_token: provider.signWithProviderKey({ ...payloadOf(body.id_token as string), ...change }),
      }));
      expect((await signInRefused()).state().user).toBeNull();
    }
  });

  it('refuses a provider over plain http off this machine, and says when none is configured', async () => {
    await expect(
      station({
        ...settingsFor(provider),
        discoveryUrl: 'http://idp.example.org/.well-known/openid-configuration',
      }).login.begin(),
    ).rejects.toThrow(/over https/);
    await expect(station(null).login.begin()).rejects.toThrow(/No identity provider is configured/);
  });
});
