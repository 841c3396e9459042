import { describe, expect, it } from 'vitest';
import { hubSettingsFromEnv } from '../../../src/main/platform/hub/hub-settings';

describe('hub settings from the environment', () => {
  it('has no hub and direct calls by default', () => {
    expect(hubSettingsFromEnv({})).toEqual({
      hubUrl: null,
      hubToken: undefined,
      icePolicy: 'all',
      fhirUrl: null,
      uploadsUrl: null,
    });
  });

  it('reads the hub address, the token and a relay-only policy', () => {
    expect(
      hubSettingsFromEnv({
        RELAIS_HUB_URL: 'wss://hub.region.fr/hub',
        RELAIS_HUB_TOKEN: ' abc ',
        RELAIS_ICE_POLICY: 'relay',
      }),
    ).toEqual({
      hubUrl: 'wss://hub.region.fr/hub',
      hubToken: 'abc',
      icePolicy: 'relay',
      fhirUrl: 'https://hub.region.fr/fhir/R4',
      uploadsUrl: 'https://hub.region.fr/uploads',
    });
  });

  it('syncs to the hub’s FHIR endpoint unless another FHIR server is named', () => {
    expect(hubSettingsFromEnv({ RELAIS_HUB_URL: 'ws://127.0.0.1:4790/hub' }).fhirUrl).toBe(
      'http://127.0.0.1:4790/fhir/R4',
    );
    expect(
      hubSettingsFromEnv({ RELAIS_HUB_URL: 'wss://hub.region.fr/hub', RELAIS_FHIR_URL: 'https://fhir.region.fr/R4' })
        .fhirUrl,
    ).toBe('https://fhir.region.fr/R4');
    expect(() => hubSettingsFromEnv({ RELAIS_FHIR_URL: 'fhir.region.fr' })).toThrow(/http:\/\/ or https:\/\//);
  });

  it('refuses an address that is not a WebSocket one, and an unknown policy, saying what is expected', () => {
    expect(() => hubSettingsFromEnv({ RELAIS_HUB_URL: 'https://hub.region.fr' })).toThrow(/ws:\/\/ or wss:\/\//);
    expect(() => hubSettingsFromEnv({ RELAIS_ICE_POLICY: 'turn' })).toThrow(/"all" or "relay"/);
  });

  it('refuses an address without TLS off this machine, for the hub, the FHIR server and the uploads', () => {
    expect(() => hubSettingsFromEnv({ RELAIS_HUB_URL: 'ws://hub.region.fr/hub' })).toThrow(
      /RELAIS_HUB_URL must use wss:\/\/ for hub\.region\.fr/,
    );
    expect(() => hubSettingsFromEnv({ RELAIS_HUB_URL: 'ws://10.0.0.5:4790/hub' })).toThrow(/wss:\/\//);
    expect(() =>
      hubSettingsFromEnv({ RELAIS_HUB_URL: 'wss://hub.region.fr/hub', RELAIS_FHIR_URL: 'http://fhir.region.fr/R4' }),
    ).toThrow(/RELAIS_FHIR_URL must use https:\/\//);
    expect(() =>
      hubSettingsFromEnv({
        RELAIS_HUB_URL: 'wss://hub.region.fr/hub',
        RELAIS_UPLOADS_URL: 'http://files.region.fr/uploads',
      }),
    ).toThrow(/RELAIS_UPLOADS_URL must use https:\/\//);
    // loopback stays possible in clear: a development hub on this machine
    expect(
      hubSettingsFromEnv({ RELAIS_HUB_URL: 'ws://localhost:4790/hub', RELAIS_FHIR_URL: 'http://127.0.0.2:8080/R4' })
        .fhirUrl,
    ).toBe('http://127.0.0.2:8080/R4');
  });
});
