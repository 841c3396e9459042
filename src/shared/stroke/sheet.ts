// The tele-stroke sheet of an act (fiche AVC): the timeline, the NIHSS item by item, the weight,
// the thrombolysis contra-indication checklist and the decision, each change with who and when.
// The requesting site's station keeps it (it owns the act); the neurologist's changes come over
// the call and are recorded in her name as the hub knows it. The checklist and doses are help
// for the physicians, never an order: the decision is theirs and is recorded as they state it,
// once the checklist is answered (refusals.ts). Pure: the schemas and applying a change.
import { z } from 'zod';
import { NIHSS_ITEMS, UNTESTABLE_ITEMS, UNTESTABLE_REASONS, type NihssItemId, type NihssScores } from './nihss';
import { WEIGHT_RANGE_KG } from './thrombolysis-dose';
import { MILESTONES } from './timeline';
import { TIMES_THAT_MAY_BE_UNKNOWN } from './windows';

/**
 * The checklist, after the contra-indications of the alteplase and tenecteplase labels (SmPC
 * 4.3) and the AHA/ASA 2019 guideline (3.5.1): a "yes" to any is a contra-indication to weigh;
 * "unknown" is said as such, and both need the physician's explicit override to thrombolyse.
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

/** The decisions a physician records; each thrombolysis names its drug. */
export const DECISIONS = [
  'thrombolysis_alteplase',
  'thrombolysis_tenecteplase',
  'alteplase_then_thrombectomy',
  'tenecteplase_then_thrombectomy',
  'thrombectomy',
  'no_reperfusion',
] as const;
export type Decision = (typeof DECISIONS)[number];
/** Sheets recorded before issue 18 may hold "thrombolysis then thrombectomy" without its drug. */
export const RECORDED_DECISIONS = [...DECISIONS, 'thrombolysis_and_thrombectomy'] as const;
export type RecordedDecision = (typeof RECORDED_DECISIONS)[number];

export type Drug = 'alteplase' | 'tenecteplase';
/** The thrombolytic a decision gives: null when none, 'unspecified' for a sheet recorded without it. */
export function drugOf(decision: RecordedDecision): Drug | 'unspecified' | null {
  if (decision === 'thrombolysis_alteplase' || decision === 'alteplase_then_thrombectomy') return 'alteplase';
  if (decision === 'thrombolysis_tenecteplase' || decision === 'tenecteplase_then_thrombectomy') return 'tenecteplase';
  return decision === 'thrombolysis_and_thrombectomy' ? 'unspecified' : null;
}

const at = z.iso.datetime({ offset: true });
const nihssItemIds = NIHSS_ITEMS.map((i) => i.id) as [NihssItemId, ...NihssItemId[]];
const untestableItemIds = UNTESTABLE_ITEMS as unknown as [NihssItemId, ...NihssItemId[]];
const untestableReasons = [...new Set(Object.values(UNTESTABLE_REASONS).flat())] as [string, ...string[]];
const OverrideSchema = z.strictObject({
  items: z.array(z.enum(CONTRAINDICATIONS)).min(1).max(CONTRAINDICATIONS.length),
  reason: z.string().trim().min(1).max(1000),
});

export const StrokeChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('milestone'), milestone: z.enum(MILESTONES), at }),
  z.strictObject({ kind: z.literal('clear_milestone'), milestone: z.enum(MILESTONES) }),
  /** Onset or last known well said unknown: a wake-up stroke, nobody saw the patient. */
  z.strictObject({ kind: z.literal('milestone_unknown'), milestone: z.enum(TIMES_THAT_MAY_BE_UNKNOWN) }),
  /** A score (0 up to the item's maximum, checked in refusals.ts), or null to clear it. */
  z.strictObject({
    kind: z.literal('nihss'),
    item: z.enum(nihssItemIds),
    score: z.number().int().min(0).max(4).nullable(),
  }),
  z.strictObject({
    kind: z.literal('nihss_untestable'),
    item: z.enum(untestableItemIds),
    reason: z.enum(untestableReasons),
    detail: z.string().trim().max(200).default(''),
  }),
  z.strictObject({
    kind: z.literal('weight'),
    kg: z.number().min(WEIGHT_RANGE_KG.min).max(WEIGHT_RANGE_KG.max),
    source: z.enum(['measured', 'estimated']),
    confirmUnusual: z.boolean().default(false),
  }),
  z.strictObject({
    kind: z.literal('contraindication'),
    item: z.enum(CONTRAINDICATIONS),
    answer: z.enum(['yes', 'no', 'unknown']),
  }),
  z.strictObject({
    kind: z.literal('decision'),
    decision: z.enum(DECISIONS),
    note: z.string().trim().max(1000).default(''),
    /** The contra-indications answered "yes" or "unknown" the physician passes over, and why. */
    override: OverrideSchema.nullable().default(null),
    confirmMinor: z.boolean().default(false),
  }),
]);
export type StrokeChange = z.output<typeof StrokeChangeSchema>;
/** A change as a screen sends it (defaults not filled yet). */
export type StrokeChangeInput = z.input<typeof StrokeChangeSchema>;

const Signed = <T extends z.ZodType>(value: T) => z.object({ value, by: z.string(), at: z.string() });
const NihssEntrySchema = Signed(z.union([z.number().int(), z.literal('UN')])).extend({
  untestable: z.object({ reason: z.string(), detail: z.string() }).optional(),
});

// Fields added by issue 18 have defaults, so that sheets recorded before still read.
export const StrokeSheetSchema = z.object({
  encounterId: z.uuid(),
  version: z.number().int().nonnegative(),
  timeline: z.partialRecord(z.enum(MILESTONES), z.object({ at: z.string(), by: z.string() })),
  timesUnknown: z
    .partialRecord(z.enum(TIMES_THAT_MAY_BE_UNKNOWN), z.object({ by: z.string(), at: z.string() }))
    .default({}),
  nihss: z.partialRecord(z.enum(nihssItemIds), NihssEntrySchema),
  weight: Signed(
    z.object({
      kg: z.number(),
      source: z.enum(['measured', 'estimated']),
      confirmedUnusual: z.boolean().default(false),
    }),
  ).nullable(),
  contraindications: z.partialRecord(z.enum(CONTRAINDICATIONS), Signed(z.enum(['yes', 'no', 'unknown']))),
  decision: Signed(
    z.object({
      decision: z.enum(RECORDED_DECISIONS),
      note: z.string(),
      override: z
        .object({ items: z.array(z.enum(CONTRAINDICATIONS)), reason: z.string() })
        .nullable()
        .default(null),
      minorConfirmed: z.boolean().default(false),
    }),
  ).nullable(),
});
export type StrokeSheet = z.output<typeof StrokeSheetSchema>;

export const emptySheet = (encounterId: string): StrokeSheet => ({
  encounterId,
  version: 0,
  timeline: {},
  timesUnknown: {},
  nihss: {},
  weight: null,
  contraindications: {},
  decision: null,
});

/** The sheet after a change made by `who` at `now` (refusals.ts says first whether it may be made). */
export function applyStrokeChange(sheet: StrokeSheet, change: StrokeChange, who: string, now: string): StrokeSheet {
  const next: StrokeSheet = { ...sheet, version: sheet.version + 1 };
  const timesUnknown = { ...sheet.timesUnknown };
  const timeline = { ...sheet.timeline };
  switch (change.kind) {
    case 'milestone':
      // A time entered replaces an earlier "unknown": both cannot hold.
      if (change.milestone === 'onset' || change.milestone === 'last_known_well') delete timesUnknown[change.milestone];
      return { ...next, timesUnknown, timeline: { ...timeline, [change.milestone]: { at: change.at, by: who } } };
    case 'clear_milestone':
      delete timeline[change.milestone];
      return { ...next, timeline };
    case 'milestone_unknown':
      delete timeline[change.milestone];
      return { ...next, timeline, timesUnknown: { ...timesUnknown, [change.milestone]: { by: who, at: now } } };
    case 'nihss': {
      const nihss = { ...sheet.nihss };
      if (change.score === null) delete nihss[change.item];
      else nihss[change.item] = { value: change.score, by: who, at: now };
      return { ...next, nihss };
    }
    case 'nihss_untestable': {
      const untestable = { reason: change.reason, detail: change.detail };
      return { ...next, nihss: { ...sheet.nihss, [change.item]: { value: 'UN', untestable, by: who, at: now } } };
    }
    case 'weight': {
      const value = { kg: change.kg, source: change.source, confirmedUnusual: change.confirmUnusual };
      return { ...next, weight: { value, by: who, at: now } };
    }
    case 'contraindication':
      return {
        ...next,
        contraindications: { ...sheet.contraindications, [change.item]: { value: change.answer, by: who, at: now } },
      };
    case 'decision': {
      // Kept in the checklist's order; an override only means something for a thrombolysis.
      const named = change.override;
      const override =
        named && drugOf(change.decision)
          ? { items: CONTRAINDICATIONS.filter((c) => named.items.includes(c)), reason: named.reason }
          : null;
      const minorConfirmed = change.confirmMinor && drugOf(change.decision) !== null;
      return {
        ...next,
        decision: {
          value: { decision: change.decision, note: change.note, override, minorConfirmed },
          by: who,
          at: now,
        },
      };
    }
  }
}

export const nihssScoresOf = (sheet: StrokeSheet): NihssScores =>
  Object.fromEntries(Object.entries(sheet.nihss).map(([item, s]) => [item, s.value])) as NihssScores;

/** What the checklist says: contra-indications ticked, unknown, and questions left open. */
export interface ChecklistState {
  yes: Contraindication[];
  unknown: Contraindication[];
  unanswered: Contraindication[];
}

export function checklistState(sheet: StrokeSheet): ChecklistState {
  const answer = (c: Contraindication) => sheet.contraindications[c]?.value;
  return {
    yes: CONTRAINDICATIONS.filter((c) => answer(c) === 'yes'),
    unknown: CONTRAINDICATIONS.filter((c) => answer(c) === 'unknown'),
    unanswered: CONTRAINDICATIONS.filter((c) => answer(c) === undefined),
  };
}
