// The hospital PACS's address from the environment (issue 16, point 8): images and patients' names
// travel on it, so https only, plain http only to a PACS on this machine, as for the hub.
import { describe, expect, it } from 'vitest';
import { pacsUrlFromEnv } from '../../../src/main/imaging/pacs-settings';

describe('PACS settings', () => {
  it('is off when no address is given', () => {
    expect(pacsUrlFromEnv({})).toBeNull();
    expect(pacsUrlFromEnv({ RELAIS_PACS_URL: '  ' })).toBeNull();
  });

  it('takes an https address, without its trailing slash', () => {
    expect(pacsUrlFromEnv({ RELAIS_PACS_URL: 'https://pacs.chu.example/dicom-web/' })).toBe(
      'https://pacs.chu.example/dicom-web',
    );
  });

  it('takes plain http only on loopback', () => {
    expect(pacsUrlFromEnv({ RELAIS_PACS_URL: 'http://127.0.0.1:8042/dicom-web' })).toBe(
      'http://127.0.0.1:8042/dicom-web',
    );
    expect(pacsUrlFromEnv({ RELAIS_PACS_URL: 'http://localhost:8042/dicom-web' })).toBe(
      'http://localhost:8042/dicom-web',
    );
    expect(pacsUrlFromEnv({ RELAIS_PACS_URL: 'http://[::1]:8042/dicom-web' })).toBe('http://[::1]:8042/dicom-web');
  });

  it('refuses plain http to another machine, with what to do', () => {
    for (const url of [
      'http://pacs.chu.example/dicom-web',
      'http://10.0.0.12:8042/dicom-web',
      'http://127.0.0.1.evil.example/dicom-web',
    ]) {
      expect(() => pacsUrlFromEnv({ RELAIS_PACS_URL: url }), url).toThrow(/must be https/);
    }
  });

  it('refuses what is not an address', () => {
    expect(() => pacsUrlFromEnv({ RELAIS_PACS_URL: 'ftp://pacs' })).toThrow(/RELAIS_PACS_URL/);
    expect(() => pacsUrlFromEnv({ RELAIS_PACS_URL: 'pacs.chu.example' })).toThrow(/RELAIS_PACS_URL/);
  });
});
