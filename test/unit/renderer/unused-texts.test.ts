// Every text of the French reference table is used by the renderer: a text no screen asks for any more
// is a dead translation that still has to be written, reviewed and kept in two languages (issue 20
// left several behind when the session author began to fill every author field).
//
// How the renderer names a key, and so how a key counts as used:
// - written whole as a string ('acts.sign', or in a table such as header.tsx's LABEL) in a source file;
// - built in a template literal (`acts.types.${type}`, `consent.blocked.${scope}_missing_call`): each
//   `${…}` stands for a word some source of src/ writes as a string ('given', or a part of a dotted one
//   such as 'stroke.minor_unconfirmed') or a number, never a dot; so `acts.${c.decision}` covers acts.given
//   (a consent decision) but neither acts.types.video nor acts.requester, and one built key does not
//   excuse a whole table. Property names do not count as words: 'you' is a property of the hub's
//   messages, and would excuse stroke.you through `stroke.${source}`;
// - a field error (fieldErrors.<code>) is shown by `fieldErrors.${code}` with the code a station rule
//   returned: it is used when its code is written (or built) in any source of src/, main and shared included;
// - a plural form (x_one, x_other) is used when its key x is (i18next picks the form from { count }).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fr } from '../../../src/renderer/i18n/fr';

/** Tables indexed in ways the rules above cannot see (by the property names of a shared table), each with
 * the file that builds its keys. Keep it short. */
const BUILT_ELSEWHERE = [
  'calls.bodySiteGroups.', // ui/body-site-select.tsx: Object.keys(BODY_SITE_GROUPS)
  'form.oids.', // features/patients/identity-status-fields.tsx and ins-format.ts: the names of INS_OID
  'viewer.preset.', // ui/imaging/series-viewer.tsx: Object.keys(CT_PRESETS)
  'stroke.delays.', // features/stroke/stroke-timeline.tsx: Object.entries(timeline.delaysMinutes)
  'stroke.summary.delays.', // features/stroke/stroke-texts.ts: the delays' names of shared/stroke/summary.ts
  'stroke.typed.', // features/stroke/stroke-timeline.tsx: a TypedTimeProblem with '.' as '_'
  'stroke.scale.scores.motor_', // features/stroke/stroke-nihss.tsx: scaleKey() drops _left/_right
  'sync.fields.', // features/station/sync-screen.tsx: the FHIR fields the hub names in a refusal
];

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(`${path.sep}i18n`) ? [] : sources(full);
    // The texts tables hold the texts, not the keys asked for: a key does not count as used by its own table.
    return /\.tsx?$/.test(entry.name) && !/^texts-.*\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** The dotted keys of a table, leaves only. */
function leaves(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? leaves(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

// A string written whole: 'a.b', "a.b" or `a.b` (no placeholder).
const WHOLE = /(['"`])([A-Za-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)\1/g;
// A template literal with placeholders whose expressions hold no braces or backticks (all the key builders do).
const TEMPLATE = /`((?:[^`$\\]|\\.|\$(?!\{)|\$\{[^{}`]*\})*\$\{[^{}`]*\}(?:[^`$\\]|\\.|\$(?!\{)|\$\{[^{}`]*\})*)`/g;

// The words a placeholder may stand for: written as a string ('given', 'in_progress'), or as a part of a
// dotted string ('stroke.minor_unconfirmed').
const WORD = /(['"`])([A-Za-z0-9_.-]+)\1/g;

/** What a set of source files writes: whole dotted strings, and the key templates it builds (their fixed parts). */
function keysWritten(files: string[]): { whole: Set<string>; built: string[][] } {
  const whole = new Set<string>();
  const built: string[][] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(WHOLE)) whole.add(m[2]!);
    for (const m of text.matchAll(TEMPLATE)) {
      // A type (`imaging.${string}`) names message types, not text keys.
      if (/\$\{(string|number)\}/.test(m[1]!)) continue;
      const parts = m[1]!.split(/\$\{[^{}`]*\}/);
      // Only templates that start like a key ("acts.types." …), not messages or paths.
      if (/^[A-Za-z][A-Za-z0-9_]*\.[A-Za-z0-9_.-]*$/.test(parts[0]!)) built.push(parts);
    }
  }
  return { whole, built };
}

const words = new Set(
  sources('src').flatMap((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(WORD)].flatMap((m) => m[2]!.split('.'));
  }),
);
const isValue = (text: string) => words.has(text) || /^\d+$/.test(text);

/** Whether the key is the template's fixed parts with a written value in each gap (tried at every split). */
function builds(parts: string[], key: string): boolean {
  const [head, ...rest] = parts;
  if (!key.startsWith(head!)) return false;
  const tail = key.slice(head!.length);
  if (rest.length === 0) return tail === '';
  for (let end = 1; end <= tail.length; end++) {
    const value = tail.slice(0, end);
    if (value.includes('.')) break;
    if (isValue(value) && builds(rest, tail.slice(end))) return true;
  }
  return false;
}

const renderer = keysWritten(sources('src/renderer'));
const everywhere = keysWritten(sources('src'));
const writes = (written: { whole: Set<string>; built: string[][] }, key: string) =>
  written.whole.has(key) || written.built.some((parts) => builds(parts, key));

function used(leaf: string): boolean {
  const key = leaf.replace(/_(zero|one|two|few|many|other)$/, '');
  if (BUILT_ELSEWHERE.some((table) => key.startsWith(table)) || writes(renderer, key)) return true;
  return key.startsWith('fieldErrors.') && writes(everywhere, key.slice('fieldErrors.'.length));
}

describe('the French texts', () => {
  it('finds the keys the renderer writes and builds', () => {
    expect(renderer.whole.size).toBeGreaterThan(300);
    expect(renderer.built.length).toBeGreaterThan(40);
    expect(used('acts.types.video')).toBe(true); // built: `acts.types.${a.act}`
    expect(used('fieldErrors.ins.key_mismatch')).toBe(true); // a code of the patients' rules
    expect(used('acts.given')).toBe(true); // built: `acts.${c.decision}`, 'given' a consent decision
    expect(used('acts.noSuchKey')).toBe(false);
  });

  it('are each used by the renderer', () => {
    const dead = leaves(fr).filter((key) => !used(key));
    expect(dead, 'texts no source file under src/renderer asks for').toEqual([]);
  });
});
