// The stroke sheet: changes applied with who and when, the checklist read back, the decision
// refused over an unanswered or positive checklist, and the summary that goes into the report.
import { describe, expect, it } from 'vitest';
import { NIHSS_ITEMS } from '../../../src/shared/stroke/nihss';
import { strokeChangeRefusal } from '../../../src/shared/stroke/refusals';
import {
  applyStrokeChange,
  checklistState,
  CONTRAINDICATIONS,
  DECISIONS,
  drugOf,
  emptySheet,
  StrokeChangeSchema,
  StrokeSheetSchema,
  type StrokeChange,
  type StrokeSheet,
} from '../../../src/shared/stroke/sheet';
import { strokeSummary, type SummaryTexts } from '../../../src/shared/stroke/summary';

const ACT = '0d9f4c3e-8a57-4f5e-9d61-1c2b3a4d5e6f';
const change = (c: unknown): StrokeChange => StrokeChangeSchema.parse(c);
const apply = (changes: [unknown, string][], from: StrokeSheet = emptySheet(ACT)) =>
  changes.reduce(
    (sheet, [c, who], i) =>
      applyStrokeChange(sheet, change(c), who, `2026-11-23T10:${String(i).padStart(2, '0')}:00.000Z`),
    from,
  );
const answerAll = (answer: 'no' | 'yes' | 'unknown', except: string[] = []): [unknown, string][] =>
  CONTRAINDICATIONS.filter((c) => !except.includes(c)).map((item) => [
    { kind: 'contraindication', item, answer },
    'Dr Urgences',
  ]);

const texts: SummaryTexts = {
  title: 'AVC',
  milestone: (m) => m,
  unknownTime: (m, by) => `${m} unknown (${by})`,
  delay: (key, reference) => `${reference ?? ''}${key}`,
  nihss: (total, severity, missing, untestable) =>
    `NIHSS ${total ?? '?'} ${severity ?? ''} missing ${missing} UN ${untestable.map((u) => `${u.item}:${u.reason}${u.detail}`).join(',')}`,
  weight: (kg, source) => `weight ${kg} ${source}`,
  contraindication: (c) => c,
  contraindicationsLine: (yes, unknown, unanswered) =>
    `CI yes [${yes.join(',')}] unknown [${unknown.join(',')}] unanswered ${unanswered}`,
  decision: (d) => d,
  decidedBy: (by, at) => `by ${by} at ${at}`,
  override: (items, reason) => `override [${items.join(',')}]: ${reason}`,
  minorConfirmed: 'minor confirmed',
  alteplase: (d) => `drug alteplase ${d.totalMg} = ${d.bolusMg} + ${d.infusionMg}`,
  tenecteplase: (d) =>
    `drug tenecteplase ${d.bandMg} mg ${d.bandMl} mL (band ${d.band.fromKg}-${d.band.belowKg}; exact ${d.exactMg})`,
  drugWithoutWeight: (drug) => `drug ${drug}, no weight`,
  drugNotRecorded: 'drug not recorded',
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
      [{ kind: 'milestone_unknown', milestone: 'last_known_well' }, 'Dr Urgences'],
    ]);
    expect(sheet.version).toBe(5);
    expect(sheet.timeline.onset).toEqual({ at: '2026-11-23T08:40:00.000Z', by: 'Dr Urgences' });
    expect(sheet.timesUnknown.last_known_well).toEqual({ by: 'Dr Urgences', at: '2026-11-23T10:04:00.000Z' });
    expect(sheet.nihss['1a']).toBeUndefined(); // cleared
    expect(sheet.contraindications.anticoagulant).toEqual({
      value: 'unknown',
      by: 'Dr Urgences',
      at: '2026-11-23T10:03:00.000Z',
    });
    expect(checklistState(sheet)).toMatchObject({ yes: [], unknown: ['anticoagulant'] });
    expect(checklistState(sheet).unanswered).toHaveLength(11);
  });

  it('keeps a time and "unknown" exclusive: entering one clears the other', () => {
    let sheet = apply([[{ kind: 'milestone_unknown', milestone: 'onset' }, 'IDE Morvan']]);
    sheet = apply([[{ kind: 'milestone', milestone: 'onset', at: '2026-11-23T08:40:00.000Z' }, 'IDE Morvan']], sheet);
    expect([sheet.timesUnknown.onset, sheet.timeline.onset?.at]).toEqual([undefined, '2026-11-23T08:40:00.000Z']);
    sheet = apply([[{ kind: 'milestone_unknown', milestone: 'onset' }, 'IDE Morvan']], sheet);
    expect([sheet.timesUnknown.onset?.by, sheet.timeline.onset]).toEqual(['IDE Morvan', undefined]);
    // Only onset and last known well may be unknown: the others are tapped when they happen.
    expect(StrokeChangeSchema.safeParse({ kind: 'milestone_unknown', milestone: 'arrival' }).success).toBe(false);
  });

  it('reads a sheet recorded before issue 18 (no unknown times, no override)', () => {
    const old = {
      encounterId: ACT,
      version: 2,
      timeline: {},
      nihss: { '5a': { value: 'UN', by: 'Dr K', at: 'x' } },
      weight: { value: { kg: 80, source: 'measured' }, by: 'a', at: 'b' },
      contraindications: {},
      decision: { value: { decision: 'thrombolysis_and_thrombectomy', note: '' }, by: 'Dr K', at: 'c' },
    };
    expect(StrokeSheetSchema.parse(old)).toMatchObject({
      timesUnknown: {},
      weight: { value: { confirmedUnusual: false } },
      decision: { value: { override: null, minorConfirmed: false } },
    });
  });

  it('refuses changes no person could mean', () => {
    for (const bad of [
      { kind: 'nihss', item: '12', score: 1 },
      { kind: 'nihss', item: '1a', score: 5 },
      { kind: 'weight', kg: 900, source: 'measured' },
      { kind: 'milestone', milestone: 'onset', at: 'yesterday' },
      { kind: 'decision', decision: 'aspirin' },
      // Before issue 18 this decision did not say which drug: it is no longer recorded.
      { kind: 'decision', decision: 'thrombolysis_and_thrombectomy' },
      { kind: 'decision', decision: 'thrombolysis_tenecteplase', override: { items: ['anticoagulant'], reason: '' } },
      { kind: 'contraindication', item: 'anticoagulant', answer: 'maybe' },
    ]) {
      expect(StrokeChangeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

// The checklist follows the contra-indications of the labels (Actilyse and Metalyse SmPC, section
// 4.3) and the AHA/ASA 2019 guideline (section 3.5.1, table 8); whether to treat stays the
// physician's decision: the sheet only refuses to record it over questions left open or a
// contra-indication passed over in silence.
describe('no thrombolysis decision recorded over an unanswered or positive checklist', () => {
  const refusal = (sheet: StrokeSheet, c: unknown, ageYears = 70) =>
    strokeChangeRefusal(sheet, change(c), { ageYears });
  const tenecteplase = { kind: 'decision', decision: 'thrombolysis_tenecteplase' };

  it('needs every contra-indication answered, for each decision that gives a thrombolytic', () => {
    const open = apply(answerAll('no', ['anticoagulant']));
    for (const decision of DECISIONS.filter((d) => drugOf(d) !== null)) {
      expect(refusal(open, { kind: 'decision', decision }), decision).toEqual({
        code: 'stroke.checklist_unanswered',
        params: { count: 1 },
      });
    }
    expect(refusal(emptySheet(ACT), tenecteplase)).toEqual({
      code: 'stroke.checklist_unanswered',
      params: { count: 12 },
    });
    expect(refusal(apply(answerAll('no')), tenecteplase)).toBeNull();
  });

  it('leaves thrombectomy alone and no reperfusion alone free of the thrombolysis checklist', () => {
    expect(refusal(emptySheet(ACT), { kind: 'decision', decision: 'thrombectomy' })).toBeNull();
    expect(refusal(emptySheet(ACT), { kind: 'decision', decision: 'no_reperfusion' })).toBeNull();
  });

  it('needs an explicit override with its reason for each "Oui" and each "Inconnu"', () => {
    const positive = apply([
      ...answerAll('no', ['anticoagulant', 'blood_pressure_above_185_110']),
      [{ kind: 'contraindication', item: 'anticoagulant', answer: 'unknown' }, 'Dr U'],
      [{ kind: 'contraindication', item: 'blood_pressure_above_185_110', answer: 'yes' }, 'Dr U'],
    ]);
    expect(refusal(positive, tenecteplase)).toEqual({ code: 'stroke.override_required', params: { count: 2 } });
    // An override that does not name what the checklist now says (it changed meanwhile) is refused.
    expect(
      refusal(positive, { ...tenecteplase, override: { items: ['anticoagulant'], reason: 'INR 1,1 au lit' } }),
    ).toEqual({ code: 'stroke.override_stale' });
    const override = {
      items: ['blood_pressure_above_185_110', 'anticoagulant'],
      reason: 'PA 170/95 après nicardipine ; aucun anticoagulant selon la famille',
    };
    expect(refusal(positive, { ...tenecteplase, override })).toBeNull();
    const decided = applyStrokeChange(
      positive,
      change({ ...tenecteplase, override }),
      'Dr Kerleau',
      '2026-11-23T10:40:00.000Z',
    );
    expect(decided.decision).toEqual({
      value: {
        decision: 'thrombolysis_tenecteplase',
        note: '',
        override: { items: ['blood_pressure_above_185_110', 'anticoagulant'], reason: override.reason },
        minorConfirmed: false,
      },
      by: 'Dr Kerleau',
      at: '2026-11-23T10:40:00.000Z',
    });
  });

  it('asks a confirmation for a patient under 18 (Metalyse SmPC 4.2: not established below 18 years)', () => {
    const answered = apply(answerAll('no'));
    expect(refusal(answered, tenecteplase, 17)).toEqual({ code: 'stroke.minor_unconfirmed' });
    expect(refusal(answered, { ...tenecteplase, confirmMinor: true }, 17)).toBeNull();
    expect(refusal(answered, { kind: 'decision', decision: 'no_reperfusion' }, 17)).toBeNull();
  });

  it('asks a confirmation for a weight outside 30-200 kg', () => {
    expect(refusal(emptySheet(ACT), { kind: 'weight', kg: 25, source: 'estimated' })).toEqual({
      code: 'stroke.weight_unusual',
      params: { min: 30, max: 200 },
    });
    expect(refusal(emptySheet(ACT), { kind: 'weight', kg: 25, source: 'estimated', confirmUnusual: true })).toBeNull();
    expect(refusal(emptySheet(ACT), { kind: 'weight', kg: 80, source: 'estimated' })).toBeNull();
  });
});

describe('the summary names the drug given, with its dose (Actilyse and Metalyse SmPC, 4.2)', () => {
  const decided = (decision: string, kg = 75) =>
    apply([
      ...answerAll('no'),
      [{ kind: 'weight', kg, source: 'measured' }, 'IDE Morvan'],
      [{ kind: 'decision', decision }, 'Dr Kerleau'],
    ]);
  const summaryOf = (sheet: StrokeSheet) => strokeSummary(sheet, texts, new Date('2026-11-23T10:30:00Z'));

  it('never prints alteplase when tenecteplase was chosen, with or without thrombectomy', () => {
    for (const decision of ['thrombolysis_tenecteplase', 'tenecteplase_then_thrombectomy']) {
      const summary = summaryOf(decided(decision));
      expect(summary).toContain('drug tenecteplase 20 mg 4 mL (band 70-80; exact 18.75)');
      expect(summary, decision).not.toMatch(/alteplase/);
    }
  });

  it('prints alteplase with its bolus and infusion when alteplase was chosen', () => {
    for (const decision of ['thrombolysis_alteplase', 'alteplase_then_thrombectomy']) {
      const summary = summaryOf(decided(decision));
      expect(summary).toContain('drug alteplase 67.5 = 6.8 + 60.7');
      expect(summary, decision).not.toMatch(/tenecteplase/);
    }
  });

  it('names no drug for a sheet recorded before the drug was asked, and none without thrombolysis', () => {
    const old = StrokeSheetSchema.parse({
      ...decided('thrombectomy'),
      decision: {
        value: { decision: 'thrombolysis_and_thrombectomy', note: '' },
        by: 'Dr K',
        at: '2026-11-23T10:20:00.000Z',
      },
    });
    expect(summaryOf(old)).toContain('drug not recorded');
    expect(summaryOf(old)).not.toMatch(/alteplase|tenecteplase/);
    expect(summaryOf(decided('thrombectomy'))).not.toMatch(/drug/);
  });

  it('says the drug without a dose when no weight is recorded', () => {
    const sheet = apply([
      ...answerAll('no'),
      [{ kind: 'decision', decision: 'thrombolysis_tenecteplase' }, 'Dr Kerleau'],
    ]);
    expect(summaryOf(sheet)).toContain('drug tenecteplase, no weight');
  });

  it('sums up the case for the report: times with the reference, delays, NIHSS, checklist, override, decision and dose', () => {
    const scores: Record<string, number> = { '4': 2, '5a': 3, '6a': 2, '9': 1, '10': 1 };
    const nihss: [unknown, string][] = NIHSS_ITEMS.filter((i) => i.id !== '5b').map((item) => [
      { kind: 'nihss', item: item.id, score: scores[item.id] ?? 0 },
      'Dr Kerleau',
    ]);
    const sheet = apply([
      [{ kind: 'milestone', milestone: 'last_known_well', at: '2026-11-23T08:30:00.000Z' }, 'Dr Urgences'],
      [{ kind: 'milestone_unknown', milestone: 'onset' }, 'Dr Urgences'],
      [{ kind: 'milestone', milestone: 'arrival', at: '2026-11-23T09:25:00.000Z' }, 'IDE Morvan'],
      [{ kind: 'milestone', milestone: 'imaging', at: '2026-11-23T09:41:00.000Z' }, 'IDE Morvan'],
      [{ kind: 'milestone', milestone: 'needle', at: '2026-11-23T10:02:00.000Z' }, 'IDE Morvan'],
      ...nihss,
      [{ kind: 'nihss_untestable', item: '5b', reason: 'amputation' }, 'Dr Kerleau'],
      [{ kind: 'weight', kg: 80, source: 'estimated' }, 'IDE Morvan'],
      ...answerAll('no', ['blood_pressure_above_185_110']),
      [{ kind: 'contraindication', item: 'blood_pressure_above_185_110', answer: 'yes' }, 'Dr Urgences'],
      [
        {
          kind: 'decision',
          decision: 'thrombolysis_alteplase',
          note: 'TA 170/95',
          override: { items: ['blood_pressure_above_185_110'], reason: 'PA contrôlée à 170/95' },
        },
        'Dr Kerleau',
      ],
    ]);
    expect(summaryOf(sheet).split('\n')).toEqual([
      'AVC',
      '- onset unknown (Dr Urgences)',
      '- last_known_well : 08:30 (Dr Urgences)',
      '- arrival : 09:25 (IDE Morvan)',
      '- imaging : 09:41 (IDE Morvan)',
      '- needle : 10:02 (IDE Morvan)',
      '- last_known_wellreferenceToArrival : 55 min',
      '- last_known_welldoorToImaging : 16 min',
      '- last_known_welldoorToNeedle : 37 min',
      '- last_known_wellreferenceToNeedle : 1 h 32',
      'NIHSS 9 moderate missing 0 UN 5b:amputation',
      'weight 80 estimated',
      'CI yes [blood_pressure_above_185_110] unknown [] unanswered 0',
      expect.stringMatching(/^thrombolysis_alteplase — by Dr Kerleau at \d\d:\d\d : TA 170\/95$/),
      'override [blood_pressure_above_185_110]: PA contrôlée à 170/95',
      'drug alteplase 72 = 7.2 + 64.8', // 0.9 mg/kg x 80 kg, 10 % bolus
      'help only',
    ]);
  });
});

// NINDS NIH Stroke Scale (rev. 10/1/2003): "UN = Amputation or joint fusion" (items 5, 6, 7),
// "UN = Intubated or other physical barrier" (item 10); the examiner must "clearly write the
// explanation for this choice".
describe('NIHSS on the sheet (NINDS NIH Stroke Scale)', () => {
  it('records an untestable item with its reason, and a later score replaces it', () => {
    let sheet = apply([[{ kind: 'nihss_untestable', item: '5a', reason: 'amputation' }, 'Dr Kerleau']]);
    expect(sheet.nihss['5a']).toEqual({
      value: 'UN',
      untestable: { reason: 'amputation', detail: '' },
      by: 'Dr Kerleau',
      at: '2026-11-23T10:00:00.000Z',
    });
    sheet = applyStrokeChange(sheet, { kind: 'nihss', item: '5a', score: 2 }, 'Dr Kerleau', '2026-11-23T10:05:00.000Z');
    expect(sheet.nihss['5a']).toEqual({ value: 2, by: 'Dr Kerleau', at: '2026-11-23T10:05:00.000Z' });
  });

  it('refuses "untestable" without its reason, on an item the form never leaves untestable, or for a reason of another item', () => {
    for (const bad of [
      { kind: 'nihss_untestable', item: '5a' },
      { kind: 'nihss_untestable', item: '9', reason: 'other', detail: 'aphasie' },
      { kind: 'nihss', item: '5a', score: 'UN' },
    ]) {
      expect(StrokeChangeSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    const refusal = (c: unknown) => strokeChangeRefusal(emptySheet(ACT), change(c), { ageYears: 70 });
    expect(refusal({ kind: 'nihss_untestable', item: '10', reason: 'amputation' })).toEqual({
      code: 'stroke.untestable_reason',
    });
    expect(refusal({ kind: 'nihss_untestable', item: '10', reason: 'other' })).toEqual({
      code: 'stroke.untestable_detail',
    });
    expect(refusal({ kind: 'nihss_untestable', item: '10', reason: 'other', detail: 'trachéotomie' })).toBeNull();
    expect(refusal({ kind: 'nihss_untestable', item: '10', reason: 'intubation' })).toBeNull();
  });

  it('refuses a score above the item’s maximum (1b goes to 2, the limbs to 4)', () => {
    const refusal = (item: string, score: number) =>
      strokeChangeRefusal(emptySheet(ACT), change({ kind: 'nihss', item, score }), { ageYears: 70 });
    expect(refusal('1b', 3)).toEqual({ code: 'stroke.score_out_of_range', params: { max: 2 } });
    expect(refusal('5b', 4)).toBeNull();
  });
});
