// Every webPreferences security value, read from the real factory the window uses.
import { describe, expect, it, vi } from 'vitest';
import { createWebPreferences } from '../../../src/main/electron/web-preferences';

// A pure policy module must not load Electron at run time.
vi.mock('electron', () => {
  throw new Error('web-preferences must not import electron at run time');
});

describe('createWebPreferences', () => {
  const prefs = createWebPreferences('/opt/relais/out/preload/index.cjs');

  it('points at the given preload', () => {
    expect(prefs.preload).toBe('/opt/relais/out/preload/index.cjs');
  });

  it.each([
    ['sandbox', true],
    ['contextIsolation', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
    ['safeDialogs', true],
    ['enableWebSQL', false],
    ['devTools', false],
  ] as const)('%s is %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('opens the developer tools only when the developer switch asks for them', () => {
    expect(createWebPreferences('/p', { devTools: true }).devTools).toBe(true);
    expect(createWebPreferences('/p', { devTools: false }).devTools).toBe(false);
    expect(createWebPreferences('/p', {}).devTools).toBe(false);
  });

  it('sets nothing else (no partition, no additional arguments)', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'preload',
        'sandbox',
        'contextIsolation',
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webSecurity',
        'allowRunningInsecureContent',
        'webviewTag',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'spellcheck',
        'safeDialogs',
        'enableWebSQL',
        'devTools',
      ].sort(),
    );
  });

  it('returns a fresh object each time (a caller cannot weaken the next window)', () => {
    const a = createWebPreferences('/p');
    a.sandbox = false;
    expect(createWebPreferences('/p').sandbox).toBe(true);
  });
});
