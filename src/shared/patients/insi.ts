// The INSi teleservice as the station sees it through the site's gateway: the identity it returns
// (an INS with the five INS traits from the national bases), the outcomes of a search or a
// verification, and the contract's channels for the patient screen. The outcomes are the
// teleservice's (CNAM, INSi integration guide; ANS, "Guide d'implémentation de l'identité INS dans
// les logiciels"): one identity found (code 00), none found (01), several found (02); a
// verification whose traits match, or differ (the reference traits are returned), or an unknown INS.
import { z } from 'zod';
import { checkMatricule, INS_OIDS, normalizeMatricule } from './ins';
import { normalizeTrait, TRAIT_PATTERN } from '../names';
import { BirthDateSchema, InseeCodeSchema, PatientIdSchema, PatientSchema, SexSchema } from './patient';
import { STRICT_TRAITS } from './identity-status';

const insiTrait = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(normalizeTrait)
    .pipe(z.string().min(1).max(max).regex(TRAIT_PATTERN));

/** An identity as INSi returns it; a gateway's answer that is not one is refused whole. */
export const InsiIdentitySchema = z.object({
  matricule: z
    .string()
    .transform(normalizeMatricule)
    .refine((m) => checkMatricule(m) === null, 'ins.key_mismatch'),
  oid: z.enum(INS_OIDS),
  birthName: insiTrait(100),
  birthFirstNames: insiTrait(200),
  birthDate: BirthDateSchema,
  sex: SexSchema,
  birthplaceCode: InseeCodeSchema,
});
export type InsiIdentity = z.output<typeof InsiIdentitySchema>;

export const InsiSearchAnswerSchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('found'), identity: InsiIdentitySchema }),
  z.object({ result: z.literal('not_found') }),
  z.object({ result: z.literal('several_found') }),
]);
export type InsiSearchAnswer = z.output<typeof InsiSearchAnswerSchema>;

export const InsiVerifyAnswerSchema = z.discriminatedUnion('result', [
  z.object({ result: z.literal('verified') }),
  z.object({ result: z.literal('traits_differ'), identity: InsiIdentitySchema }),
  z.object({ result: z.literal('not_found') }),
]);
export type InsiVerifyAnswer = z.output<typeof InsiVerifyAnswerSchema>;

/** The strict traits INSi gives, of which the page shows those that differ from the record's. */
export const INSI_TRAITS = STRICT_TRAITS.filter((t) => t !== 'firstName');
export const InsiTraitSchema = z.enum(['birthName', 'birthFirstNames', 'birthDate', 'sex', 'birthplaceCode']);

const answerToAccept = {
  /** Main keeps the answer itself: the page names it to accept it, never sends its content back. */
  answerId: z.uuid(),
  identity: z.object({
    matricule: z.string(),
    oid: z.enum(INS_OIDS),
    birthName: z.string(),
    birthFirstNames: z.string(),
    birthDate: z.string(),
    sex: SexSchema,
    birthplaceCode: z.string(),
  }),
  differences: z.array(InsiTraitSchema),
};

export const InsiOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('found'), ...answerToAccept }),
  z.object({ outcome: z.literal('traits_differ'), ...answerToAccept }),
  z.object({ outcome: z.literal('verified') }),
  z.object({ outcome: z.literal('not_found') }),
  z.object({ outcome: z.literal('several_found') }),
]);
export type InsiOutcome = z.output<typeof InsiOutcomeSchema>;

/** What changed in one version of an identity, as kept in its history. */
export const IdentityChangeSchema = z.object({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type IdentityChange = z.infer<typeof IdentityChangeSchema>;

export const HISTORY_OPERATIONS = [
  'created',
  'edited',
  'insi_search_traits',
  'insi_search_card',
  'insi_verify',
  'insi_verified',
  'region',
  'lowered_without_insi',
] as const;
export type HistoryOperation = (typeof HISTORY_OPERATIONS)[number];

export const IdentityHistoryEntrySchema = z.object({
  version: z.number().int(),
  at: z.string(),
  by: z.string(),
  operation: z.enum(HISTORY_OPERATIONS),
  changes: z.array(IdentityChangeSchema),
});
export type IdentityHistoryEntry = z.infer<typeof IdentityHistoryEntrySchema>;

const byPatient = z.strictObject({ id: PatientIdSchema });
const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });

export const IDENTITY_VIGILANCE_CHANNELS = {
  /** Whether this station reaches an INSi gateway (RELAIS_INSI_URL). */
  'patients.insiStatus': channel(z.strictObject({}), z.strictObject({ configured: z.boolean() })),
  /** Asks INSi for the patient's INS by her traits; nothing is stored until accepted. */
  'patients.insiSearch': channel(byPatient, InsiOutcomeSchema),
  /** Asks INSi to verify the INS the record holds against its traits (a correction comes this way). */
  'patients.insiVerify': channel(byPatient, InsiOutcomeSchema),
  /** Takes INSi's answer into the record: its traits, its INS, RECUP or QUAL. */
  'patients.insiAccept': channel(
    z.strictObject({ id: PatientIdSchema, version: z.number().int().positive(), answerId: z.uuid() }),
    PatientSchema,
  ),
  /** Every change of the identity, newest first. */
  'patients.history': channel(byPatient, z.array(IdentityHistoryEntrySchema)),
} as const;
