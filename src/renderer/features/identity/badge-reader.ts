// Listens for a badge reader (a USB keyboard typing the badge's identifier and Enter): keys at
// reader speed are held from the page, a badge is handed to `onBadge` and kept out of the fields
// (its Enter submits nothing), and a person's keys are given back in order. A field or area with
// data-badge-reader="off" is left alone (a barcode scanner's field, say).
import { useEffect } from 'react';
import { BADGE_TIMING, createBadgeCatcher } from '../../../shared/identity/badge-keystrokes';

type TextField = HTMLInputElement | HTMLTextAreaElement;

function focusedTextField(): TextField | null {
  const el = document.activeElement;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || el.readOnly || el.disabled) return null;
  // Some input types (number, email) have no caret position: nothing is given back or removed there.
  try {
    return el.selectionStart === null ? null : el;
  } catch {
    return null;
  }
}

/** Keys held back that were a person's: typed into the field now, before the key that ended the run. */
function giveBack(text: string): void {
  if (text && focusedTextField()) document.execCommand('insertText', false, text);
}

/** The badge's first key reached the page before anything could tell: removed if it sits before the caret. */
function removeLeaked(leaked: string): void {
  const field = focusedTextField();
  if (!field || field.selectionStart !== field.selectionEnd) return;
  const caret = field.selectionStart ?? 0;
  if (field.value.slice(0, caret).endsWith(leaked))
    for (let i = 0; i < leaked.length; i++) document.execCommand('delete');
}

export function useBadgeReader(enabled: boolean, onBadge: (uid: string) => void): void {
  useEffect(() => {
    if (!enabled) return;
    const catcher = createBadgeCatcher();
    let pause: ReturnType<typeof setTimeout> | undefined;
    const down = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const focused = document.activeElement;
      if (focused instanceof HTMLElement && focused.closest('[data-badge-reader="off"]')) return;
      const step = catcher.feed({
        key: event.key,
        code: event.code,
        at: event.timeStamp,
        repeat: event.repeat,
        shortcut: (event.ctrlKey || event.metaKey) && !event.getModifierState('AltGraph'),
      });
      if (step.kind === 'pass') return giveBack(step.release);
      event.preventDefault();
      event.stopPropagation();
      clearTimeout(pause);
      if (step.kind === 'hold') {
        // By the page's clock, not the keys' time stamps: keys waiting behind a busy page are
        // handled before the timer, and are never taken for a pause.
        pause = setTimeout(() => giveBack(catcher.flush()), BADGE_TIMING.maxStallMs + 50);
        return;
      }
      removeLeaked(step.leaked);
      onBadge(step.uid);
    };
    // Capture, on the window: before any field or shortcut sees the key.
    window.addEventListener('keydown', down, true);
    return () => {
      window.removeEventListener('keydown', down, true);
      clearTimeout(pause);
    };
  }, [enabled, onBadge]);
}
