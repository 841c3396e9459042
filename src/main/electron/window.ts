// Creates the station's main window on the app:// origin with the hardened webPreferences.
import { BrowserWindow } from 'electron';
import { APP_URL } from './app-origin';
import { createWebPreferences } from './web-preferences';

/** `devTools`: the developer switch (RELAIS_DEV_TOOLS=1); the window has none otherwise. */
export function createMainWindow(
  preloadPath: string,
  onLoadFailed: (error: unknown) => void = () => {},
  devTools = false,
): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Relais',
    // Shown once painted, so the cart never flashes an empty white frame.
    show: false,
    width: 1280,
    height: 800,
    // The consultation layout (video, devices, record) needs at least this much room.
    minWidth: 1024,
    minHeight: 700,
    backgroundColor: '#10151c',
    autoHideMenuBar: true,
    webPreferences: createWebPreferences(preloadPath, { devTools }),
  });
  window.once('ready-to-show', () => window.show());
  // SECURITY: the only URL ever loaded is the app's own; navigation guards keep it there.
  window.loadURL(APP_URL).catch(onLoadFailed);
  return window;
}
