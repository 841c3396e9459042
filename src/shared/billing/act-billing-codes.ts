// The billing codes each side of an act may bill (the requesting nurse's or pharmacist's, the
// expert's téléconsultation or téléexpertise code), suggested from the one published table
// resources/billing/teleconsultation-codes.json. This is decision help for the person who bills,
// never an order: each candidate carries its tariff, its conditions and the text it comes from,
// and "no code" is an answer too, said with its reason. Pure: the table is passed in, parsed here.
import { z } from 'zod';
import { EncounterSchema, type Encounter } from '../acts/encounter';
import { dayInFrance } from '../france-time';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');
const ProfessionSchema = z.enum(['general_practitioner', 'specialist', 'midwife', 'nurse', 'pharmacist']);
export type BillingProfession = z.infer<typeof ProfessionSchema>;
/** Where a nurse assists (NGAP art. 14.9.5): during planned care, in a dedicated place, at home. */
export const NurseSettingSchema = z.enum(['scheduled_care', 'dedicated_place', 'home']);
export type NurseSetting = z.infer<typeof NurseSettingSchema>;

export const BillingSourceSchema = z.strictObject({
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url(),
  /** The date or version of the text that was read. */
  version: z.string().min(1),
});

export const BillingCodeLineSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{2,6}$/),
  act: z.enum(['teleconsultation', 'teleexpertise']),
  side: z.enum(['requesting', 'expert']),
  professions: z.array(ProfessionSchema).min(1),
  /** Téléexpertise before April 2022 had two levels. */
  level: z.union([z.literal(1), z.literal(2)]).optional(),
  setting: NurseSettingSchema.optional(),
  label: z.string().min(1),
  /** Null: the amount is another act's (a téléconsultation TC costs the specialty's consultation). */
  tariff: z.strictObject({ eur: z.number().nonnegative().nullable(), effectiveFrom: day }),
  validFrom: day,
  /** Inclusive; null: still in force. */
  validTo: day.nullable(),
  conditions: z.array(z.string().min(1)),
  source: BillingSourceSchema,
  /** Why this line is not sure (a figure read in a secondary source, a date not found). */
  uncertain: z.string().min(1).optional(),
});
export type BillingCodeLine = z.infer<typeof BillingCodeLineSchema>;

export const BillingTableSchema = z.object({
  title: z.string(),
  reviewed: day,
  codes: z.array(BillingCodeLineSchema).min(1),
});
export type BillingTable = z.infer<typeof BillingTableSchema>;

/** Reads the table (from its JSON file); a malformed one is refused, never half-used. */
export function parseBillingTable(raw: unknown): BillingTable {
  const parsed = BillingTableSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`billing table: malformed (${z.prettifyError(parsed.error)})`);
  return parsed.data;
}

// What crosses the contract (the act screen asks main, which holds the table): each suggestion
// as a schema, so that the page reads nothing unchecked.
export const BillingCandidateSchema = z.strictObject({
  code: z.string(),
  label: z.string(),
  tariffEur: z.number().nullable(),
  tariffFrom: day,
  conditions: z.array(z.string()),
  source: BillingSourceSchema,
  uncertain: z.string().nullable(),
});
export type BillingCandidate = z.infer<typeof BillingCandidateSchema>;

export const NoCodeReasonSchema = z.enum([
  'no_code_for_act_type',
  'not_assisted',
  'expert_unknown',
  'profession_cannot_bill',
  'no_code_on_date',
]);
export type NoCodeReason = z.infer<typeof NoCodeReasonSchema>;

export const BillingSuggestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('codes'), codes: z.array(BillingCandidateSchema).min(1) }),
  z.strictObject({ kind: z.literal('none'), reason: NoCodeReasonSchema }),
]);
export type BillingSuggestion = z.infer<typeof BillingSuggestionSchema>;

export const BillingSuggestionsSchema = z.strictObject({
  /** The act's day in France, the one the tariffs were read for. */
  day,
  requesting: BillingSuggestionSchema,
  expert: BillingSuggestionSchema,
  /** The table's title and the day it was last checked against its sources. */
  table: z.strictObject({ title: z.string(), reviewed: day }),
});
export type BillingSuggestions = z.infer<typeof BillingSuggestionsSchema>;

export interface BillingOptions {
  /** Where the assisting nurse was, when the station knows it; otherwise her three codes are offered. */
  nurseSetting?: NurseSetting;
}

const none = (reason: NoCodeReason): BillingSuggestion => ({ kind: 'none', reason });

/** The expert's profession as the table knows it; a physician with no specialty given may be either. */
function expertProfessions(encounter: Encounter): BillingProfession[] | null {
  const expert = encounter.expert;
  if (!expert) return null;
  if (expert.role === 'midwife') return ['midwife'];
  if (expert.role !== 'physician') return [];
  const specialty = expert.specialty ?? encounter.specialty;
  if (!specialty) return ['general_practitioner', 'specialist'];
  return /g[ée]n[ée]ral/i.test(specialty) ? ['general_practitioner'] : ['specialist'];
}

function requesterProfessions(encounter: Encounter): BillingProfession[] {
  const { role, specialty } = encounter.requester;
  if (role === 'nurse' || role === 'pharmacist' || role === 'midwife') return [role];
  if (role === 'physician')
    return specialty && !/g[ée]n[ée]ral/i.test(specialty) ? ['specialist'] : ['general_practitioner'];
  return [];
}

function suggest(
  table: BillingTable,
  q: { act: BillingCodeLine['act']; side: BillingCodeLine['side']; professions: BillingProfession[]; day: string },
  setting: NurseSetting | undefined,
): BillingSuggestion {
  const forProfession = table.codes.filter(
    (l) => l.act === q.act && l.side === q.side && l.professions.some((p) => q.professions.includes(p)),
  );
  if (forProfession.length === 0) return none('profession_cannot_bill');
  const onDay = forProfession.filter((l) => l.validFrom <= q.day && (l.validTo === null || q.day <= l.validTo));
  if (onDay.length === 0) return none('no_code_on_date');
  const inSetting = setting ? onDay.filter((l) => l.setting === undefined || l.setting === setting) : onDay;
  const codes = inSetting.map((l) => ({
    code: l.code,
    label: l.label,
    tariffEur: l.tariff.eur,
    tariffFrom: l.tariff.effectiveFrom,
    conditions: l.conditions,
    source: l.source,
    uncertain: l.uncertain ?? null,
  }));
  return codes.length > 0 ? { kind: 'codes', codes } : none('profession_cannot_bill');
}

/**
 * The candidate codes of each side of the act, for the person who bills to choose from and check
 * against their conditions. A malformed act is refused with an error that says so.
 */
export function suggestBillingCodes(
  encounter: Encounter,
  table: BillingTable,
  options: BillingOptions = {},
): BillingSuggestions {
  const parsed = EncounterSchema.safeParse(encounter);
  if (!parsed.success) throw new Error(`billing codes: the act is not readable (${z.prettifyError(parsed.error)})`);
  const act = parsed.data;
  const actDay = dayInFrance(act.startedAt ?? act.createdAt);
  const about = { title: table.title, reviewed: table.reviewed };
  // Téléassistance has no code of its own; télésurveillance is billed by its own programme, not here.
  if (act.act !== 'teleconsultation' && act.act !== 'teleexpertise')
    return {
      day: actDay,
      requesting: none('no_code_for_act_type'),
      expert: none('no_code_for_act_type'),
      table: about,
    };
  const kind = act.act;
  const experts = expertProfessions(act);
  const expert = experts
    ? suggest(table, { act: kind, side: 'expert', professions: experts, day: actDay }, undefined)
    : none('expert_unknown');
  // A téléconsultation's requesting side bills only when a nurse or pharmacist assists the patient.
  if (kind === 'teleconsultation' && !act.assisted)
    return { day: actDay, requesting: none('not_assisted'), expert, table: about };
  const requesting = suggest(
    table,
    { act: kind, side: 'requesting', professions: requesterProfessions(act), day: actDay },
    options.nurseSetting,
  );
  return { day: actDay, requesting, expert, table: about };
}
