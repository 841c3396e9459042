// The shortcuts refused in the cabin's kiosk mode, each named with its reason; typing (letters,
// digits, accents, punctuation, editing keys, copy and paste) always reaches the page.
import { describe, expect, it, vi } from 'vitest';
import {
  blockedKioskShortcut,
  KIOSK_BLOCKED_SHORTCUTS,
  type KeyInput,
} from '../../../src/main/electron/kiosk-shortcuts';

vi.mock('electron', () => {
  throw new Error('kiosk-shortcuts must not import electron at run time');
});

const key = (input: Partial<KeyInput> & { key: string }): KeyInput => ({
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...input,
});
const nameOf = (input: Partial<KeyInput> & { key: string }) => blockedKioskShortcut(key(input))?.name ?? null;

describe('kiosk shortcuts', () => {
  it.each([
    ['reload', { key: 'r', control: true }],
    ['reload', { key: 'R', control: true, shift: true }],
    ['reload', { key: 'F5' }],
    ['reload', { key: 'F5', control: true }],
    ['reload', { key: 'r', meta: true }],
    ['reload', { key: 'BrowserRefresh' }],
    ['developer tools', { key: 'I', control: true, shift: true }],
    ['developer tools', { key: 'J', control: true, shift: true }],
    ['developer tools', { key: 'C', control: true, shift: true }],
    ['developer tools', { key: 'i', meta: true, alt: true }],
    ['developer tools', { key: 'F12' }],
    ['quit', { key: 'q', control: true }],
    ['quit', { key: 'Q', control: true, shift: true }],
    ['quit', { key: 'q', meta: true }],
    ['close window', { key: 'w', control: true }],
    ['close window', { key: 'F4', control: true }],
    ['close window', { key: 'F4', alt: true }],
    ['zoom', { key: '+', control: true, shift: true }],
    ['zoom', { key: '=', control: true }],
    ['zoom', { key: '-', control: true }],
    ['zoom', { key: '0', control: true }],
    ['zoom', { key: '+', control: true, code: 'NumpadAdd' }],
    ['zoom', { key: 'à', control: true, code: 'Digit0' }],
    ['print', { key: 'p', control: true }],
    ['view source, save or open a file', { key: 'u', control: true }],
    ['view source, save or open a file', { key: 's', control: true }],
    ['view source, save or open a file', { key: 'o', control: true }],
    ['new window', { key: 'n', control: true }],
    ['new window', { key: 't', control: true }],
    ['history navigation', { key: 'ArrowLeft', alt: true }],
    ['history navigation', { key: 'ArrowRight', alt: true }],
    ['history navigation', { key: 'BrowserBack' }],
    ['menu bar', { key: 'Alt', alt: true }],
    ['function keys', { key: 'F11' }],
    ['function keys', { key: 'F1' }],
    ['function keys', { key: 'F7' }],
    ['function keys', { key: 'F10' }],
    ['function keys', { key: 'F24' }],
  ] as const)('refuses %s: %j', (name, input) => {
    expect(nameOf(input)).toBe(name);
  });

  it.each([
    { key: 'a' },
    { key: 'Q' },
    { key: 'R', shift: true },
    { key: 'é' },
    { key: '4' },
    { key: '0' },
    { key: '/' },
    { key: ',' },
    { key: '-' },
    { key: '@', control: true, alt: true },
    { key: 'AltGraph' },
    { key: 'Backspace' },
    { key: 'Delete' },
    { key: 'Enter' },
    { key: 'Tab' },
    { key: 'Escape' },
    { key: 'ArrowLeft' },
    { key: 'ArrowLeft', control: true },
    { key: 'a', control: true },
    { key: 'c', control: true },
    { key: 'v', control: true },
    { key: 'x', control: true },
    { key: 'z', control: true },
  ])('lets %j through', (input) => {
    expect(nameOf(input)).toBeNull();
  });

  it('gives every refused shortcut a reason', () => {
    expect(KIOSK_BLOCKED_SHORTCUTS.length).toBeGreaterThanOrEqual(10);
    for (const shortcut of KIOSK_BLOCKED_SHORTCUTS) expect(shortcut.reason.length, shortcut.name).toBeGreaterThan(30);
  });
});
