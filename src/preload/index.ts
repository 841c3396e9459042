// Preload: exposes window.relais, built from the contract; the page never sees ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, isEventName, type RelaisApi } from '../shared/contract';
import { err, type Result } from '../shared/result';

// The part of ipcRenderer the API uses; the real one fits, tests pass a fake.
export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadApi(ipc: PreloadIpc): RelaisApi {
  async function invoke(channel: unknown, input: unknown): Promise<Result<unknown>> {
    // SECURITY: only contract channels reach IPC; the page cannot name any other channel.
    if (!isChannel(channel)) {
      return err('unknown_channel', `Unknown channel ${String(channel).slice(0, 80)}`);
    }
    try {
      // SECURITY: exactly one argument crosses, whatever the page passes.
      return (await ipc.invoke(channel, input)) as Result<unknown>;
    } catch {
      // Main's handlers always answer with a Result; a rejection means main is gone or broken.
      return err('internal', 'The station did not answer. Please retry; if it persists, restart Relais.');
    }
  }

  function on(event: unknown, listener: (payload: unknown) => void): () => void {
    // SECURITY: only contract events can be subscribed to (same rule as browser mode).
    if (!isEventName(event)) throw new Error(`Unknown event ${String(event).slice(0, 80)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    // SECURITY: the page gets the payload only, never the IpcRendererEvent (whose `sender`
    // is ipcRenderer itself).
    const forward = (_event: unknown, payload: unknown) => listener(payload);
    ipc.on(event, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(event, forward);
    };
  }

  // SECURITY: nothing can be added to or replaced on the API object after it is built.
  return Object.freeze({ invoke: invoke as RelaisApi['invoke'], on: on as RelaisApi['on'] });
}

contextBridge.exposeInMainWorld('relais', createPreloadApi(ipcRenderer));
