// The patient's identity as the station records it: strict INS traits, used traits, status, the
// identity document checked, the INS retrieved from INSi and an INS typed "to be checked".
import { z } from 'zod';
import { checkCoherence, checkMatricule, INS_OIDS, normalizeMatricule } from './ins';
import { IdentityDocumentRecordSchema, IdentityDocumentSchema, isMinorOn } from './identity-document';
import { normalizeTrait, TRAIT_PATTERN } from '../names';

// Identity statuses of the RNIV (volet 1, the four statuses of a local identity): provisional,
// validated (checked on a high-trust document), retrieved (INS returned by the INSi teleservice),
// qualified (both). An INS exists only once retrieved: RECUP and QUAL carry one, PROV and VALI
// never do; an INS typed by hand or read from a card proves nothing (the card may be a parent's)
// and is kept apart, "to be checked" (typedIns).
export const IDENTITY_STATUSES = ['PROV', 'VALI', 'RECUP', 'QUAL'] as const;
export const IdentityStatusSchema = z.enum(IDENTITY_STATUSES);
export type IdentityStatus = z.infer<typeof IdentityStatusSchema>;
export const statusCarriesIns = (status: IdentityStatus): boolean => status === 'RECUP' || status === 'QUAL';
/** VALI and QUAL rest on an identity document someone checked (RNIV volet 1, status matrix). */
export const statusNeedsDocument = (status: IdentityStatus): boolean => status === 'VALI' || status === 'QUAL';

export const SexSchema = z.enum(['M', 'F', 'I']);

const trait = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(normalizeTrait)
    .pipe(z.string().min(1, 'field.required').max(max).regex(TRAIT_PATTERN, 'trait.invalid_characters'));

const optionalTrait = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform(normalizeTrait)
    .pipe(z.union([z.literal(''), z.string().max(max).regex(TRAIT_PATTERN, 'trait.invalid_characters')]))
    .optional()
    .transform((value) => (value ? value : null));

// A calendar date (YYYY-MM-DD) that exists; "not in the future" needs a clock and is the service's.
export const BirthDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date.invalid')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, 'date.invalid')
  .refine((value) => value >= '1880-01-01', 'date.too_old');

// INSEE code of the birthplace: department (2 digits, 2A, 2B) + commune, 97xxx overseas,
// 99xxx abroad (country code), 99999 unknown.
export const InseeCodeSchema = z
  .string()
  .transform((value) => value.trim().toUpperCase())
  .pipe(
    z
      .string()
      .min(1, 'field.required')
      .regex(/^(\d{2}|2A|2B)\d{3}$/, 'insee.invalid'),
  );

/** An optional commune (INSEE code): empty or absent is "not known". */
export const OptionalCommuneCodeSchema = z
  .string()
  .max(20)
  .nullish()
  .transform((value) => value?.trim().toUpperCase() || null)
  .pipe(
    z
      .string()
      .regex(/^(\d{2}|2A|2B)\d{3}$/, 'insee.invalid')
      .nullable(),
  );

// Inputs are strict objects: an unknown field is a caller's mistake, refused rather than dropped.
export const InsSchema = z.strictObject({
  // Checked on the field itself, so that a wrong key shows with the form's other errors at once
  // (checks across fields only run once every field is right).
  matricule: z
    .string()
    .max(40)
    .transform(normalizeMatricule)
    .superRefine((matricule, ctx) => {
      const problem = checkMatricule(matricule);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  oid: z.enum(INS_OIDS),
});

const IdentityFieldsSchema = z.strictObject({
  birthName: trait(100),
  firstName: trait(100),
  // All first names at birth, in order. Never defaulted from the first one (a strict trait,
  // ANS guide "Identité INS dans les logiciels", the strict traits): empty only while provisional.
  birthFirstNames: optionalTrait(200),
  birthDate: BirthDateSchema,
  sex: SexSchema,
  birthplaceCode: InseeCodeSchema,
  usedName: optionalTrait(100),
  usedFirstName: optionalTrait(100),
  identityStatus: IdentityStatusSchema,
  // An INS typed or read from a card: kept "to be checked", never the patient's INS.
  typedIns: InsSchema.nullable().default(null),
  identityDocument: IdentityDocumentSchema.nullable().default(null),
  // Not an identity trait: where the patient lives (INSEE code of the commune), for the
  // transport a remote act spares her. Optional, and free to change whatever the status.
  residenceCode: OptionalCommuneCodeSchema,
});
type IdentityFields = z.output<typeof IdentityFieldsSchema> & { birthFirstNames: string };

function checkIdentity(identity: IdentityFields, ctx: z.RefinementCtx, documentRequired: boolean): void {
  if (!identity.birthFirstNames) {
    if (identity.identityStatus !== 'PROV')
      ctx.addIssue({ code: 'custom', path: ['birthFirstNames'], message: 'first_names.required_unless_provisional' });
  } else {
    const firstNames = identity.birthFirstNames.split(' ');
    if (!identity.firstName.split(' ').every((name, i) => firstNames[i] === name)) {
      ctx.addIssue({ code: 'custom', path: ['birthFirstNames'], message: 'first_names.must_start_with_first_name' });
    }
  }
  const document = identity.identityDocument;
  if (documentRequired && statusNeedsDocument(identity.identityStatus) && !document) {
    ctx.addIssue({ code: 'custom', path: ['identityDocument', 'type'], message: 'identity.document_required' });
  }
  if (document?.type === 'family_record_book' && !isMinorOn(identity.birthDate, document.checkedOn)) {
    ctx.addIssue({
      code: 'custom',
      path: ['identityDocument', 'type'],
      message: 'identity.family_book_only_for_minor',
    });
  }
  if (!identity.typedIns) return;
  const incoherence = checkCoherence(identity.typedIns.matricule, identity.sex, identity.birthDate);
  if (incoherence) ctx.addIssue({ code: 'custom', path: ['typedIns', 'matricule'], message: incoherence });
}

const withFirstNames = <T extends { birthFirstNames: string | null }>(identity: T) => ({
  ...identity,
  birthFirstNames: identity.birthFirstNames ?? '',
});

// What a person types (the form, the kiosk). RECUP and QUAL are accepted here only to keep the
// status an INSi answer gave: main refuses them unless the record holds an INS from INSi.
export const IdentitySchema = IdentityFieldsSchema.transform(withFirstNames).superRefine((identity, ctx) =>
  checkIdentity(identity, ctx, true),
);

/** An identity as the regional server holds it: one validated before the document was recorded (issue 18) has none. */
export const RegionIdentitySchema = IdentityFieldsSchema.transform(withFirstNames).superRefine((identity, ctx) =>
  checkIdentity(identity, ctx, false),
);

export type IdentityInput = z.input<typeof IdentitySchema>;
export type Identity = z.output<typeof IdentitySchema>;

export const PatientIdSchema = z.uuid();

export const InsRecordSchema = z.object({ matricule: z.string(), oid: z.enum(INS_OIDS) });
export const INSI_OPERATIONS = ['search_traits', 'search_card', 'verify'] as const;
export const InsRetrievalSchema = z.object({ operation: z.enum(INSI_OPERATIONS), at: z.string(), by: z.string() });
export type InsRetrieval = z.infer<typeof InsRetrievalSchema>;

export const PatientSchema = z.object({
  id: PatientIdSchema,
  version: z.number().int().positive(),
  birthName: z.string(),
  firstName: z.string(),
  birthFirstNames: z.string(),
  birthDate: z.string(),
  sex: SexSchema,
  birthplaceCode: z.string(),
  usedName: z.string().nullable(),
  usedFirstName: z.string().nullable(),
  identityStatus: IdentityStatusSchema,
  /** The INS returned by the INSi teleservice; null while none was (PROV, VALI). */
  ins: InsRecordSchema.nullable(),
  /** How and when INSi gave it. */
  insRetrieval: InsRetrievalSchema.nullable(),
  /** An INS typed or read from a card, "to be checked": never sent, never printed as the INS. */
  typedIns: InsRecordSchema.nullable(),
  identityDocument: IdentityDocumentRecordSchema.nullable(),
  residenceCode: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Patient = z.infer<typeof PatientSchema>;

export const CreatePatientInputSchema = z.strictObject({
  identity: IdentitySchema,
  // The ids of the possible duplicates the user has seen and declared to be other people.
  notDuplicateOf: z.array(PatientIdSchema).max(50).default([]),
});

export const CreatePatientResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), patient: PatientSchema }),
  // Nothing was stored: the user must look at these records first.
  z.object({ status: z.literal('possible_duplicates'), candidates: z.array(PatientSchema) }),
]);
export type CreatePatientResult = z.infer<typeof CreatePatientResultSchema>;

export const UpdatePatientInputSchema = z.strictObject({
  id: PatientIdSchema,
  version: z.number().int().positive(),
  identity: IdentitySchema,
});

// Every criterion narrows the search; none at all lists the most recently changed patients.
export const PatientSearchSchema = z.strictObject({
  name: z.string().max(200).optional(),
  birthDate: BirthDateSchema.optional(),
  insMatricule: z.string().max(40).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type PatientSearch = z.input<typeof PatientSearchSchema>;
