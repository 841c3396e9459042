// A greyed control always says why (issue 20, point 3): every element of the renderer written with
// a `disabled` attribute (button, input, select, textarea, fieldset) names, in aria-describedby,
// a visible text that gives the reason. ui/disabled-reason.tsx (ReasonedButton, useDisabledReason)
// is the way to do it; this test reads the sources with TypeScript's own parser and lists each
// control that does not.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const RENDERER = path.resolve('src/renderer');
/** <option disabled> is a list's placeholder, not a control a person is stopped by. */
const CONTROLS = new Set(['button', 'input', 'select', 'textarea', 'fieldset']);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** "file:line <tag>" of each control with `disabled` and no aria-describedby. */
export function controlsWithoutReason(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) {
      const tag = node.tagName.getText(source);
      const names = node.attributes.properties.filter(ts.isJsxAttribute).map((a) => a.name.getText(source));
      if (CONTROLS.has(tag) && names.includes('disabled') && !names.includes('aria-describedby')) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${path.relative(RENDERER, file)}:${line + 1} <${tag}>`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('disabled controls say why', () => {
  it('finds a control greyed without a reason, and accepts one that names its reason', () => {
    expect(controlsWithoutReason('x.tsx', 'const a = <button disabled={busy}>Go</button>;')).toEqual([
      '../../x.tsx:1 <button>',
    ]);
    expect(
      controlsWithoutReason('x.tsx', 'const a = <button disabled={busy} aria-describedby={id}>Go</button>;'),
    ).toEqual([]);
    expect(controlsWithoutReason('x.tsx', 'const a = <ReasonedButton reason={r}>Go</ReasonedButton>;')).toEqual([]);
    expect(controlsWithoutReason('x.tsx', 'const a = <option disabled value="">Choisir</option>;')).toEqual([]);
  });

  it('every disabled control of the renderer names its visible reason', () => {
    const missing = sources(RENDERER).flatMap((file) => controlsWithoutReason(file, fs.readFileSync(file, 'utf8')));
    expect(missing).toEqual([]);
  });
});
