// The main window: hardened preferences from the shared factory, hidden until painted, app URL only.
import { describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => {
  const state = { nextLoad: (): Promise<void> => Promise.resolve() };
  class FakeBrowserWindow {
    static instances: FakeBrowserWindow[] = [];
    readonly onceListeners = new Map<string, () => void>();
    readonly show = vi.fn();
    readonly loadURL = vi.fn((_url: string) => state.nextLoad());
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.instances.push(this);
    }
    once(event: string, listener: () => void) {
      this.onceListeners.set(event, listener);
      return this;
    }
  }
  return { FakeBrowserWindow, state };
});
vi.mock('electron', () => ({ BrowserWindow: h.FakeBrowserWindow }));

import { APP_URL } from '../../../src/main/electron/app-origin';
import { createWebPreferences } from '../../../src/main/electron/web-preferences';
import { createMainWindow } from '../../../src/main/electron/window';

type Fake = InstanceType<typeof h.FakeBrowserWindow>;
const create = (preload: string, onLoadFailed?: (e: unknown) => void, devTools?: boolean) =>
  createMainWindow(preload, onLoadFailed, devTools) as unknown as Fake;

describe('createMainWindow', () => {
  it('uses the shared hardened webPreferences and the agreed window options', () => {
    const window = create('/opt/relais/out/preload/index.cjs');
    expect(window.options.webPreferences).toEqual(createWebPreferences('/opt/relais/out/preload/index.cjs'));
    expect(window.options).toMatchObject({
      title: 'Relais',
      show: false,
      minWidth: 1024,
      minHeight: 700,
      autoHideMenuBar: true,
      backgroundColor: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    expect((window.options.webPreferences as { sandbox: boolean }).sandbox).toBe(true);
  });

  it('has no developer tools unless the developer switch is on', () => {
    expect((create('/p').options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    expect((create('/p', undefined, false).options.webPreferences as { devTools: boolean }).devTools).toBe(false);
    const developer = create('/p', undefined, true);
    expect(developer.options.webPreferences).toEqual(createWebPreferences('/p', { devTools: true }));
  });

  it('loads the app URL and nothing else', () => {
    const window = create('/p');
    expect(window.loadURL.mock.calls).toEqual([[APP_URL]]);
  });

  it('shows the window only once it is ready to show', () => {
    const window = create('/p');
    expect(window.show).not.toHaveBeenCalled();
    window.onceListeners.get('ready-to-show')!();
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const failure = new Error('ERR_FILE_NOT_FOUND');
    h.state.nextLoad = () => Promise.reject(failure);
    const onLoadFailed = vi.fn();
    create('/p', onLoadFailed);
    await new Promise((resolve) => setImmediate(resolve));
    expect(onLoadFailed).toHaveBeenCalledWith(failure);
    h.state.nextLoad = () => Promise.resolve();
  });
});
