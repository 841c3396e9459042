// Navigation guards, window-open policy and webview/bluetooth refusal on a fake WebContents.
import { EventEmitter } from 'node:events';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const { openExternal } = vi.hoisted(() => ({ openExternal: vi.fn((_url: string) => Promise.resolve()) }));
vi.mock('electron', () => ({ shell: { openExternal } }));

import { hardenWebContents, isNavigationAllowed, windowOpenDecision } from '../../../src/main/electron/navigation';

beforeEach(() => openExternal.mockClear());

function fakeContents() {
  const emitter = new EventEmitter();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = Object.assign(emitter, {
    setWindowOpenHandler: vi.fn((handler: typeof openHandler) => {
      openHandler = handler;
    }),
  });
  hardenWebContents(contents as unknown as WebContents);
  const navEvent = (url: string) => ({ url, preventDefault: vi.fn() });
  return {
    emit: (name: string, ...args: unknown[]) => emitter.emit(name, ...args),
    navEvent,
    open: (url: string) => openHandler!({ url }),
    contents,
  };
}

describe('isNavigationAllowed', () => {
  it('allows app URLs only', () => {
    expect(isNavigationAllowed('app://relais/index.html')).toBe(true);
    expect(isNavigationAllowed('app://relais/patients')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://other/',
      'about:blank',
      'data:text/html,x',
    ]) {
      expect(isNavigationAllowed(url)).toBe(false);
    }
  });
});

describe('windowOpenDecision', () => {
  it.each([
    ['https://esante.gouv.fr/', true],
    ['mailto:support@relais.example.fr', true],
    ['app://relais/index.html', false],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
  ])('denies %s, opening externally: %s', (url, external) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny', openExternally: external });
  });
});

describe('hardenWebContents', () => {
  it('lets in-app navigation proceed', () => {
    const c = fakeContents();
    const event = c.navEvent('app://relais/index.html');
    c.emit('will-navigate', event);
    c.emit('will-frame-navigate', event);
    c.emit('will-redirect', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('stops navigation away and opens an allowed link externally instead', () => {
    const c = fakeContents();
    const https = c.navEvent('https://esante.gouv.fr/');
    c.emit('will-navigate', https);
    expect(https.preventDefault).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://esante.gouv.fr/');

    const file = c.navEvent('file:///etc/passwd');
    c.emit('will-navigate', file);
    expect(file.preventDefault).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('stops a subframe navigating away without opening anything', () => {
    const c = fakeContents();
    const event = { ...c.navEvent('https://evil.example/'), isMainFrame: false };
    c.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('stops a main-frame navigation seen only as will-frame-navigate, opening an allowed link once', () => {
    const c = fakeContents();
    const event = { ...c.navEvent('https://esante.gouv.fr/'), isMainFrame: true };
    c.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(openExternal.mock.calls).toEqual([['https://esante.gouv.fr/']]);
    const file = { ...c.navEvent('file:///etc/passwd'), isMainFrame: true };
    c.emit('will-frame-navigate', file);
    expect(file.preventDefault).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });

  it('stops a redirect away without opening anything, even to an allowed URL', () => {
    const c = fakeContents();
    for (const url of ['https://evil.example/', 'file:///etc/passwd']) {
      const event = c.navEvent(url);
      c.emit('will-redirect', event);
      expect(event.preventDefault).toHaveBeenCalledTimes(1);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every window.open, even to the app, and sends only https/mailto to the OS', () => {
    const c = fakeContents();
    expect(c.contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    for (const url of [
      'app://relais/index.html',
      'https://esante.gouv.fr/',
      'http://x/',
      'file:///etc/passwd',
      'mailto:a@b.fr',
    ]) {
      expect(c.open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://esante.gouv.fr/'], ['mailto:a@b.fr']]);
  });

  it('refuses to attach a webview', () => {
    const c = fakeContents();
    const event = { preventDefault: vi.fn() };
    c.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('cancels the bluetooth picker instead of letting Chromium pick the first device', () => {
    const c = fakeContents();
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    c.emit('select-bluetooth-device', event, [{ deviceId: 'oximeter-1', deviceName: 'SpO2' }], callback);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(callback).toHaveBeenCalledWith('');
  });
});
