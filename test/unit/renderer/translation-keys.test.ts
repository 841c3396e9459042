// Every text key the renderer asks for exists in French and in English, so that a screen never
// shows a raw key such as "acts.sendToPacs" (issue 18, point 19: it did, because the texts sit
// under calls.acts). Keys written whole are looked up as they are; keys built from a value
// (`acts.types.${type}`) must at least find the table they index. French and English hold the
// same keys.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/i18n/en';
import { fr } from '../../../src/renderer/i18n/fr';

function lookup(tree: unknown, dotted: string): unknown {
  return dotted
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      tree,
    );
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return full.endsWith(`${path.sep}i18n`) ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
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

const files = sources('src/renderer');
const code = files.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
// t('a.b'), t("a.b"), i18n.t('a.b'), and i18nKey="a.b" for <Trans>.
const WHOLE = /\bt\(\s*(['"])([A-Za-z0-9_.-]+)\1|i18nKey=(['"])([A-Za-z0-9_.-]+)\3/g;
const BUILT = /\bt\(\s*`([A-Za-z0-9_.]*)\$\{/g;

const whole = new Map<string, string>();
const built = new Map<string, string>();
for (const { file, text } of code) {
  for (const m of text.matchAll(WHOLE)) whole.set(m[2] ?? m[4]!, file);
  for (const m of text.matchAll(BUILT)) built.set(m[1]!, file);
}

/** A key that i18next resolves: the string itself, or its plural forms. */
function resolves(table: unknown, key: string): boolean {
  return typeof lookup(table, key) === 'string' || typeof lookup(table, `${key}_other`) === 'string';
}

describe('the renderer’s text keys', () => {
  it('finds the keys in the sources', () => {
    expect(whole.size).toBeGreaterThan(300);
    expect(built.size).toBeGreaterThan(20);
  });

  it.each([...whole.entries()].sort())('%s (%s) has a French and an English text', (key) => {
    expect(resolves(fr, key), `fr: ${key}`).toBe(true);
    expect(resolves(en, key), `en: ${key}`).toBe(true);
  });

  it.each([...built.entries()].sort())(
    'the keys built from %s (%s) find their table in French and English',
    (prefix) => {
      // `acts.types.${x}` indexes the table acts.types; `activity.coordinates.loaded_${x}` the table activity.coordinates.
      const table = prefix.endsWith('.') ? prefix.slice(0, -1) : prefix.slice(0, prefix.lastIndexOf('.'));
      expect(typeof lookup(fr, table), `fr: ${table}`).toBe('object');
      expect(typeof lookup(en, table), `en: ${table}`).toBe('object');
    },
  );

  it('French and English hold the same keys', () => {
    const french = new Set(leaves(fr));
    const english = new Set(leaves(en));
    expect(
      [...french].filter((k) => !english.has(k)),
      'in French only',
    ).toEqual([]);
    expect(
      [...english].filter((k) => !french.has(k)),
      'in English only',
    ).toEqual([]);
  });
});
