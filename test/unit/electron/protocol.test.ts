// The app:// protocol on a real temp folder: what it serves, with which headers, and what it refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const { registerSchemesAsPrivileged } = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn() }));
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged } }));

import { createAppRequestHandler, handleAppProtocol, registerAppScheme } from '../../../src/main/electron/protocol';
import { contentSecurityPolicy } from '../../../src/main/platform/security/csp';

const SECRET = 'PATIENT-SECRET-9f2c';
let base: string;
let root: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Relais</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log("relais")');
  fs.writeFileSync(path.join(root, 'assets', 'data.bin'), Buffer.from([0, 1, 2, 255]));
  fs.writeFileSync(path.join(base, 'secret.txt'), SECRET);
  fs.writeFileSync(path.join(base, 'relais.sqlite'), SECRET);
  // A symlink inside the root that points outside it.
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
  fs.symlinkSync(base, path.join(root, 'up'));
  handle = createAppRequestHandler(root);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const get = (url: string, init?: RequestInit) => handle(new Request(url, init));

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure, fetch-capable, streaming, with no CSP bypass or CORS', () => {
    registerAppScheme();
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          bypassCSP: false,
          corsEnabled: false,
          allowServiceWorkers: false,
          stream: true,
        },
      },
    ]);
  });
});

describe('handleAppProtocol', () => {
  it('installs the handler for the app scheme on the given session', () => {
    const session = { protocol: { handle: vi.fn() } };
    handleAppProtocol(session as unknown as Session, root);
    expect(session.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('app:// request handler', () => {
  it('serves index.html for "/" with the CSP, nosniff and no-referrer headers', async () => {
    const response = await get('app://relais/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>Relais</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('serves a bundled script with its content type', async () => {
    const response = await get('app://relais/assets/index-abc.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('console.log("relais")');
  });

  it('serves unknown extensions as opaque bytes, unchanged', async () => {
    const response = await get('app://relais/assets/data.bin');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('answers 404 for a missing file and for a directory', async () => {
    expect((await get('app://relais/nope.js')).status).toBe(404);
    expect((await get('app://relais/assets')).status).toBe(404);
    expect((await get('app://relais/assets/')).status).toBe(404);
  });

  it('refuses other methods', async () => {
    const response = await get('app://relais/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect((await get('app://relais/index.html', { method: 'HEAD' })).status).toBe(405);
  });

  it.each([['app://evil/index.html'], ['app://relais:8443/index.html'], ['app://relais.evil/index.html']])(
    'refuses another host or authority: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(403);
    },
  );

  it('refuses a URL with credentials (Node cannot build such a Request; Chromium could)', async () => {
    for (const url of ['app://user@relais/index.html', 'app://user:pw@relais/index.html']) {
      const response = await handle({ method: 'GET', url } as Request);
      expect(response.status, url).toBe(403);
    }
  });

  it.each([
    ['app://relais/assets%2Findex-abc.js', 403],
    ['app://relais/..%2Fsecret.txt', 403],
    ['app://relais/..%5Csecret.txt', 403],
    ['app://relais/..\\secret.txt', 403],
    ['app://relais/index.html%00.js', 403],
    ['app://relais/%E0%A4%A', 403],
    ['app://relais/link.txt', 403],
    ['app://relais/up/secret.txt', 403],
  ])('refuses %s with %i', async (url, status) => {
    const response = await get(url);
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('never reads outside the root, whatever the traversal spelling', async () => {
    const attempts = [
      'app://relais/../secret.txt',
      'app://relais/../../secret.txt',
      'app://relais/%2e%2e/secret.txt',
      'app://relais/%2E%2E/relais.sqlite',
      'app://relais/.%2e/secret.txt',
      'app://relais/assets/../../secret.txt',
      'app://relais//secret.txt',
      `app://relais/${path.join(base, 'secret.txt')}`,
      `app://relais/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://relais/..%2F..%2Fsecret.txt',
      'app://relais/up/relais.sqlite',
      'app://relais/link.txt',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('answers 404 (and does not throw) when the root folder does not exist', async () => {
    const missing = createAppRequestHandler(path.join(base, 'no-such-build'));
    const response = await missing(new Request('app://relais/index.html'));
    expect(response.status).toBe(404);
  });
});
