// The expert's signed report over the call's data channel (issue 21, point 4): expert -> requesting
// station, which files it (expert-report-intake.ts checks who sent it and its SHA-256) and answers
// with a receipt: filed, already filed, or refused with the code of its reason. Spread into
// RemoteMessageSchema; parsed from a remote peer, so strict and bounded.
import { z } from 'zod';
import { SignedExpertReportSchema } from '../acts/expert-report';

export const ReportMessageSchemas = [
  z.strictObject({ type: z.literal('act.report'), report: SignedExpertReportSchema }),
  z.strictObject({
    type: z.literal('act.report.receipt'),
    reportId: z.uuid(),
    outcome: z.enum(['filed', 'already_filed', 'refused']),
    /** A refusal's reason: the requesting station's error or field code (translated where shown). */
    reason: z.string().max(200).nullable(),
  }),
] as const;
