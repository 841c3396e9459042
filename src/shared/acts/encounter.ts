// The act (encounter) as the station records it: its French type, who asked and who answers,
// where, why, its status, the patient's consent, and the measurements taken. Pure zod; the
// rules that need a clock or the store are the service's.
import { z } from 'zod';
import { AttachmentSchema } from './attachments';
import { ConsentSchema } from './consent';
import { checkVital } from './vital-limits';
import { PeerIdSchema } from '../hub-protocol';
import { PatientIdSchema, OptionalCommuneCodeSchema } from '../patients/patient';
import { ReportPdfInfoSchema } from './report-pdf';
import { CallChatLineSchema } from '../calls/calls';

/** Téléconsultation, téléexpertise, télésurveillance, téléassistance (Code de la santé publique, R.6316-1). */
import { ActTypeSchema } from './act-type';
export { ActTypeSchema, type ActType } from './act-type';

export const EncounterStatusSchema = z.enum(['draft', 'in_progress', 'awaiting_report', 'closed']);
export type EncounterStatus = z.infer<typeof EncounterStatusSchema>;

/** Forward only: an act never goes back to an earlier status; a draft may be closed (cancelled). */
const NEXT: Record<EncounterStatus, readonly EncounterStatus[]> = {
  draft: ['in_progress', 'closed'],
  in_progress: ['awaiting_report', 'closed'],
  awaiting_report: ['closed'],
  closed: [],
};
export const canMoveTo = (from: EncounterStatus, to: EncounterStatus): boolean => NEXT[from].includes(to);

const text = (max: number) => z.string().trim().min(1, 'field.required').max(max);
/** RPPS: 11 digits (the professional's national identifier, IdNatPS without its prefix). */
export const RppsSchema = z.string().regex(/^\d{11}$/, 'rpps.invalid');

export const ProfessionalSchema = z.strictObject({
  name: text(200),
  role: z.enum(['nurse', 'physician', 'pharmacist', 'midwife', 'other']),
  rpps: RppsSchema.nullable().default(null),
  specialty: z.string().trim().max(100).nullable().default(null),
  /**
   * An expert's identity on the regional hub (her access token's subject), when she was chosen
   * from the hub's presence: a téléexpertise named to her is routed by it, never by her name.
   */
  hubId: PeerIdSchema.optional(),
});
export type Professional = z.infer<typeof ProfessionalSchema>;

export const EncounterIdSchema = z.uuid();

export const NewEncounterSchema = z.strictObject({
  patientId: PatientIdSchema,
  act: ActTypeSchema,
  /** A téléconsultation assistée: a nurse or pharmacist is with the patient. */
  assisted: z.boolean(),
  requester: ProfessionalSchema,
  expert: ProfessionalSchema.nullable().default(null),
  site: text(200),
  /** The expert's site commune (INSEE code), from the hub directory's offer when known. */
  siteCommune: OptionalCommuneCodeSchema,
  specialty: z.string().trim().max(100).nullable().default(null),
  reason: text(2000),
  /** The call this act happens in, when there is one. */
  callId: z.string().min(1).max(100).nullable().default(null),
});
export type NewEncounter = z.output<typeof NewEncounterSchema>;

export const EncounterSchema = z.object({
  id: EncounterIdSchema,
  version: z.number().int().positive(),
  patientId: PatientIdSchema,
  act: ActTypeSchema,
  assisted: z.boolean(),
  requester: ProfessionalSchema,
  expert: ProfessionalSchema.nullable(),
  site: z.string(),
  siteCommune: z.string().nullable(),
  specialty: z.string().nullable(),
  reason: z.string(),
  callId: z.string().nullable(),
  status: EncounterStatusSchema,
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Encounter = z.infer<typeof EncounterSchema>;

// The patient's consents: their schemas and rules live in consent.ts (read from here too).
export { ConsentInputSchema, ConsentSchema, ConsentScopeSchema, type Consent, type ConsentInput } from './consent';

// Vital signs in their UCUM units. Their plausibility (vital-limits.ts, with its sources) is
// checked on what comes in: a value no person can have is refused; a rarely seen one needs the
// person's confirmation, which is recorded with it. What is stored reads back whatever it holds.
const finite = z.number().finite();
const structure = <C extends string, U extends string>(code: C, unit: U) =>
  z.strictObject({ code: z.literal(code), value: finite, unit: z.literal(unit) });
const StoredVitalSchema = z.discriminatedUnion('code', [
  structure('spo2', '%'),
  structure('heart_rate', '/min'),
  structure('respiratory_rate', '/min'),
  structure('body_temperature', 'Cel'),
  structure('body_weight', 'kg'),
  z.strictObject({ code: z.literal('blood_pressure'), systolic: finite, diastolic: finite, unit: z.literal('mm[Hg]') }),
]);

export const VitalSchema = StoredVitalSchema.superRefine((vital, ctx) => {
  for (const finding of checkVital(vital)) {
    if (finding.level === 'impossible')
      ctx.addIssue({
        code: 'custom',
        path: [finding.field],
        message: 'vital.impossible',
        params: { ...finding.range },
      });
  }
  if (vital.code === 'blood_pressure' && vital.diastolic >= vital.systolic) {
    ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'vital.diastolic_above_systolic' });
  }
});
export type Vital = z.infer<typeof StoredVitalSchema>;

/** A vital's UCUM unit as a screen or a report writes it (°C, mmHg). */
export const UNIT_SHOWN: Record<Vital['unit'], string> = {
  '%': '%',
  '/min': '/min',
  Cel: '°C',
  kg: 'kg',
  'mm[Hg]': 'mmHg',
};

export const ObservationInputSchema = z
  .strictObject({
    encounterId: EncounterIdSchema,
    vital: VitalSchema,
    takenAt: z.iso.datetime({ offset: true }),
    /** From a connected device (its id), or typed by a person. */
    method: z.enum(['device', 'manual']),
    device: z.string().max(100).nullable().default(null),
    takenBy: text(200),
    /** The person saw that the value is unusual and confirms it (vital-limits.ts): recorded with it. */
    unusualConfirmed: z.boolean().default(false),
  })
  .superRefine((o, ctx) => {
    const unusual = checkVital(o.vital).filter((f) => f.level === 'unusual');
    if (!o.unusualConfirmed) {
      for (const f of unusual)
        ctx.addIssue({ code: 'custom', path: ['vital', f.field], message: 'vital.unusual', params: { ...f.range } });
    } else if (unusual.length === 0 && checkVital(o.vital).length === 0) {
      // A confirmation says "I checked this odd value": on a usual one it would only blur the record.
      ctx.addIssue({ code: 'custom', path: ['unusualConfirmed'], message: 'vital.nothing_to_confirm' });
    }
  });
export type ObservationInput = z.output<typeof ObservationInputSchema>;
export const ObservationSchema = z.object({
  id: z.uuid(),
  encounterId: EncounterIdSchema,
  vital: StoredVitalSchema,
  takenAt: z.string(),
  method: z.enum(['device', 'manual']),
  device: z.string().nullable(),
  takenBy: z.string(),
  unusualConfirmed: z.boolean(),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** The report (compte rendu) of the act, signed by its author; a correction is a new report that replaces it. */
export const ReportInputSchema = z.strictObject({
  encounterId: EncounterIdSchema,
  text: z.string().trim().min(1, 'field.required').max(50_000),
  author: ProfessionalSchema,
  /** The report this one corrects, when it is a correction. */
  replaces: z.uuid().nullable().default(null),
});
export type ReportInput = z.output<typeof ReportInputSchema>;
export const ReportSchema = z.object({
  id: z.uuid(),
  encounterId: EncounterIdSchema,
  text: z.string(),
  author: ProfessionalSchema,
  signedAt: z.string(),
  replaces: z.string().nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export const EncounterRecordSchema = z.object({
  encounter: EncounterSchema,
  consents: z.array(ConsentSchema),
  observations: z.array(ObservationSchema),
  reports: z.array(ReportSchema),
  /** Its files: added to it, and those of the call it was held in. */
  attachments: z.array(AttachmentSchema),
  /** The PDF of each signed report, kept at signing: listed among its files. */
  reportPdfs: z.array(ReportPdfInfoSchema),
  /** The chat of the call it was held in, line by line as it was written. */
  chat: z.array(CallChatLineSchema),
});
export const SetStatusInputSchema = z.strictObject({
  id: EncounterIdSchema,
  version: z.number().int().positive(),
  status: EncounterStatusSchema,
  /** Links the act to the call it happens in (when starting it during a call). */
  callId: z.string().min(1).max(100).nullable().optional(),
});
