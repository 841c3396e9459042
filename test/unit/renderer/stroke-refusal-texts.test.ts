// Every refusal of the stroke sheet's rules (src/shared/stroke/refusals.ts) reads in French and
// in English: the screens show them from stroke.refusals (stroke-format.ts), not as codes.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/i18n/en';
import { fr } from '../../../src/renderer/i18n/fr';

const codes = [
  ...new Set(
    [...fs.readFileSync('src/shared/stroke/refusals.ts', 'utf8').matchAll(/'stroke\.([a-z_]+)'/g)].map((m) => m[1]!),
  ),
];

describe('stroke sheet refusals', () => {
  it('finds the codes in the rules', () =>
    expect(codes).toEqual(expect.arrayContaining(['checklist_unanswered', 'override_required', 'minor_unconfirmed'])));

  it.each(codes)('stroke.%s has a French and an English text', (code) => {
    expect(typeof (fr.stroke.refusals as Record<string, unknown>)[code]).toBe('string');
    expect(typeof (en.stroke.refusals as Record<string, unknown>)[code]).toBe('string');
  });
});
