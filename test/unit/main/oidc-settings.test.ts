// The identity provider's settings from the environment, and the RPPS read from an IdNatPS.
import { describe, expect, it } from 'vitest';
import { oidcSettingsFromEnv } from '../../../src/main/identity/oidc-settings';
import { rppsOfIdNatPs } from '../../../src/shared/identity/identity';

describe('identity provider settings', () => {
  // Issue 16, point 8: with no provider, every channel was open and nothing said so.
  it('refuses to start without a provider, unless the site chose to run without sign-in (RELAIS_NO_SIGN_IN=1)', () => {
    expect(() => oidcSettingsFromEnv({})).toThrow(/RELAIS_NO_SIGN_IN=1/);
    expect(() => oidcSettingsFromEnv({})).toThrow(/anyone at the station reads every record/);
    expect(() => oidcSettingsFromEnv({})).toThrow(/toute personne devant la station lit tous les dossiers/);
    expect(oidcSettingsFromEnv({ RELAIS_NO_SIGN_IN: '1' })).toBeNull();
    expect(() => oidcSettingsFromEnv({ RELAIS_NO_SIGN_IN: 'yes' })).toThrow(/RELAIS_NO_SIGN_IN must be 1/);
  });

  it('refuses a provider and RELAIS_NO_SIGN_IN=1 together: one or the other', () => {
    expect(() =>
      oidcSettingsFromEnv({
        RELAIS_NO_SIGN_IN: '1',
        RELAIS_OIDC_DISCOVERY_URL: 'https://idp.example',
        RELAIS_OIDC_CLIENT_ID: 'relais',
      }),
    ).toThrow(/both set/);
  });

  it('reads the discovery address, client and scope, with defaults', () => {
    expect(
      oidcSettingsFromEnv({
        RELAIS_OIDC_DISCOVERY_URL:
          'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
        RELAIS_OIDC_CLIENT_ID: 'relais',
      }),
    ).toEqual({
      profile: 'generic',
      discoveryUrl: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
      clientId: 'relais',
      clientSecret: null,
      scope: 'openid profile',
    });
  });

  it('refuses a discovery address that is not http(s), or a missing client id, with what to fix', () => {
    expect(() => oidcSettingsFromEnv({ RELAIS_OIDC_DISCOVERY_URL: 'ftp://x', RELAIS_OIDC_CLIENT_ID: 'a' })).toThrow(
      /must be an http\(s\) address/,
    );
    expect(() => oidcSettingsFromEnv({ RELAIS_OIDC_DISCOVERY_URL: 'https://idp.example' })).toThrow(
      /RELAIS_OIDC_CLIENT_ID is needed/,
    );
  });
});

describe('RPPS from IdNatPS', () => {
  it('reads the 11 digits after the 8 of an RPPS professional, and nothing else', () => {
    expect(rppsOfIdNatPs('810001234567')).toBe('10001234567');
    expect(rppsOfIdNatPs('0012345678')).toBeNull(); // an ADELI-based IdNatPS
    expect(rppsOfIdNatPs('8100012345678')).toBeNull();
    expect(rppsOfIdNatPs(null)).toBeNull();
  });
});
