// The preload's window.relais: contract channels and events only, payload only, no raw ipcRenderer.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENT_NAMES, type RelaisApi } from '../../../src/shared/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const h = vi.hoisted(() => {
  const makeIpc = () => {
    const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
    return {
      listeners,
      invoke: vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'answer' })),
      on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
      }),
      removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
      emit(channel: string, event: unknown, ...args: unknown[]) {
        for (const l of listeners.get(channel) ?? []) l(event, ...args);
      },
    };
  };
  return { makeIpc, ipcRenderer: makeIpc(), exposeInMainWorld: vi.fn() };
});
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld: h.exposeInMainWorld }, ipcRenderer: h.ipcRenderer }));

import { createPreloadApi } from '../../../src/preload/index';

let ipc: ReturnType<typeof h.makeIpc>;
let api: RelaisApi;
beforeEach(() => {
  ipc = h.makeIpc();
  api = createPreloadApi(ipc);
});

describe('preload top level', () => {
  it('exposes window.relais with invoke and on only, never ipcRenderer itself', () => {
    expect(h.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, exposed] = h.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('relais');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'on']);
    expect(exposed).not.toBe(h.ipcRenderer);
    expect(Object.values(exposed)).not.toContain(h.ipcRenderer);
    expect(Object.isFrozen(exposed)).toBe(true);
  });

  it('the exposed API sends through ipcRenderer.invoke', async () => {
    const exposed = h.exposeInMainWorld.mock.calls[0]![1] as RelaisApi;
    await exposed.invoke('station.status', {});
    expect(h.ipcRenderer.invoke).toHaveBeenCalledWith('station.status', {});
  });
});

describe('createPreloadApi.invoke', () => {
  it('passes a contract channel and exactly one payload to ipcRenderer.invoke', async () => {
    for (const channel of CHANNELS) {
      ipc.invoke.mockClear();
      const result = await (api.invoke as (c: string, i: unknown, extra?: unknown) => Promise<unknown>)(
        channel,
        { a: 1 },
        'extra',
      );
      expect(result).toEqual({ ok: true, value: 'answer' });
      expect(ipc.invoke.mock.calls).toEqual([[channel, { a: 1 }]]);
    }
  });

  it.each([['ipc.raw'], ['__proto__'], ['constructor'], ['toString'], [''], [42], [null]])(
    'refuses the unknown channel %j without touching IPC',
    async (channel) => {
      const result = await (api.invoke as (c: unknown, i: unknown) => Promise<unknown>)(channel, {});
      expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', message: expect.any(String) } });
      expect(ipc.invoke).not.toHaveBeenCalled();
    },
  );

  it('turns an IPC rejection into an internal error result', async () => {
    ipc.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    expect(await api.invoke('station.status', {})).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.any(String) },
    });
  });
});

describe('createPreloadApi.on', () => {
  it('gives the listener the payload only, never the IPC event', () => {
    const listener = vi.fn();
    api.on('patients.changed', listener);
    const ipcEvent = { sender: h.ipcRenderer, senderId: 0, ports: [] };
    ipc.emit('patients.changed', ipcEvent, { id: 'p-1' }, 'extra');
    expect(listener.mock.calls).toEqual([[{ id: 'p-1' }]]);
  });

  it('subscribes to every contract event', () => {
    for (const event of EVENT_NAMES) api.on(event, () => {});
    expect(ipc.on.mock.calls.map((c) => c[0]).sort()).toEqual([...EVENT_NAMES].sort());
  });

  it('refuses an unknown event without subscribing', () => {
    for (const event of ['ipc.raw', '__proto__', 'ELECTRON_BROWSER_REQUIRE', '']) {
      expect(() => (api.on as (e: string, l: () => void) => unknown)(event, () => {})).toThrow(/Unknown event/);
    }
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => api.on('patients.changed', 'x' as unknown as () => void)).toThrow(TypeError);
    expect(ipc.on).not.toHaveBeenCalled();
  });

  it('unsubscribe removes exactly the wrapper it added, once', () => {
    const listener = vi.fn();
    const off = api.on('station.statusChanged', listener);
    const added = ipc.on.mock.calls[0]![1] as Listener;
    off();
    off();
    expect(ipc.removeListener.mock.calls).toEqual([['station.statusChanged', added]]);
    ipc.emit('station.statusChanged', {}, { mode: 'electron' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps other subscriptions when one unsubscribes', () => {
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.on('patients.changed', a);
    api.on('patients.changed', b);
    offA();
    ipc.emit('patients.changed', {}, { id: 'p-2' });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledWith({ id: 'p-2' });
  });

  it('returns a frozen object the page cannot patch', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as { invoke: unknown }).invoke = () => null;
    }).toThrow(TypeError);
  });
});
