// The specialty table the coordinator codes offers with (resources/specialties/): its shape, and
// codes checked against the source the README names (the ANS's CodeSystem TRE-R38-SpecialiteOrdinale,
// version 20260928120000): each expected pair below is copied from that file.
import { describe, expect, it } from 'vitest';
import raw from '../../../../resources/specialties/tre-r38-specialties.json';
import { parseSpecialtyTable, TRE_R38_SYSTEM } from '../../../../src/shared/scheduling/specialties';
import { specialtyKey } from '../../../../src/shared/scheduling/specialty-key';

const table = parseSpecialtyTable(raw);
const byCode = new Map(table.specialties.map((s) => [s.code, s]));

describe('the specialty table (ANS TRE_R38)', () => {
  it('names the ANS code system and the version read', () => {
    expect(table.system).toBe(TRE_R38_SYSTEM);
    expect(table.oid).toBe('1.2.250.1.213.2.28');
    expect(table.version).toBe('20260928120000');
    expect(table.source.url).toContain('ansforge/IG-terminologie-de-sante');
  });

  it('holds at least the 30 specialties of a regional platform, each code once', () => {
    expect(table.specialties.length).toBeGreaterThanOrEqual(30);
    expect(new Set(table.specialties.map((s) => s.code)).size).toBe(table.specialties.length);
  });

  it.each([
    ['SM32', 'Neurologie (SM)'],
    ['SM15', 'Dermatologie et Vénéréologie (SM)'],
    ['SM04', 'Cardiologie et Maladies vasculaires (SM)'],
    ['SM18', 'Gériatrie (SM)'],
    ['SM54', 'Médecine générale (SM)'],
    ['SM42', 'Psychiatrie (SM)'],
    ['SM40', 'Pédiatrie (SM)'],
    ['SM59', "Médecine d'urgence (SM)"],
  ])('%s is "%s", as the ANS publishes it', (code, label) => {
    expect(byCode.get(code)?.label).toBe(label);
  });

  it('keeps every label as the ANS writes a medical specialty (SMxx, "(SM)")', () => {
    for (const s of table.specialties) {
      expect(s.code).toMatch(/^SM\d{2}$/);
      expect(s.label.endsWith(' (SM)')).toBe(true);
    }
  });

  it('gives short words an expert token matches (neurologie, dermatologie, gériatrie)', () => {
    const keys = new Set(table.specialties.map((s) => specialtyKey(s.short)));
    for (const words of ['neurologie', 'dermatologie', 'gériatrie', 'médecine générale', 'cardiologie'])
      expect(keys.has(specialtyKey(words))).toBe(true);
  });

  it('refuses a table with a code twice', () => {
    const twice = { ...raw, specialties: [...raw.specialties, raw.specialties[0]] };
    expect(() => parseSpecialtyTable(twice)).toThrow(/duplicate_code/);
  });
});
