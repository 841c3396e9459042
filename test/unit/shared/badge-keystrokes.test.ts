// A badge reader told from a person by the timing of their keys (traces in
// test/fixtures/keystrokes/traces.json), and the catcher that keeps a badge out of the page's
// fields while giving a person's keys back, in order, whatever their pace.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BADGE_TIMING,
  classifyKeystrokes,
  createBadgeCatcher,
  type Keystroke,
} from '../../../src/shared/identity/badge-keystrokes';

const traces = JSON.parse(fs.readFileSync(path.resolve('test/fixtures/keystrokes/traces.json'), 'utf8')) as Record<
  string,
  Keystroke[]
>;
const trace = (name: string) => {
  const found = traces[name];
  if (!Array.isArray(found)) throw new Error(`no trace ${name}`);
  return found;
};

/** A text field as the page would see it: keys let through land in it, given-back text first. */
function typeIntoField(strokes: Keystroke[], pauseAfter = true) {
  const catcher = createBadgeCatcher();
  let field = '';
  let submitted = 0;
  let held = 0;
  const badges: string[] = [];
  for (const stroke of strokes) {
    const step = catcher.feed(stroke);
    if (step.kind === 'hold') held++;
    if (step.kind === 'badge') {
      badges.push(step.uid);
      if (field.endsWith(step.leaked)) field = field.slice(0, field.length - step.leaked.length);
    }
    if (step.kind === 'pass') {
      field += step.release;
      if (stroke.key === 'Enter') submitted++;
      else if ([...stroke.key].length === 1) field += stroke.key;
    }
  }
  if (pauseAfter) field += catcher.flush();
  return { field, submitted, badges, held };
}

describe('badge keystroke classifier', () => {
  it('reads a QWERTY reader’s hex identifier, Shift presses and all', () => {
    expect(classifyKeystrokes(trace('reader-hex-qwerty'))).toEqual({ kind: 'badge', uid: '04A3B2C1D9' });
  });

  it('reads the same identifier whatever the layout or Caps Lock: by the keys’ places', () => {
    // A QWERTY-set reader on a French AZERTY keyboard: the page gets "à'&é…", the badge is 0412345678.
    expect(classifyKeystrokes(trace('reader-decimal-on-azerty'))).toEqual({ kind: 'badge', uid: '0412345678' });
    expect(classifyKeystrokes(trace('reader-hex-caps-lock'))).toEqual({ kind: 'badge', uid: '04A3B2C1D9' });
    // Keys with no place given (another source of events): as the layout typed them.
    const noPlace = trace('reader-decimal-on-azerty').map(({ code: _code, ...rest }) => rest);
    expect(classifyKeystrokes(noPlace)).toEqual({ kind: 'badge', uid: "à'&é\"'(-è_" });
  });

  it('reads Playwright’s typing as Chromium stamped it on an idle machine, not on a busy one', () => {
    expect(classifyKeystrokes(trace('chromium-playwright-reader'))).toEqual({ kind: 'badge', uid: '04A3B2C1D9' });
    expect(classifyKeystrokes(trace('chromium-playwright-reader-busy-machine'))).toEqual({ kind: 'typed' });
  });

  it('forgives one stall of the reader, not two', () => {
    expect(classifyKeystrokes(trace('reader-with-one-stall'))).toEqual({ kind: 'badge', uid: '7F3E9A21' });
    expect(classifyKeystrokes(trace('reader-with-two-stalls'))).toEqual({ kind: 'typed' });
  });

  it('takes a person’s PIN, a fast typist and a held key for typing', () => {
    for (const name of ['person-pin', 'person-fast-typist', 'person-held-key'])
      expect(classifyKeystrokes(trace(name)), name).toEqual({ kind: 'typed' });
  });

  it('wants six characters at least, and Enter at the end', () => {
    expect(classifyKeystrokes(trace('fast-but-short'))).toEqual({ kind: 'typed' });
    expect(classifyKeystrokes(trace('reader-hex-qwerty').slice(0, -1))).toEqual({ kind: 'typed' });
  });

  it('expects garbage: no keys, time going backwards, control keys, a shortcut, too many characters', () => {
    const reader = trace('chromium-playwright-reader');
    expect(classifyKeystrokes([])).toEqual({ kind: 'typed' });
    expect(classifyKeystrokes([{ key: 'Enter', at: 1 }])).toEqual({ kind: 'typed' });
    expect(classifyKeystrokes(reader.map((s, i) => (i === 4 ? { ...s, at: 0 } : s)))).toEqual({ kind: 'typed' });
    expect(classifyKeystrokes(reader.map((s, i) => (i === 4 ? { ...s, key: 'Tab' } : s)))).toEqual({ kind: 'typed' });
    expect(classifyKeystrokes(reader.map((s, i) => (i === 4 ? { ...s, key: ' ' } : s)))).toEqual({ kind: 'typed' });
    expect(classifyKeystrokes(reader.map((s, i) => (i === 4 ? { ...s, shortcut: true } : s)))).toEqual({
      kind: 'typed',
    });
    expect(classifyKeystrokes(reader.map((s, i) => (i === 4 ? { ...s, at: Number.NaN } : s)))).toEqual({
      kind: 'typed',
    });
    const long: Keystroke[] = Array.from({ length: BADGE_TIMING.maxLength + 1 }, (_, i) => ({ key: 'A', at: i * 5 }));
    expect(classifyKeystrokes([...long, { key: 'Enter', at: long.length * 5 }])).toEqual({ kind: 'typed' });
    expect(classifyKeystrokes([...long.slice(1), { key: 'Enter', at: long.length * 5 }])).toEqual({
      kind: 'badge',
      uid: 'A'.repeat(BADGE_TIMING.maxLength),
    });
  });
});

describe('badge catcher', () => {
  it('keeps a badge out of the field and its Enter from submitting the form', () => {
    for (const name of [
      'reader-hex-qwerty',
      'reader-hex-caps-lock',
      'reader-decimal-on-azerty',
      'chromium-playwright-reader',
      'reader-with-one-stall',
    ]) {
      const typed = typeIntoField(trace(name));
      expect(typed, name).toMatchObject({ field: '', submitted: 0 });
      expect(typed.badges, name).toHaveLength(1);
    }
  });

  it('gives a badge’s identifier whole, the first key that reached the page included, and removes that key as the page got it', () => {
    expect(typeIntoField(trace('reader-hex-qwerty')).badges).toEqual(['04A3B2C1D9']);
    const azerty = typeIntoField(trace('reader-decimal-on-azerty'));
    expect(azerty).toMatchObject({ field: '', badges: ['0412345678'] });
  });

  it('lets a person’s PIN through untouched, key by key', () => {
    expect(typeIntoField(trace('person-pin'))).toEqual({ field: '2468', submitted: 1, badges: [], held: 0 });
  });

  it('gives a fast typist’s rolled-over keys back, in order, before the next key', () => {
    const typed = typeIntoField(trace('person-fast-typist'), false);
    expect(typed.held).toBeGreaterThan(0);
    expect(typed).toMatchObject({ field: 'bonjour', submitted: 1, badges: [] });
  });

  it('gives held keys back when the run pauses without Enter', () => {
    const reader = trace('chromium-playwright-reader').slice(0, 5);
    const catcher = createBadgeCatcher();
    const steps = reader.map((s) => catcher.feed(s));
    expect(steps.map((s) => s.kind)).toEqual(['pass', 'hold', 'hold', 'hold', 'hold']);
    expect(catcher.flush()).toBe('4A3B');
    expect(catcher.flush()).toBe('');
    // The run ended with the pause: what comes next starts afresh, its first key let through.
    expect(catcher.feed({ key: 'C', at: reader.at(-1)!.at + 9 })).toEqual({ kind: 'pass', release: '' });
  });

  it('gives held keys back on a short run, a held key, or another key', () => {
    expect(typeIntoField(trace('fast-but-short'), false)).toMatchObject({ field: '1234', submitted: 1, badges: [] });
    expect(typeIntoField(trace('person-held-key'), false)).toMatchObject({
      field: '0'.repeat(10),
      submitted: 1,
      badges: [],
    });
    const withBackspace = trace('chromium-playwright-reader').map((s, i) => (i === 3 ? { ...s, key: 'Backspace' } : s));
    const catcher = createBadgeCatcher();
    const steps = withBackspace.map((s) => catcher.feed(s));
    expect(steps[3]).toEqual({ kind: 'pass', release: '4A' });
    // What follows the other key is a run of its own, judged afresh (here six keys at reader speed).
    expect(steps.filter((s) => s.kind === 'badge')).toEqual([{ kind: 'badge', uid: 'B2C1D9', leaked: 'B' }]);
  });

  it('lets a run longer than any badge through whole (a barcode, a stuck key)', () => {
    const long: Keystroke[] = Array.from({ length: 100 }, (_, i) => ({ key: String(i % 10), at: i * 5 }));
    const typed = typeIntoField([...long, { key: 'Enter', at: 500 }], false);
    expect(typed).toMatchObject({ field: long.map((s) => s.key).join(''), submitted: 1, badges: [] });
  });

  it('reads a second badge after the first', () => {
    const first = trace('chromium-playwright-reader');
    const second = trace('reader-decimal-on-azerty').map((s) => ({ ...s, at: s.at + 10_000 }));
    expect(typeIntoField([...first, ...second]).badges).toEqual(['04A3B2C1D9', '0412345678']);
  });
});
