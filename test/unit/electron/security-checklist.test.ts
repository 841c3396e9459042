// Electron's security checklist (electronjs.org/docs/latest/tutorial/security, 20 items), item by
// item, checked against the code Relais runs. The detailed cases live in the test named on each
// item; here each item gets at least one check that fails if the policy is weakened.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  openExternal: vi.fn((_url: string) => Promise.resolve()),
  registerSchemesAsPrivileged: vi.fn(),
  exposeInMainWorld: vi.fn(),
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));
vi.mock('electron', () => ({
  shell: { openExternal: h.openExternal },
  protocol: { registerSchemesAsPrivileged: h.registerSchemesAsPrivileged },
  contextBridge: { exposeInMainWorld: h.exposeInMainWorld },
  ipcRenderer: h.ipcRenderer,
}));

import { readBuilderConfig } from '../../../scripts/packaging/builder-config';
import { APP_SCHEME, APP_URL, isAppUrl } from '../../../src/main/electron/app-origin';
import { hardenWebContents, isNavigationAllowed, windowOpenDecision } from '../../../src/main/electron/navigation';
import { isAllowedExternalUrl } from '../../../src/main/electron/open-external';
import { decidePermission } from '../../../src/main/electron/permissions';
import { registerAppScheme } from '../../../src/main/electron/protocol';
import { isTrustedSender } from '../../../src/main/electron/sender';
import { createWebPreferences } from '../../../src/main/electron/web-preferences';
import { contentSecurityPolicy } from '../../../src/main/platform/security/csp';
import '../../../src/preload/index';

const root = path.resolve(__dirname, '../../..');
const { config } = await readBuilderConfig(root);
const prefs = createWebPreferences('/opt/Relais/resources/app.asar/out/preload/index.cjs');
const shellSource = fs.readFileSync(path.join(root, 'src/main/electron/shell.ts'), 'utf8');

function hardenedContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
  });
  hardenWebContents(contents as unknown as WebContents);
  return { emitter, open: (url: string) => openHandler!({ url }) };
}

describe("Electron's security checklist", () => {
  it('1. only load secure content: the one page is app://relais, a secure standard scheme (protocol.test.ts)', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    registerAppScheme();
    const [schemes] = h.registerSchemesAsPrivileged.mock.calls.at(-1)! as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toEqual([
      expect.objectContaining({
        scheme: APP_SCHEME,
        privileges: expect.objectContaining({ secure: true, standard: true, bypassCSP: false }),
      }),
    ]);
  });

  it('2. no Node.js integration for any content (web-preferences.test.ts)', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('3. context isolation on', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. process sandboxing on, for every renderer (app.enableSandbox before ready)', () => {
    expect(prefs.sandbox).toBe(true);
    expect(shellSource).toContain('app.enableSandbox();');
  });

  it('5. permission requests handled: deny by default, nothing for other origins or iframes (permissions.test.ts)', () => {
    expect(decidePermission('media', 'https://evil.example/', { mediaTypes: ['video'] })).toBe(false);
    expect(decidePermission('media', 'app://relais/index.html', { mediaTypes: ['video'], isMainFrame: false })).toBe(
      false,
    );
    for (const permission of [
      'openExternal',
      'notifications',
      'geolocation',
      'display-capture',
      'hid',
      'serial',
      'something-new',
    ]) {
      expect(decidePermission(permission, 'app://relais/index.html', { isMainFrame: true }), permission).toBe(false);
    }
  });

  it('6. webSecurity not disabled', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('7. a Content-Security-Policy, sent as a header on every app:// response (csp.test.ts, protocol.test.ts)', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('8. allowRunningInsecureContent not enabled', () => {
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('9. experimental features not enabled', () => {
    expect(prefs.experimentalFeatures).toBe(false);
  });

  it('10. enableBlinkFeatures not used', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('11. <webview> allowpopups: does not apply, there is no <webview> (webviewTag off, any attach refused)', () => {
    expect(prefs.webviewTag).toBe(false);
    const { emitter } = hardenedContents();
    const event = { preventDefault: vi.fn() };
    emitter.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('12. <webview> options and params verified: does not apply for the same reason (navigation.test.ts)', () => {
    expect(prefs.webviewTag).toBe(false);
  });

  it('13. navigation limited to the app (navigation.test.ts)', () => {
    expect(isNavigationAllowed('app://relais/patients')).toBe(true);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://relais.evil/'])
      expect(isNavigationAllowed(url), url).toBe(false);
    const { emitter } = hardenedContents();
    const event = { url: 'https://evil.example/', preventDefault: vi.fn() };
    emitter.emit('will-navigate', event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('14. new windows never created by the page', () => {
    expect(windowOpenDecision('app://relais/index.html').action).toBe('deny');
    expect(hardenedContents().open('https://example.org/').action).toBe('deny');
  });

  it('15. shell.openExternal only with allow-listed URLs (open-external.test.ts)', () => {
    expect(isAllowedExternalUrl('https://ans.sante.fr/')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'http://example.org/',
      'ms-msdt:x',
    ])
      expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  it('16. a current Electron: the installed version is the one package.json pins (that it is still supported is a release-time review)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const installed = (
      JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
    ).version;
    const pinnedMajor = Number(/\d+/.exec(pkg.devDependencies.electron!)![0]);
    expect(Number(installed.split('.')[0])).toBe(pinnedMajor);
    expect(pinnedMajor).toBeGreaterThanOrEqual(45);
  });

  it('17. the sender of every IPC message validated (sender.test.ts, ipc.test.ts)', () => {
    expect(isTrustedSender({ url: 'app://relais/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://relais/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('18. no file:// : the app is served from its own app:// protocol, and file:// gets no extra privileges', () => {
    expect(new URL(APP_URL).protocol).toBe('app:');
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('19. fuses checked and set explicitly (electron-builder-config.test.ts, and the packed binary in CI)', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('20. Electron APIs not exposed to web content: the preload exposes invoke and on only (preload.test.ts)', () => {
    expect(h.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, exposed] = h.exposeInMainWorld.mock.calls[0]! as [string, Record<string, unknown>];
    expect(key).toBe('relais');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(exposed)).not.toContain(h.ipcRenderer);
  });
});
