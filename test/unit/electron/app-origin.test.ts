// What counts as the app's own origin.
import { describe, expect, it, vi } from 'vitest';
import { APP_HOST, APP_SCHEME, APP_URL, isAppUrl } from '../../../src/main/electron/app-origin';

vi.mock('electron', () => {
  throw new Error('app-origin must not import electron at run time');
});

describe('app origin', () => {
  it('has the agreed constants', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('relais');
    expect(APP_URL).toBe('app://relais/index.html');
  });

  it.each([['app://relais/index.html'], ['app://relais/'], ['app://relais'], ['app://relais/assets/a.js?x=1#y']])(
    'accepts %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    ['app://evil/index.html'],
    ['app://relais.evil.example/index.html'],
    ['app://relais:8080/index.html'],
    ['app://user@relais/index.html'],
    ['app://user:pw@relais/index.html'],
    ['app://evil@relais/'],
    ['app://relais@evil/'],
    ['https://relais/index.html'],
    ['file:///app/relais/index.html'],
    ['http://localhost:5173/'],
    ['relais://app/index.html'],
    ['javascript:alert(1)'],
    ['about:blank'],
    ['app:relais/index.html'],
    ['not a url'],
    [''],
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('refuses non-strings', () => {
    expect(isAppUrl(undefined as unknown as string)).toBe(false);
    expect(isAppUrl(42 as unknown as string)).toBe(false);
  });
});
