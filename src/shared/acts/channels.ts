// The contract's acts channels and events (assembled in src/shared/contract.ts): acts (encounters):
// their record, consent (consent-channels.ts), measurements, reports and their PDF, the expert's
// prescriptions and their PDF, the act's files.
import { z } from 'zod';
import { channel } from '../channel';
import { AttachmentBeginSchema, AttachmentChunkSchema, AttachmentSchema } from './attachments';
import {
  ConsentInputSchema,
  ConsentSchema,
  EncounterRecordSchema,
  EncounterSchema,
  NewEncounterSchema,
  ObservationInputSchema,
  ObservationSchema,
  ReportInputSchema,
  ReportSchema,
  SetStatusInputSchema,
} from './encounter';
import { PatientIdSchema, PatientSchema } from '../patients/patient';
import { BillingSuggestionsSchema } from '../billing/act-billing-codes';
import { SignedExpertReportSchema } from './expert-report';
import { SignedPrescriptionSchema } from './prescription';
import { CONSENT_CHANNELS, CONSENT_EVENTS } from './consent-channels';
import { ActContextSchema } from '../calls/act-context';
import { EscalationStepInputSchema, EscalationStepSchema } from './escalation';

export const ACTS_CHANNELS = {
  'encounters.create': channel(NewEncounterSchema, EncounterSchema),
  'encounters.get': channel(z.strictObject({ id: z.uuid() }), EncounterRecordSchema),
  /** The act's context for the expert of its call, composed here, sent by the page over the data channel. */
  'encounters.context': channel(z.strictObject({ id: z.uuid() }), ActContextSchema),
  'encounters.forPatient': channel(
    z.strictObject({ patientId: PatientIdSchema, limit: z.number().int().min(1).max(200).default(50) }),
    z.array(EncounterSchema),
  ),
  /** The acts not closed yet (drafts, in progress, awaiting the report), newest first, with their patient: the home screens. */
  'encounters.open': channel(
    z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }),
    z.array(z.object({ act: EncounterSchema, patient: PatientSchema })),
  ),
  'encounters.setStatus': channel(SetStatusInputSchema, EncounterSchema),
  'encounters.consent': channel(ConsentInputSchema, ConsentSchema),
  'encounters.observe': channel(ObservationInputSchema, ObservationSchema),
  'encounters.report': channel(ReportInputSchema, ReportSchema),
  /** A signed report as a PDF (base64), to print or give to the patient. */
  'encounters.reportPdf': channel(
    z.strictObject({ reportId: z.uuid() }),
    z.strictObject({ fileName: z.string(), data: z.string() }),
  ),
  /** The billing codes each side of the act may bill, from the table shipped with the app (decision help). */
  'encounters.billing': channel(z.strictObject({ id: z.uuid() }), BillingSuggestionsSchema),
  /** A report the act's expert signed on her station, received over the call (the station checks who sent it). */
  'encounters.expertReport': channel(
    z.strictObject({ callId: z.string().min(1).max(100), report: SignedExpertReportSchema }),
    z.strictObject({ reportId: z.uuid(), outcome: z.enum(['filed', 'already_filed']) }),
  ),
  /** A prescription the act's expert signed on her station, received over the call (the station checks who sent it and for whom). */
  'encounters.expertPrescription': channel(
    z.strictObject({ callId: z.string().min(1).max(100), prescription: SignedPrescriptionSchema }),
    z.strictObject({ prescriptionId: z.uuid(), outcome: z.enum(['filed', 'already_filed']) }),
  ),
  /** The prescriptions the act's expert signed, kept on the act, oldest first. */
  'encounters.prescriptions': channel(z.strictObject({ id: z.uuid() }), z.array(SignedPrescriptionSchema)),
  /** A kept prescription as its PDF (base64), kept once: to print for the patient or to save. */
  'encounters.prescriptionPdf': channel(
    z.strictObject({ prescriptionId: z.uuid() }),
    z.strictObject({ fileName: z.string(), data: z.string() }),
  ),
  /** A step of the urgent call's escalation placed from the act (who was rung, what came of it), reported by the page. */
  'encounters.escalationStep': channel(
    EscalationStepInputSchema,
    z.strictObject({ outcome: z.enum(['recorded', 'already_recorded']) }),
  ),
  /** The act's escalation steps, in the order they were rung. */
  'encounters.escalation': channel(z.strictObject({ id: z.uuid() }), z.array(EscalationStepSchema)),
  'attachments.begin': channel(AttachmentBeginSchema, z.strictObject({ uploadId: z.uuid() })),
  'attachments.chunk': channel(AttachmentChunkSchema, z.strictObject({ received: z.number().int() })),
  'attachments.finish': channel(z.strictObject({ uploadId: z.uuid() }), AttachmentSchema),
  ...CONSENT_CHANNELS,
} as const;

export const ACTS_EVENTS = {
  'encounters.changed': z.object({ id: z.uuid() }),
  ...CONSENT_EVENTS,
} as const;
