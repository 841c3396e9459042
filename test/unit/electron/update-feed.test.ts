// The update server's address: https only (http on loopback for tests), read from the
// environment or from the packaged app-update.yml, garbage refused with a reason.
import { describe, expect, it } from 'vitest';
import {
  checkUpdateFeedUrl,
  DEFAULT_UPDATE_URL,
  feedUrlFromAppUpdateYml,
  updateFeedUrlFromEnv,
} from '../../../src/main/electron/update-feed';

describe('update feed', () => {
  it.each([
    ['https://maj.region.example/relais/', 'https://maj.region.example/relais'],
    ['http://127.0.0.1:8080/feed', 'http://127.0.0.1:8080/feed'],
    ['http://localhost:8080', 'http://localhost:8080'],
  ])('accepts %s', (input, url) => {
    expect(checkUpdateFeedUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    'http://maj.region.example/',
    'http://127.0.0.1.evil.example/',
    'file:///tmp/feed',
    'https://a:b@maj.example/',
    'https://maj.example/?x=1',
    '',
    '   ',
    42,
    null,
    'x'.repeat(3000),
  ])('refuses %s', (input) => {
    const result = checkUpdateFeedUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeGreaterThan(10);
  });

  it('uses RELAIS_UPDATE_URL, else the https default', () => {
    expect(updateFeedUrlFromEnv({ RELAIS_UPDATE_URL: 'https://x.example/u' })).toEqual({
      ok: true,
      url: 'https://x.example/u',
    });
    expect(updateFeedUrlFromEnv({})).toEqual({ ok: true, url: DEFAULT_UPDATE_URL });
    expect(updateFeedUrlFromEnv({ RELAIS_UPDATE_URL: 'http://x.example/u' }).ok).toBe(false);
  });

  it('reads app-update.yml as electron-builder writes it', () => {
    const yml =
      'provider: generic\nurl: https://maj.region.example/relais\nchannel: latest\nupdaterCacheDirName: relais-updater\n';
    expect(feedUrlFromAppUpdateYml(yml)).toEqual({ ok: true, url: 'https://maj.region.example/relais' });
    expect(feedUrlFromAppUpdateYml("provider: generic\r\nurl: 'https://q.example/r'\r\n")).toEqual({
      ok: true,
      url: 'https://q.example/r',
    });
  });

  it.each([
    ['another provider', 'provider: github\nowner: x\nrepo: y\n'],
    ['an http url', 'provider: generic\nurl: http://maj.region.example/\n'],
    ['no url', 'provider: generic\n'],
    ['binary garbage', '\u0000\u0001\u0002'],
    ['nothing', null],
  ])('refuses app-update.yml with %s', (_what, text) => {
    expect(feedUrlFromAppUpdateYml(text).ok).toBe(false);
  });
});
