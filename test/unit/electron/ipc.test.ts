// The contract's IPC binding: every channel bound, sender checked before dispatch, events forwarded.
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, contract } from '../../../src/shared/contract';
import { ok } from '../../../src/shared/result';
import { bindContract, type EventTargetWindow } from '../../../src/main/electron/ipc';
import { createStationEvents } from '../../../src/main/platform/station-events';
import type { Dispatch } from '../../../src/main/contract/dispatch';

vi.mock('electron', () => {
  throw new Error('ipc must not import electron at run time');
});

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

function setup() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
  const dispatch = vi.fn<Dispatch>(async (channel) => ok({ answeredBy: channel }));
  const events = createStationEvents();
  const windows: EventTargetWindow[] = [];
  const unbind = bindContract(ipcMain, { dispatch, events }, () => windows);
  const call = (channel: string, senderFrame: unknown, payload: unknown = {}) =>
    handlers.get(channel)!({ senderFrame } as IpcMainInvokeEvent, payload);
  return { handlers, ipcMain, dispatch, events, windows, unbind, call };
}

const appFrame = { url: 'app://relais/index.html', parent: null };

function fakeWindow(url: string, destroyed = false): EventTargetWindow & { send: ReturnType<typeof vi.fn> } {
  const send = vi.fn();
  return {
    send,
    isDestroyed: () => destroyed,
    webContents: { isDestroyed: () => false, getURL: () => url, send },
  };
}

describe('bindContract', () => {
  it('binds exactly the contract channels, once each', () => {
    const { handlers, ipcMain } = setup();
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect([...handlers.keys()].sort()).toEqual(Object.keys(contract.invoke).sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(Object.keys(contract.invoke).length);
  });

  it('lets a trusted sender reach dispatch with the channel and payload, marked as coming over IPC (for the audit trail)', async () => {
    const { call, dispatch } = setup();
    const payload = { query: 'DUPONT' };
    const result = await call('patients.search', appFrame, payload);
    expect(result).toEqual({ ok: true, value: { answeredBy: 'patients.search' } });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('patients.search', payload, { binding: 'ipc' });
  });

  it.each([
    ['a subframe on the app origin', { url: 'app://relais/index.html', parent: appFrame }],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///opt/relais/out/renderer/index.html', parent: null }],
    ['another app host', { url: 'app://evil/index.html', parent: null }],
    ['a missing frame', null],
    ['an undefined frame', undefined],
  ])('refuses %s with forbidden, without dispatching', async (_label, frame) => {
    const { call, dispatch } = setup();
    for (const channel of CHANNELS) {
      const result = await call(channel, frame);
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('forwards station events to windows showing the app only', () => {
    const { events, windows } = setup();
    const app = fakeWindow('app://relais/index.html');
    const elsewhere = fakeWindow('https://evil.example/');
    const closed = fakeWindow('app://relais/index.html', true);
    windows.push(app, elsewhere, closed);
    events.emit('patients.changed', { id: 'p-1' });
    expect(app.send).toHaveBeenCalledExactlyOnceWith('patients.changed', { id: 'p-1' });
    expect(elsewhere.send).not.toHaveBeenCalled();
    expect(closed.send).not.toHaveBeenCalled();
  });

  it('unbind removes every handler and stops forwarding', () => {
    const { unbind, handlers, ipcMain, events, windows } = setup();
    const app = fakeWindow('app://relais/index.html');
    windows.push(app);
    unbind();
    expect(handlers.size).toBe(0);
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(CHANNELS.length);
    events.emit('patients.changed', { id: 'p-1' });
    expect(app.send).not.toHaveBeenCalled();
  });
});
