// The documents the expert signs, over the call's data channel (issue 21, points 4 and 5): her
// report and her prescriptions, expert -> requesting station, which files each (expert-report-intake.ts
// and prescription-intake.ts check who sent it, for whom, and its SHA-256) and answers with a receipt:
// filed, already filed, or refused with the code of its reason. Spread into RemoteMessageSchema;
// parsed from a remote peer, so strict and bounded.
import { z } from 'zod';
import { SignedExpertReportSchema } from '../acts/expert-report';
import { SignedPrescriptionSchema } from '../acts/prescription';

/**
 * The refusals the same document would meet again, whoever carries it (who sent it, its content,
 * its act): final. Any other (a full disk, a held database) passes: the document comes again.
 */
export const FINAL_REFUSAL_CODES: readonly string[] = ['forbidden', 'validation_failed', 'not_found'];

const outcome = z.enum(['filed', 'already_filed', 'refused']);
/** A refusal's reason: the requesting station's error or field code (translated where shown). */
const reason = z.string().max(200).nullable();

export const ReportMessageSchemas = [
  z.strictObject({ type: z.literal('act.report'), report: SignedExpertReportSchema }),
  z.strictObject({
    type: z.literal('act.report.receipt'),
    reportId: z.uuid(),
    outcome,
    reason,
  }),
  z.strictObject({ type: z.literal('act.prescription'), prescription: SignedPrescriptionSchema }),
  z.strictObject({ type: z.literal('act.prescription.receipt'), prescriptionId: z.uuid(), outcome, reason }),
] as const;
