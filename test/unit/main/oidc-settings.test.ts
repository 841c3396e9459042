// The identity provider's settings from the environment, and the RPPS read from an IdNatPS.
import { describe, expect, it } from 'vitest';
import { oidcSettingsFromEnv } from '../../../src/main/identity/oidc-settings';
import { rppsOfIdNatPs } from '../../../src/shared/identity';

describe('identity provider settings', () => {
  it('is off when no discovery address is given', () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
  });

  it('reads the discovery address, client and scope, with defaults', () => {
    expect(oidcSettingsFromEnv({ RELAIS_OIDC_DISCOVERY_URL: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration', RELAIS_OIDC_CLIENT_ID: 'relais' })).toEqual({
      discoveryUrl: 'https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration',
      clientId: 'relais',
      clientSecret: null,
      scope: 'openid profile',
    });
  });

  it('refuses a discovery address that is not http(s), or a missing client id, with what to fix', () => {
    expect(() => oidcSettingsFromEnv({ RELAIS_OIDC_DISCOVERY_URL: 'ftp://x', RELAIS_OIDC_CLIENT_ID: 'a' })).toThrow(/must be an http\(s\) address/);
    expect(() => oidcSettingsFromEnv({ RELAIS_OIDC_DISCOVERY_URL: 'https://idp.example' })).toThrow(/RELAIS_OIDC_CLIENT_ID is needed/);
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
