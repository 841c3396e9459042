// The stroke sheet: changes applied with who and when, the checklist read back, and the summary
// that goes into the report (worked example: an 80 kg patient, NIHSS 9, alteplase).
import { describe, expect, it } from 'vitest';
import { applyStrokeChange, checklistState, emptySheet, StrokeChangeSchema, strokeSummary, type StrokeChange, type SummaryTexts } from '../../../src/shared/stroke/sheet';
import { NIHSS_ITEMS } from '../../../src/shared/stroke/nihss';

const ACT = '0d9f4c3e-8a57-4f5e-9d61-1c2b3a4d5e6f';
const apply = (changes: [StrokeChange, string][]) => changes.reduce((sheet, [change, who], i) => applyStrokeChange(sheet, change, who, `2026-11-23T10:${String(i).padStart(2, '0')}:00.000Z`), emptySheet(ACT));

const texts: SummaryTexts = {
  title: 'AVC',
  milestone: (m) => m,
  delays: { referenceToArrival: 'onset-door', doorToImaging: 'door-imaging', doorToNeedle: 'door-needle', doorToGroin: 'door-groin', referenceToNeedle: 'onset-needle' },
  nihss: (total, severity, missing, untestable) => `NIHSS ${total ?? '?'} ${severity ?? ''} missing ${missing} UN ${untestable.join(',')}`,
  weight: (kg, source) => `weight ${kg} ${source}`,
  contraindication: (c) => c,
  contraindicationsLine: (yes, unknown, unanswered) => `CI yes [${yes.join(',')}] unknown [${unknown.join(',')}] unanswered ${unanswered}`,
  decision: (d) => d,
  decidedBy: (by, at) => `by ${by} at ${at}`,
  dose: (t) => `dose ${t}`,
  doseAlteplase: (total, bolus, infusion) => `alteplase ${total} = ${bolus} + ${infusion}`,
  doseTenecteplase: (mg, ml) => `tenecteplase ${mg} mg ${ml} mL`,
  time: (iso) => iso.slice(11, 16),
  helpOnly: 'help only',
};

describe('stroke sheet', () => {
  it('records each change with who and when, and counts versions', () => {
    const sheet = apply([
      [{ kind: 'milestone', milestone: 'onset', at: '2026-11-23T08:40:00.000Z' }, 'Dr Urgences'],
      [{ kind: 'nihss', item: '1a', score: 1 }, 'Dr Kerleau'],
      [{ kind: 'nihss', item: '1a', score: null }, 'Dr Kerleau'],
      [{ kind: 'contraindication', item: 'anticoagulant', answer: 'unknown' }, 'Dr Urgences'],
    ]);
    expect(sheet.version).toBe(4);
    expect(sheet.timeline.onset).toEqual({ at: '2026-11-23T08:40:00.000Z', by: 'Dr Urgences' });
    expect(sheet.nihss['1a']).toBeUndefined(); // cleared
    expect(sheet.contraindications.anticoagulant).toEqual({ value: 'unknown', by: 'Dr Urgences', at: '2026-11-23T10:03:00.000Z' });
    expect(checklistState(sheet)).toMatchObject({ yes: [], unknown: ['anticoagulant'] });
    expect(checklistState(sheet).unanswered).toHaveLength(11);
  });

  it('refuses changes no person could mean', () => {
    for (const bad of [
      { kind: 'nihss', item: '12', score: 1 },
      { kind: 'nihss', item: '1a', score: 5 },
      { kind: 'weight', kg: 900, source: 'measured' },
      { kind: 'milestone', milestone: 'onset', at: 'yesterday' },
      { kind: 'decision', decision: 'aspirin' },
      { kind: 'contraindication', item: 'anticoagulant', answer: 'maybe' },
    ]) {
      expect(StrokeChangeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('sums up the case for the report: times, delays, NIHSS, checklist, decision and dose', () => {
    const nihss: [StrokeChange, string][] = NIHSS_ITEMS.map((item) => [{ kind: 'nihss', item: item.id, score: ({ '4': 2, '5a': 3, '6a': 2, '9': 1, '10': 1 } as Record<string, number>)[item.id] ?? 0 }, 'Dr Kerleau']);
    const sheet = apply([
      [{ kind: 'milestone', milestone: 'onset', at: '2026-11-23T08:40:00.000Z' }, 'Dr Urgences'],
      [{ kind: 'milestone', milestone: 'arrival', at: '2026-11-23T09:25:00.000Z' }, 'IDE Morvan'],
      [{ kind: 'milestone', milestone: 'imaging', at: '2026-11-23T09:41:00.000Z' }, 'IDE Morvan'],
      [{ kind: 'milestone', milestone: 'needle', at: '2026-11-23T10:02:00.000Z' }, 'IDE Morvan'],
      ...nihss,
      [{ kind: 'weight', kg: 80, source: 'estimated' }, 'IDE Morvan'],
      [{ kind: 'contraindication', item: 'blood_pressure_above_185_110', answer: 'no' }, 'Dr Urgences'],
      [StrokeChangeSchema.parse({ kind: 'decision', decision: 'thrombolysis_alteplase', note: 'TA 170/95' }), 'Dr Kerleau'],
    ]);
    const summary = strokeSummary(sheet, texts, new Date('2026-11-23T10:30:00Z'));
    expect(summary.split('\n')).toEqual([
      'AVC',
      '- onset : 08:40 (Dr Urgences)',
      '- arrival : 09:25 (IDE Morvan)',
      '- imaging : 09:41 (IDE Morvan)',
      '- needle : 10:02 (IDE Morvan)',
      '- onset-door : 45 min',
      '- door-imaging : 16 min',
      '- door-needle : 37 min',
      '- onset-needle : 1 h 22',
      'NIHSS 9 moderate missing 0 UN ',
      'weight 80 estimated',
      'CI yes [] unknown [] unanswered 11',
      expect.stringMatching(/^thrombolysis_alteplase — by Dr Kerleau at \d\d:\d\d : TA 170\/95$/),
      'dose alteplase 72 = 7.2 + 64.8', // 0.9 mg/kg x 80 kg, 10 % bolus
      'help only',
    ]);
  });
});
