// Pro Santé Connect by one setting (issue 16, point 16), against the loopback provider answering
// as PSC's documentation (ANS, industriels.esante.gouv.fr, "Pro Santé Connect — documentation
// technique" and "userinfo") says: discovery at /.well-known/wallet-openid-configuration, scope
// "openid scope_all", acr_values eidas1 stated back in the ID token's acr, the professional's
// IdNatPS (SubjectNameID) and practices (SubjectRefPro) at the userinfo endpoint, logout at its
// end_session_endpoint with the ID token as hint.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOidcLogin, SignInError, type OidcSettings } from '../../src/main/identity/oidc-login';
import { oidcSettingsFromEnv, PSC_DISCOVERY_URL } from '../../src/main/identity/oidc-settings';
import { CLIENT, PROFESSIONAL, signInInBrowser, startTestProvider, type TestProvider } from '../helpers/oidc-provider';

let provider: TestProvider;
beforeEach(async () => {
  provider = await startTestProvider({ profile: 'psc' });
});
afterEach(async () => provider.close());

/** RELAIS_OIDC_PROFILE=psc, pointed at the loopback provider instead of PSC's production address. */
const pscSettings = (p: TestProvider): OidcSettings =>
  oidcSettingsFromEnv({
    RELAIS_OIDC_PROFILE: 'psc',
    RELAIS_OIDC_DISCOVERY_URL: `${p.issuer}/.well-known/wallet-openid-configuration`,
    RELAIS_OIDC_CLIENT_ID: CLIENT.id,
    RELAIS_OIDC_CLIENT_SECRET: CLIENT.secret,
  })!;

function login(settings: OidcSettings) {
  return createOidcLogin({
    settings,
    openBrowser: () => {},
    now: () => new Date(),
    onChange: () => {},
    timeoutMs: 20_000,
  });
}

const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('Pro Santé Connect (RELAIS_OIDC_PROFILE=psc)', () => {
  it("takes PSC's rules from the one setting: its production discovery document, scope_all, eidas1", () => {
    const settings = oidcSettingsFromEnv({
      RELAIS_OIDC_PROFILE: 'psc',
      RELAIS_OIDC_CLIENT_ID: 'relais-region-bretagne',
      RELAIS_OIDC_CLIENT_SECRET: 's3cret',
    });
    expect(settings).toEqual({
      profile: 'psc',
      discoveryUrl: PSC_DISCOVERY_URL,
      clientId: 'relais-region-bretagne',
      clientSecret: 's3cret',
      scope: 'openid scope_all',
    });
    expect(PSC_DISCOVERY_URL).toBe(
      'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
    );
    expect(() => oidcSettingsFromEnv({ RELAIS_OIDC_PROFILE: 'psc' })).toThrow(/RELAIS_OIDC_CLIENT_ID/);
    expect(() => oidcSettingsFromEnv({ RELAIS_OIDC_PROFILE: 'franceconnect', RELAIS_OIDC_CLIENT_ID: 'x' })).toThrow(
      /RELAIS_OIDC_PROFILE must be psc or generic/,
    );
  });

  it('signs in asking eidas1 and scope_all, and names the professional from userinfo: IdNatPS, RPPS, practice', async () => {
    const station = login(pscSettings(provider));
    const { authorizationUrl, done } = await station.begin();
    const url = new URL(authorizationUrl);
    expect(url.searchParams.get('acr_values')).toBe('eidas1');
    expect(url.searchParams.get('scope')).toBe('openid scope_all');
    await signInInBrowser(authorizationUrl);
    const user = await done;
    expect(user).toMatchObject({
      sub: PROFESSIONAL.login,
      idNatPs: PROFESSIONAL.idNatPs,
      rpps: '10001234567',
      name: 'Anne KERLEAU',
      practice: { professionCode: '10', specialtyCode: 'SM42', organization: 'CHU DE BREST', finess: '290000017' },
    });
    expect(provider.requests.some((r) => r.path === '/me' && r.status === 200)).toBe(true); // userinfo was read
  });

  it('refuses a sign-in whose ID token does not state the eIDAS level asked for', async () => {
    provider.tamperTokens((body) => {
      const { acr: _dropped, ...claims } = payloadOf(body.id_token as string);
      return { ...body, id_token: provider.signWithProviderKey(claims) };
    });
    const station = login(pscSettings(provider));
    const { authorizationUrl, done } = await station.begin();
    const refused = expect(done).rejects.toThrow(SignInError);
    await signInInBrowser(authorizationUrl);
    await refused;
    expect(station.state().user).toBeNull();
    expect(station.state().lastError).toMatch(/eidas1/);
  });

  it("signs out at PSC's end-session address, with the ID token as hint", async () => {
    const station = login(pscSettings(provider));
    const { authorizationUrl, done } = await station.begin();
    await signInInBrowser(authorizationUrl);
    await done;
    const { endSessionUrl } = await station.logout();
    expect(endSessionUrl).toMatch(new RegExp(`^${provider.issuer}/session/end\\?`));
    expect(new URL(endSessionUrl!).searchParams.get('id_token_hint')).toEqual(expect.any(String));
  });
});
