// The patient's identity as the station records it: strict INS traits, used traits, status, INS.
import { z } from 'zod';
import { checkCoherence, checkMatricule, INS_OIDS, normalizeMatricule } from './ins';
import { normalizeTrait, TRAIT_PATTERN } from './names';

// Identity statuses of the RNIV: provisional, validated (ID document checked), retrieved from the
// INSi teleservice, qualified (both). An INS exists only once retrieved: RECUP and QUAL carry one,
// PROV and VALI never do.
export const IDENTITY_STATUSES = ['PROV', 'VALI', 'RECUP', 'QUAL'] as const;
export const IdentityStatusSchema = z.enum(IDENTITY_STATUSES);
export type IdentityStatus = z.infer<typeof IdentityStatusSchema>;
export const statusCarriesIns = (status: IdentityStatus): boolean => status === 'RECUP' || status === 'QUAL';

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
  .pipe(z.string().min(1, 'field.required').regex(/^(\d{2}|2A|2B)\d{3}$/, 'insee.invalid'));

/** An optional commune (INSEE code): empty or absent is "not known". */
export const OptionalCommuneCodeSchema = z
  .string()
  .max(20)
  .nullish()
  .transform((value) => value?.trim().toUpperCase() || null)
  .pipe(z.string().regex(/^(\d{2}|2A|2B)\d{3}$/, 'insee.invalid').nullable());

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

export const IdentitySchema = z
  .strictObject({
    birthName: trait(100),
    firstName: trait(100),
    // All first names at birth, in order; defaults to the first one.
    birthFirstNames: optionalTrait(200),
    birthDate: BirthDateSchema,
    sex: SexSchema,
    birthplaceCode: InseeCodeSchema,
    usedName: optionalTrait(100),
    usedFirstName: optionalTrait(100),
    identityStatus: IdentityStatusSchema,
    ins: InsSchema.nullable(),
    // Not an identity trait: where the patient lives (INSEE code of the commune), for the
    // transport a remote act spares her. Optional, and free to change whatever the status.
    residenceCode: OptionalCommuneCodeSchema,
  })
  .transform((identity) => ({ ...identity, birthFirstNames: identity.birthFirstNames ?? identity.firstName }))
  .superRefine((identity, ctx) => {
    const firstNames = identity.birthFirstNames.split(' ');
    if (!identity.firstName.split(' ').every((name, i) => firstNames[i] === name)) {
      ctx.addIssue({ code: 'custom', path: ['birthFirstNames'], message: 'first_names.must_start_with_first_name' });
    }
    if (!statusCarriesIns(identity.identityStatus)) {
      if (identity.ins) ctx.addIssue({ code: 'custom', path: ['ins', 'matricule'], message: 'ins.not_allowed_for_status' });
      return;
    }
    if (!identity.ins) {
      ctx.addIssue({ code: 'custom', path: ['ins', 'matricule'], message: 'ins.required_for_status' });
      return;
    }
    const incoherence = checkCoherence(identity.ins.matricule, identity.sex, identity.birthDate);
    if (incoherence) ctx.addIssue({ code: 'custom', path: ['ins', 'matricule'], message: incoherence });
  });

export type IdentityInput = z.input<typeof IdentitySchema>;
export type Identity = z.output<typeof IdentitySchema>;

export const PatientIdSchema = z.uuid();

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
  ins: z.object({ matricule: z.string(), oid: z.enum(INS_OIDS) }).nullable(),
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
