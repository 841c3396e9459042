// The act's context as the requesting station (cart, stroke site, cabin) sends it to the expert over
// the call's data channel, and as the expert's station keeps it for her report: the act, the
// patient's banner traits, the consents, the measurements with their times and devices, and the list
// of the act's files (never their bytes). Pure zod. It is parsed from a remote peer: every string,
// list and number is bounded, every object strict, so garbage is refused whole.
import { z } from 'zod';
import { ActTypeSchema, EncounterStatusSchema } from '../acts/encounter';
import { ConsentScopeSchema } from '../acts/consent';
import { checkMatricule, INS_OIDS } from '../patients/ins';
import { IdentityStatusSchema, SexSchema } from '../patients/patient';

export const ACT_CONTEXT_LIMITS = { consents: 50, measurements: 500, files: 500 } as const;

const text = (max: number) => z.string().max(max);
const name = z.string().trim().min(1).max(200);
const at = z.iso.datetime({ offset: true });

/** The professional who asked for the act (the expert writes her report to her). */
const RequesterSchema = z.strictObject({
  name,
  role: z.enum(['nurse', 'physician', 'pharmacist', 'midwife', 'other']),
  rpps: z
    .string()
    .regex(/^\d{11}$/)
    .nullable(),
});

const ContextInsSchema = z.strictObject({
  matricule: z
    .string()
    .max(15)
    .superRefine((m, ctx) => {
      const problem = checkMatricule(m);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  oid: z.enum(INS_OIDS),
});

// SECURITY: identity vigilance (RNIV volet 1): an INS is used, shown or kept only with a qualified
// identity. The sender's composer never puts one in otherwise; a context that carries an INS with
// another status is refused whole, not trimmed: it was not made by our composer (a bug or a forgery),
// and nothing of it should reach the expert's banner or her records.
export const ActContextPatientSchema = z
  .strictObject({
    birthName: z.string().min(1).max(100),
    usedName: text(100).nullable(),
    firstName: z.string().min(1).max(100),
    usedFirstName: text(100).nullable(),
    birthDate: z.iso.date(),
    sex: SexSchema,
    identityStatus: IdentityStatusSchema,
    ins: ContextInsSchema.nullable(),
  })
  .refine((p) => p.ins === null || p.identityStatus === 'QUAL', {
    path: ['ins'],
    message: 'act_context.ins_without_qualified_identity',
  });
export type ActContextPatient = z.infer<typeof ActContextPatientSchema>;

/** Who gave the consent (the patient, who may consent for her, or nobody in a vital emergency). */
const ContextGiverSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('patient') }),
  z.strictObject({ kind: z.literal('legal_representative'), name }),
  z.strictObject({ kind: z.literal('trusted_person'), name }),
  z.strictObject({ kind: z.literal('vital_emergency'), physician: name }),
  z.strictObject({ kind: z.literal('unknown') }),
]);

const ContextConsentSchema = z.strictObject({
  scope: ConsentScopeSchema,
  decision: z.enum(['given', 'refused']),
  givenBy: ContextGiverSchema,
  collectedBy: name,
  collectedAt: at,
});

const UNIT_OF_KIND = {
  spo2: '%',
  heart_rate: '/min',
  respiratory_rate: '/min',
  body_temperature: 'Cel',
  body_weight: 'kg',
  blood_pressure: 'mm[Hg]',
} as const;
export type MeasurementKind = keyof typeof UNIT_OF_KIND;
const MeasurementKindSchema = z.enum(Object.keys(UNIT_OF_KIND) as [MeasurementKind, ...MeasurementKind[]]);

/** One measurement: its values (systolic then diastolic for a blood pressure), in its UCUM unit. */
const ContextMeasurementSchema = z
  .strictObject({
    kind: MeasurementKindSchema,
    values: z.array(z.number().finite().min(-1000).max(10_000)).min(1).max(2),
    unit: z.enum(['%', '/min', 'Cel', 'kg', 'mm[Hg]']),
    takenAt: at,
    /** The device's label, as the requesting station names it; null when typed by a person. */
    device: text(200).nullable(),
    takenBy: name,
  })
  .refine((m) => m.unit === UNIT_OF_KIND[m.kind], { path: ['unit'], message: 'act_context.unit_of_kind' })
  .refine((m) => m.values.length === (m.kind === 'blood_pressure' ? 2 : 1), {
    path: ['values'],
    message: 'act_context.values_of_kind',
  });
export type ActContextMeasurement = z.infer<typeof ContextMeasurementSchema>;

/** One of the act's files, named only: its bytes stay on the requesting station. */
const ContextFileSchema = z.strictObject({
  kind: z.enum(['photo', 'sound', 'study', 'document']),
  name: name,
  takenAt: at,
  author: text(200),
});
export type ActContextFile = z.infer<typeof ContextFileSchema>;

export const ActContextSchema = z.strictObject({
  act: z.strictObject({
    id: z.uuid(),
    type: ActTypeSchema,
    reason: z.string().max(2000),
    status: EncounterStatusSchema,
    site: z.string().max(200),
    requester: RequesterSchema,
  }),
  patient: ActContextPatientSchema,
  consents: z.array(ContextConsentSchema).max(ACT_CONTEXT_LIMITS.consents),
  measurements: z.array(ContextMeasurementSchema).max(ACT_CONTEXT_LIMITS.measurements),
  files: z.array(ContextFileSchema).max(ACT_CONTEXT_LIMITS.files),
  /** When the requesting station composed it: a context older than the one shown is not shown. */
  composedAt: at,
});
export type ActContext = z.infer<typeof ActContextSchema>;

/** The data-channel message (spread into RemoteMessageSchema): requesting site -> expert. */
export const ActContextMessageSchemas = [
  z.strictObject({ type: z.literal('act.context'), context: ActContextSchema }),
] as const;
