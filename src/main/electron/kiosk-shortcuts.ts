// The keyboard shortcuts refused while the pharmacy cabin is in kiosk mode, each with its reason.
// Without an application menu most of them do nothing in Electron already; they are refused here
// too, before the page or a menu sees them, so that a cabin stays closed even if a menu comes back
// (the developer switch keeps Electron's default one) or Chromium adds a shortcut.
// Typing is never refused: letters, digits, accents, punctuation, editing keys, copy and paste.

/** The part of Electron's `before-input-event` Input that is read. */
export interface KeyInput {
  key: string;
  code?: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export interface KioskShortcut {
  name: string;
  reason: string;
  matches(input: KeyInput): boolean;
}

const letter = (input: KeyInput) => input.key.toLowerCase();
// Ctrl on Linux and Windows, Cmd on macOS.
const command = (input: KeyInput) => input.control || input.meta;
const commandWith = (letters: string[]) => (input: KeyInput) => command(input) && letters.includes(letter(input));
const LEAVES = 'the patient would be left on the desktop; the pharmacist leaves kiosk mode with her PIN first';
const ZOOM_KEYS = ['+', '=', '-', '_', '0'];
// By position too: on an AZERTY keyboard Ctrl and the 0 key gives "à".
const ZOOM_CODES = ['Equal', 'Minus', 'Digit0', 'NumpadAdd', 'NumpadSubtract', 'Numpad0'];
const FUNCTION_KEY = /^F([1-9]|1\d|2[0-4])$/;
// The back, forward and home keys of some keyboards.
const BROWSER_KEYS = ['BrowserBack', 'BrowserForward', 'BrowserHome'];

// SECURITY: the list of what a patient alone in the cabin may not do with the keyboard. The first
// match names the shortcut; the function keys come last as the catch-all for F1 to F24.
export const KIOSK_BLOCKED_SHORTCUTS: readonly KioskShortcut[] = [
  {
    name: 'reload',
    reason:
      'reloading drops the session under way (the act being recorded, the call); the page reloads itself after its wipe',
    matches: (i) => (command(i) && letter(i) === 'r') || i.key === 'F5' || i.key === 'BrowserRefresh',
  },
  {
    name: 'developer tools',
    reason: 'a console runs any code in the page that holds the pharmacist session, and reads what it shows',
    matches: (i) => i.key === 'F12' || (command(i) && (i.shift || i.alt) && ['i', 'j', 'c'].includes(letter(i))),
  },
  { name: 'quit', reason: `quitting Relais: ${LEAVES}`, matches: commandWith(['q']) },
  {
    name: 'close window',
    reason: `closing the window: ${LEAVES}`,
    matches: (i) => commandWith(['w'])(i) || ((command(i) || i.alt) && i.key === 'F4'),
  },
  {
    name: 'zoom',
    reason: "a zoomed page pushes the steps and the pharmacist's exit off the cabin's screen",
    matches: (i) => command(i) && (ZOOM_KEYS.includes(i.key) || ZOOM_CODES.includes(i.code ?? '')),
  },
  {
    name: 'print',
    reason: "printing shows the patient's screen on paper, and the print dialog opens the file system",
    matches: commandWith(['p']),
  },
  {
    name: 'view source, save or open a file',
    reason: "their windows and file dialogs lead from the cabin's screen to the file system",
    matches: commandWith(['u', 's', 'o']),
  },
  { name: 'new window', reason: 'a second window would not be in kiosk mode', matches: commandWith(['n', 't']) },
  {
    name: 'history navigation',
    reason: "going back or forward would leave the cabin's screens for whatever the page showed before",
    matches: (i) => (i.alt && ['ArrowLeft', 'ArrowRight', 'Home'].includes(i.key)) || BROWSER_KEYS.includes(i.key),
  },
  {
    name: 'menu bar',
    reason: 'Alt shows the application menu bar when there is one (with RELAIS_DEV_TOOLS=1), with Reload and Quit',
    matches: (i) => i.key === 'Alt',
  },
  {
    name: 'function keys',
    reason:
      'F1 to F24 have no use in the cabin; Chromium and the desktop bind several (F11 full screen, F10 menu, F7 caret browsing)',
    matches: (i) => FUNCTION_KEY.test(i.key),
  },
];

/** The shortcut this key press is, if the cabin refuses it; null for anything else. */
export function blockedKioskShortcut(input: KeyInput): KioskShortcut | null {
  return KIOSK_BLOCKED_SHORTCUTS.find((shortcut) => shortcut.matches(input)) ?? null;
}
