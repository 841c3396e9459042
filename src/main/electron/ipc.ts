// Binds the contract to Electron IPC: one handle per CHANNELS entry, sender checked, events forwarded.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { err } from '../../shared/result';
import type { Station } from '../station';
import { isAppUrl } from './app-origin';
import { isTrustedSender } from './sender';

export type ContractIpcMain = Pick<IpcMain, 'handle' | 'removeHandler'>;

// The part of a BrowserWindow the binding uses (a real BrowserWindow fits).
export interface EventTargetWindow {
  isDestroyed(): boolean;
  webContents: {
    isDestroyed(): boolean;
    getURL(): string;
    send(channel: string, ...args: unknown[]): void;
  };
}

export function bindContract(
  ipcMain: ContractIpcMain,
  station: Pick<Station, 'dispatch' | 'events'>,
  getWindows: () => readonly EventTargetWindow[],
): () => void {
  // Channels come from the contract only: adding one there binds it here, nothing listed twice.
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      // SECURITY: checked on every call, not once per window: the frame may have navigated or
      // be an iframe. The payload is parsed by dispatch against the channel's schema.
      if (!isTrustedSender(event.senderFrame)) {
        return err('forbidden', 'This frame is not allowed to call the station.');
      }
      return station.dispatch(channel, payload, { binding: 'ipc' });
    });
  }

  const stopForwarding = station.events.onAny((name, payload) => {
    for (const window of getWindows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue;
      // SECURITY: events carry patient data; only a window still showing the app receives them.
      if (!isAppUrl(window.webContents.getURL())) continue;
      window.webContents.send(name, payload);
    }
  });

  return () => {
    stopForwarding();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
