import { describe, expect, it } from 'vitest';
import { hubSettingsFromEnv } from '../../../src/main/hub-settings';

describe('hub settings from the environment', () => {
  it('has no hub and direct calls by default', () => {
    expect(hubSettingsFromEnv({})).toEqual({ hubUrl: null, hubToken: undefined, icePolicy: 'all' });
  });

  it('reads the hub address, the token and a relay-only policy', () => {
    expect(hubSettingsFromEnv({ RELAIS_HUB_URL: 'wss://hub.region.fr/hub', RELAIS_HUB_TOKEN: ' abc ', RELAIS_ICE_POLICY: 'relay' })).toEqual({ hubUrl: 'wss://hub.region.fr/hub', hubToken: 'abc', icePolicy: 'relay' });
  });

  it('refuses an address that is not a WebSocket one, and an unknown policy, saying what is expected', () => {
    expect(() => hubSettingsFromEnv({ RELAIS_HUB_URL: 'https://hub.region.fr' })).toThrow(/ws:\/\/ or wss:\/\//);
    expect(() => hubSettingsFromEnv({ RELAIS_ICE_POLICY: 'turn' })).toThrow(/"all" or "relay"/);
  });
});
