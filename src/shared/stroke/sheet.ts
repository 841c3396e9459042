// The tele-stroke sheet of an act (fiche AVC): the timeline, the NIHSS item by item, the weight,
// the thrombolysis contra-indication checklist and the decision, each change with who and when.
// The requesting site's station keeps it (it owns the act); the neurologist's changes come over
// the call and are recorded in her name as the hub knows it. The checklist and doses are help
// for the physicians, never an order: the decision is theirs and is recorded as they state it.
// Pure: the change schema, applying a change, and the summary that goes into the report.
import { z } from 'zod';
import { alteplaseDose, tenecteplaseDose, WEIGHT_RANGE_KG } from './thrombolysis-dose';
import { NIHSS_ITEMS, nihssSeverity, scoreNihss, type NihssItemId, type NihssScores } from './nihss';
import { formatMinutes, MILESTONES, viewTimeline, type Timeline } from './timeline';

/**
 * The checklist, after the alteplase and tenecteplase labels and the stroke networks' protocols:
 * a "yes" to any is a contra-indication to weigh; "unknown" is said as such.
 */
export const CONTRAINDICATIONS = [
  'haemorrhage_on_imaging',
  'beyond_window',
  'intracranial_haemorrhage_history',
  'stroke_or_head_trauma_3_months',
  'major_surgery_or_trauma_14_days',
  'gi_or_urinary_bleeding_21_days',
  'arterial_puncture_7_days',
  'blood_pressure_above_185_110',
  'glucose_below_0_5_or_above_4_g_l',
  'platelets_below_100000',
  'anticoagulant',
  'active_bleeding',
] as const;
export type Contraindication = (typeof CONTRAINDICATIONS)[number];
export type Answer = 'yes' | 'no' | 'unknown';

export const DECISIONS = ['thrombolysis_alteplase', 'thrombolysis_tenecteplase', 'thrombectomy', 'thrombolysis_and_thrombectomy', 'no_reperfusion'] as const;
export type Decision = (typeof DECISIONS)[number];

const at = z.iso.datetime({ offset: true });
const nihssItemIds = NIHSS_ITEMS.map((i) => i.id) as [NihssItemId, ...NihssItemId[]];

export const StrokeChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('milestone'), milestone: z.enum(MILESTONES), at }),
  z.strictObject({ kind: z.literal('clear_milestone'), milestone: z.enum(MILESTONES) }),
  z.strictObject({ kind: z.literal('nihss'), item: z.enum(nihssItemIds), score: z.union([z.number().int().min(0).max(4), z.literal('UN')]).nullable() }),
  z.strictObject({ kind: z.literal('weight'), kg: z.number().min(WEIGHT_RANGE_KG.min).max(WEIGHT_RANGE_KG.max), source: z.enum(['measured', 'estimated']) }),
  z.strictObject({ kind: z.literal('contraindication'), item: z.enum(CONTRAINDICATIONS), answer: z.enum(['yes', 'no', 'unknown']) }),
  z.strictObject({ kind: z.literal('decision'), decision: z.enum(DECISIONS), note: z.string().trim().max(1000).default('') }),
]);
export type StrokeChange = z.output<typeof StrokeChangeSchema>;

const Signed = <T extends z.ZodType>(value: T) => z.object({ value, by: z.string(), at: z.string() });

export const StrokeSheetSchema = z.object({
  encounterId: z.uuid(),
  version: z.number().int().nonnegative(),
  timeline: z.partialRecord(z.enum(MILESTONES), z.object({ at: z.string(), by: z.string() })),
  nihss: z.partialRecord(z.enum(nihssItemIds), Signed(z.union([z.number().int(), z.literal('UN')]))),
  weight: Signed(z.object({ kg: z.number(), source: z.enum(['measured', 'estimated']) })).nullable(),
  contraindications: z.partialRecord(z.enum(CONTRAINDICATIONS), Signed(z.enum(['yes', 'no', 'unknown']))),
  decision: Signed(z.object({ decision: z.enum(DECISIONS), note: z.string() })).nullable(),
});
export type StrokeSheet = z.infer<typeof StrokeSheetSchema>;

export const emptySheet = (encounterId: string): StrokeSheet => ({ encounterId, version: 0, timeline: {}, nihss: {}, weight: null, contraindications: {}, decision: null });

/** The sheet after a change made by `who` at `now`. */
export function applyStrokeChange(sheet: StrokeSheet, change: StrokeChange, who: string, now: string): StrokeSheet {
  const next: StrokeSheet = { ...sheet, version: sheet.version + 1 };
  switch (change.kind) {
    case 'milestone':
      return { ...next, timeline: { ...sheet.timeline, [change.milestone]: { at: change.at, by: who } } };
    case 'clear_milestone': {
      const timeline = { ...sheet.timeline };
      delete timeline[change.milestone];
      return { ...next, timeline };
    }
    case 'nihss': {
      const nihss = { ...sheet.nihss };
      if (change.score === null) delete nihss[change.item];
      else nihss[change.item] = { value: change.score, by: who, at: now };
      return { ...next, nihss };
    }
    case 'weight':
      return { ...next, weight: { value: { kg: change.kg, source: change.source }, by: who, at: now } };
    case 'contraindication':
      return { ...next, contraindications: { ...sheet.contraindications, [change.item]: { value: change.answer, by: who, at: now } } };
    case 'decision':
      return { ...next, decision: { value: { decision: change.decision, note: change.note }, by: who, at: now } };
  }
}

export const nihssScoresOf = (sheet: StrokeSheet): NihssScores => Object.fromEntries(Object.entries(sheet.nihss).map(([item, s]) => [item, s.value])) as NihssScores;

/** What the checklist says, for the screen: contra-indications ticked, and questions left open. */
export function checklistState(sheet: StrokeSheet): { yes: Contraindication[]; unknown: Contraindication[]; unanswered: Contraindication[] } {
  const answer = (c: Contraindication) => sheet.contraindications[c]?.value;
  return {
    yes: CONTRAINDICATIONS.filter((c) => answer(c) === 'yes'),
    unknown: CONTRAINDICATIONS.filter((c) => answer(c) === 'unknown'),
    unanswered: CONTRAINDICATIONS.filter((c) => answer(c) === undefined),
  };
}

/** Texts the summary needs, in the reader's language (the renderer passes its translations). */
export interface SummaryTexts {
  title: string;
  milestone(m: (typeof MILESTONES)[number]): string;
  delays: { referenceToArrival: string; doorToImaging: string; doorToNeedle: string; doorToGroin: string; referenceToNeedle: string };
  nihss(total: number | null, severity: string | null, missing: number, untestable: string[]): string;
  weight(kg: number, source: 'measured' | 'estimated'): string;
  contraindication(c: Contraindication): string;
  contraindicationsLine(yes: string[], unknown: string[], unanswered: number): string;
  decision(d: Decision): string;
  decidedBy(by: string, at: string): string;
  dose(text: string): string;
  doseAlteplase(total: number, bolus: number, infusion: number): string;
  doseTenecteplase(mg: number, ml: number): string;
  time(iso: string): string;
  helpOnly: string;
}

/** The end-of-call summary that goes into the report, from the sheet as recorded. */
export function strokeSummary(sheet: StrokeSheet, texts: SummaryTexts, now: Date): string {
  const lines: string[] = [texts.title];
  const timeline = sheet.timeline as Timeline;
  for (const m of MILESTONES) {
    const entry = timeline[m];
    if (entry) lines.push(`- ${texts.milestone(m)} : ${texts.time(entry.at)} (${entry.by})`);
  }
  const view = viewTimeline(timeline, now);
  for (const [key, minutes] of Object.entries(view.delaysMinutes) as [keyof SummaryTexts['delays'], number | null][]) {
    if (minutes !== null) lines.push(`- ${texts.delays[key]} : ${formatMinutes(minutes)}`);
  }
  const nihss = scoreNihss(nihssScoresOf(sheet));
  const missing = nihss.problems.filter((p) => p.problem === 'missing').length;
  lines.push(texts.nihss(nihss.total, nihss.total === null ? null : nihssSeverity(nihss.total), missing, nihss.untestable));
  if (sheet.weight) lines.push(texts.weight(sheet.weight.value.kg, sheet.weight.value.source));
  const checklist = checklistState(sheet);
  lines.push(texts.contraindicationsLine(checklist.yes.map(texts.contraindication), checklist.unknown.map(texts.contraindication), checklist.unanswered.length));
  if (sheet.decision) {
    lines.push(`${texts.decision(sheet.decision.value.decision)} — ${texts.decidedBy(sheet.decision.by, texts.time(sheet.decision.at))}${sheet.decision.value.note ? ` : ${sheet.decision.value.note}` : ''}`);
    const d = sheet.decision.value.decision;
    if (sheet.weight && (d === 'thrombolysis_alteplase' || d === 'thrombolysis_and_thrombectomy')) {
      const dose = alteplaseDose({ weightKg: sheet.weight.value.kg, weightSource: sheet.weight.value.source });
      lines.push(texts.dose(texts.doseAlteplase(dose.totalMg, dose.bolusMg, dose.infusionMg)));
    }
    if (sheet.weight && d === 'thrombolysis_tenecteplase') {
      const dose = tenecteplaseDose({ weightKg: sheet.weight.value.kg, weightSource: sheet.weight.value.source });
      lines.push(texts.dose(texts.doseTenecteplase(dose.bolusMg, dose.bolusMl)));
    }
  }
  lines.push(texts.helpOnly);
  return lines.join('\n');
}
