// RELAIS_INSI_URL and RELAIS_INSI_TOKEN: the hospital's INSi gateway, https only (plain http only on
// this machine), none meaning "no INSi here".
import { describe, expect, it } from 'vitest';
import { insiSettingsFromEnv } from '../../../src/main/patients/insi/insi-settings';

describe('INSi gateway settings', () => {
  it('is none without RELAIS_INSI_URL', () => {
    expect(insiSettingsFromEnv({})).toBeNull();
    expect(insiSettingsFromEnv({ RELAIS_INSI_URL: '  ' })).toBeNull();
  });

  it('takes an https gateway and its token, or plain http on this machine only', () => {
    expect(
      insiSettingsFromEnv({ RELAIS_INSI_URL: 'https://insi.chu.example/relais/', RELAIS_INSI_TOKEN: ' t0k3n ' }),
    ).toEqual({ url: 'https://insi.chu.example/relais', token: 't0k3n' });
    expect(insiSettingsFromEnv({ RELAIS_INSI_URL: 'http://127.0.0.1:8099/insi' })).toEqual({
      url: 'http://127.0.0.1:8099/insi',
      token: null,
    });
    expect(() => insiSettingsFromEnv({ RELAIS_INSI_URL: 'http://insi.chu.example' })).toThrow(
      /must be https.*hospital's IT/,
    );
    expect(() => insiSettingsFromEnv({ RELAIS_INSI_URL: 'insi' })).toThrow(
      /RELAIS_INSI_URL must be the https:\/\/ address/,
    );
  });
});
