// Tells a badge reader from a person at the keyboard. Cart badge readers (RFID/NFC) are USB
// keyboards: they "type" the badge's identifier and Enter within a few milliseconds a key; a
// person needs a hundred or more. The catcher decides, key by key, which keys to hold back from
// the page (so that a badge does not land in a field) and gives back anything that was a person.
import { BADGE_UID } from './identity';

export interface Keystroke {
  /** KeyboardEvent.key: the character as the keyboard layout gives it, or a key's name. */
  key: string;
  /** KeyboardEvent.code: the key's place on the keyboard ("Digit1", "KeyA"), whatever the layout. */
  code?: string;
  /** When it was pressed, in milliseconds (KeyboardEvent.timeStamp). */
  at: number;
  /** A key held down repeats: a person, never a reader. */
  repeat?: boolean;
  /** Ctrl or Meta held: a shortcut, never a reader. */
  shortcut?: boolean;
}

export const BADGE_TIMING = {
  // Readers send a key every 2 to 20 ms (a press and a release report at the USB polling rate).
  // Fifty leaves room for a busy machine; nobody types six keys in a row that fast.
  maxGapMs: 50,
  // One longer pause is forgiven (the USB bus or the system stalled), never two.
  maxStallMs: 200,
  minLength: 6,
  maxLength: 64,
} as const;

/** Keys a reader may press around characters (Shift for capitals, or digits on AZERTY) without typing. */
const MODIFIERS = new Set(['Shift', 'AltGraph', 'CapsLock', 'NumLock']);

const isChar = (key: string) => [...key].length === 1 && /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(key);

/**
 * The character a reader meant: digits and letters are read from the key's place, so that the
 * keyboard layout (a QWERTY-set reader types "&é\"" for "123" on AZERTY) and Caps Lock do not
 * change a badge's identifier; other keys as the layout gives them.
 */
export function readerChar(stroke: Keystroke): string {
  const place = /^(?:Digit|Numpad)(\d)$|^Key([A-Z])$/.exec(stroke.code ?? '');
  return place ? (place[1] ?? place[2]!) : stroke.key;
}

export type Reading = { kind: 'badge'; uid: string } | { kind: 'typed' };

/**
 * A finished run of keystrokes (modifiers included or not), ending with Enter: a badge's
 * identifier when every key came at reader speed, else typed by a person (or garbage).
 */
export function classifyKeystrokes(strokes: readonly Keystroke[]): Reading {
  const typed: Reading = { kind: 'typed' };
  const keys = strokes.filter((s) => !MODIFIERS.has(s.key));
  const enter = keys.at(-1);
  if (!enter || enter.key !== 'Enter' || enter.repeat || enter.shortcut) return typed;
  const chars = keys.slice(0, -1);
  if (chars.length < BADGE_TIMING.minLength || chars.length > BADGE_TIMING.maxLength) return typed;
  if (chars.some((s) => !isChar(s.key) || s.repeat || s.shortcut)) return typed;
  let stalls = 0;
  for (let i = 1; i < keys.length; i++) {
    const gap = keys[i]!.at - keys[i - 1]!.at;
    if (!Number.isFinite(gap) || gap < 0 || gap > BADGE_TIMING.maxStallMs) return typed;
    if (gap > BADGE_TIMING.maxGapMs) stalls++;
  }
  if (stalls > 1) return typed;
  const uid = chars.map(readerChar).join('');
  return BADGE_UID.test(uid) ? { kind: 'badge', uid } : typed;
}

/**
 * What to do with one key: `pass` lets it reach the page, after giving back `release` (keys held
 * earlier that turned out to be a person's); `hold` keeps it from the page for now; `badge` keeps
 * the Enter from the page: a badge was read, and `leaked` is the run's first key, which reached
 * the page before anything could tell (remove it from the field if it is there).
 */
export type CatchStep =
  { kind: 'pass'; release: string } | { kind: 'hold' } | { kind: 'badge'; uid: string; leaked: string };

/**
 * Key by key: the first key of a run always passes (nothing tells a reader yet); from the first
 * key at reader speed, keys are held; Enter ends the run: a badge, or the held keys given back.
 * A pause in the run (see `flush`), any other key, a repeat or a shortcut gives them back too.
 * Held keys are given back as their layout typed them (`key`); a badge is read with `readerChar`.
 */
export function createBadgeCatcher() {
  let run: Keystroke[] = [];
  let held = '';
  let stalls = 0;
  // A run longer than any badge (a stuck key, a barcode scanner's long code): let it all through.
  let overflowed = false;

  const reset = (start: Keystroke[] = []) => {
    const release = held;
    run = start;
    held = '';
    stalls = 0;
    overflowed = false;
    return release;
  };

  /** Whether `stroke` continues the current run; counts a forgiven stall. */
  function continues(stroke: Keystroke): boolean {
    const last = run.at(-1);
    if (!last) return false;
    const gap = stroke.at - last.at;
    if (!Number.isFinite(gap) || gap < 0) return false;
    if (gap <= BADGE_TIMING.maxGapMs) return true;
    // A stall is forgiven only once keys already came at reader speed.
    if (gap <= BADGE_TIMING.maxStallMs && (held !== '' || overflowed) && stalls === 0) {
      stalls++;
      return true;
    }
    return false;
  }

  return {
    feed(stroke: Keystroke): CatchStep {
      if (MODIFIERS.has(stroke.key)) return { kind: 'pass', release: '' };
      if (stroke.key === 'Enter' && !stroke.repeat && !stroke.shortcut) {
        if (continues(stroke) && !overflowed) {
          const reading = classifyKeystrokes([...run, stroke]);
          if (reading.kind === 'badge') {
            const leaked = run[0]!.key;
            reset();
            return { kind: 'badge', uid: reading.uid, leaked };
          }
        }
        return { kind: 'pass', release: reset() };
      }
      if (!isChar(stroke.key) || stroke.repeat || stroke.shortcut) return { kind: 'pass', release: reset() };
      if (!continues(stroke)) return { kind: 'pass', release: reset([stroke]) };
      run.push(stroke);
      if (overflowed) return { kind: 'pass', release: '' };
      if (run.length > BADGE_TIMING.maxLength) {
        const release = held;
        held = '';
        overflowed = true;
        return { kind: 'pass', release };
      }
      held += stroke.key;
      return { kind: 'hold' };
    },
    /**
     * The run paused without Enter (the page calls this once no key came for longer than a
     * reader's stall, by its own clock): the held keys are given back, and the run ends.
     */
    flush(): string {
      return held === '' ? '' : reset();
    },
  };
}
export type BadgeCatcher = ReturnType<typeof createBadgeCatcher>;
