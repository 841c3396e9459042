// The path guard shared by app:// and the browser-mode static server: what it maps, what it refuses.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveInsideRoot } from '../../../src/main/platform/security/path-guard';

const root = path.resolve('/srv/relais/renderer');

describe('resolveInsideRoot', () => {
  it('maps "/" and "" to index.html', () => {
    expect(resolveInsideRoot(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveInsideRoot(root, '')).toBe(path.join(root, 'index.html'));
  });

  it('maps a normal asset path to the file inside root', () => {
    expect(resolveInsideRoot(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveInsideRoot(root, '/index.html')).toBe(path.join(root, 'index.html'));
  });

  it('decodes percent-encoding in names', () => {
    expect(resolveInsideRoot(root, '/locales/fr%20FR.json')).toBe(path.join(root, 'locales', 'fr FR.json'));
    expect(resolveInsideRoot(root, '/%C3%A9t%C3%A9.png')).toBe(path.join(root, 'été.png'));
  });

  it('accepts a root given as a relative path and still returns an absolute path', () => {
    const result = resolveInsideRoot('out/renderer', '/a.js');
    expect(result).toBe(path.resolve('out/renderer', 'a.js'));
    expect(path.isAbsolute(result!)).toBe(true);
  });

  it.each([
    ['/../etc/passwd'],
    ['/assets/../../etc/passwd'],
    ['/assets/../index.html'],
    ['/./index.html'],
    ['/..'],
    ['/%2e%2e/etc/passwd'],
    ['/%2E%2E/%2e%2e/etc/passwd'],
    ['/.%2e/etc/passwd'],
    ['/assets%2F..%2F..%2Fetc%2Fpasswd'],
    ['/assets%2fapp.js'],
    ['/..%5C..%5Cwindows%5Cwin.ini'],
    ['/assets%5capp.js'],
    ['/assets\\..\\..\\etc\\passwd'],
    ['/index.html%00.png'],
    ['/index.html\0.png'],
    ['/C:/Windows/win.ini'],
    ['/C%3A/Windows/win.ini'],
    ['/index.html::$DATA'],
    ['etc/passwd'],
    ['../etc/passwd'],
    ['C:\\Windows\\win.ini'],
    ['/%E0%A4%A'],
    ['/%'],
    ['/index.html?x=1'],
    ['/index.html#top'],
  ])('refuses %j', (requestPath) => {
    expect(resolveInsideRoot(root, requestPath)).toBeNull();
  });

  it('keeps an absolute-looking path inside root ("//etc/passwd" is root/etc/passwd)', () => {
    expect(resolveInsideRoot(root, '//etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
    expect(resolveInsideRoot(root, '/etc/passwd')).toBe(path.join(root, 'etc', 'passwd'));
  });

  it('does not decode twice: "%252e%252e" is a literal file name, not ".."', () => {
    expect(resolveInsideRoot(root, '/%252e%252e/x')).toBe(path.join(root, '%2e%2e', 'x'));
  });

  it('never returns a path outside root for any refused or accepted input', () => {
    const inputs = ['/a', '/../a', '/a/../../b', '/%2e%2e/%2e%2e/x', '//x', '/x/./y', '/....//x', '/..../x'];
    for (const input of inputs) {
      const result = resolveInsideRoot(root, input);
      if (result !== null) expect(result.startsWith(root + path.sep)).toBe(true);
    }
  });

  it('allows names that merely start with dots ("..foo", "....") inside root', () => {
    expect(resolveInsideRoot(root, '/..foo')).toBe(path.join(root, '..foo'));
  });
});

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.jpg', 'image/jpeg'],
    ['A.JPG', 'image/jpeg'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['favicon.ico', 'image/x-icon'],
    ['a.exe', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
    ['a.htm', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });
});
