// The contract's channels for the report the expert writes on her station about an act of another
// station (issue 21, point 4), assembled in src/shared/contract.ts with the remote acts': her
// draft as she left it, the versions she signed (the SHA-256 computed by main, from her signed-in
// identity) and whether the requesting station has each one.
import { z } from 'zod';
import { PeerIdSchema } from '../hub-protocol';
import { REPORT_TEMPLATE_IDS } from '../acts/expert-report-templates';
import { ReportSectionsSchema, SignedExpertReportSchema } from '../acts/expert-report';
import { channel } from '../channel';
import { ActContextPatientSchema } from '../calls/act-context';
import { ActTypeSchema } from '../acts/encounter';

const section = z.string().max(20_000);

/** A draft may be anything she typed so far: even its conclusion may still be empty. */
export const DraftSectionsSchema = z.strictObject({
  motif: section,
  histoire: section,
  examen: section,
  mesures: section,
  conclusion: section,
  conduite: section,
  suivi: section,
});

/** In a request: the signed version this one corrects (the first stays, marked replaced), and why. */
const CorrectionSchema = {
  replaces: z.uuid().nullable(),
  correctionReason: z.string().trim().max(1000).optional(),
};

export const ReportDraftSchema = z.object({
  template: z.enum(REPORT_TEMPLATE_IDS),
  sections: DraftSectionsSchema,
  replaces: z.uuid().nullable(),
  correctionReason: z.string().nullable(),
  savedAt: z.string(),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

/** Where a signed version stands at the requesting station. */
export const ReportDeliverySchema = z.discriminatedUnion('state', [
  /** Not yet acknowledged: sent again when a call about the act opens its link. */
  z.object({ state: z.literal('pending') }),
  z.object({ state: z.literal('delivered'), via: z.enum(['call', 'hub']), at: z.string() }),
  /** The requesting station refused it, with its reason: nothing is sent again. */
  z.object({ state: z.literal('refused'), reason: z.string(), at: z.string() }),
]);
export type ReportDelivery = z.infer<typeof ReportDeliverySchema>;

export const RemoteReportSchema = z.object({
  report: SignedExpertReportSchema,
  delivery: ReportDeliverySchema,
  /** A later version corrects this one. */
  replacedBy: z.uuid().nullable(),
});
export type RemoteReport = z.infer<typeof RemoteReportSchema>;

const ActKeySchema = { peerId: PeerIdSchema, actId: z.uuid() };

/** One act of another station whose report she still owes, or whose report has not reached it. */
export const WorklistItemSchema = z.object({
  peerId: z.string(),
  /** The requesting station as the hub named it. */
  peerName: z.string(),
  actId: z.uuid(),
  actType: ActTypeSchema,
  reason: z.string(),
  patient: ActContextPatientSchema,
  /** When its first context came (the act's wait is counted from it). */
  since: z.string(),
  /** to_write: nothing yet; draft: begun; waiting: signed, not yet received there; refused: refused there. */
  state: z.enum(['to_write', 'draft', 'waiting', 'refused']),
});
export type WorklistItem = z.infer<typeof WorklistItemSchema>;

export const REMOTE_REPORT_CHANNELS = {
  /** Her report of the act: the draft she left, if any, and every signed version, oldest first. */
  'remoteActs.report': channel(
    z.strictObject(ActKeySchema),
    z.object({ draft: ReportDraftSchema.nullable(), signed: z.array(RemoteReportSchema) }),
  ),
  'remoteActs.saveDraft': channel(
    z.strictObject({
      ...ActKeySchema,
      template: z.enum(REPORT_TEMPLATE_IDS),
      sections: DraftSectionsSchema,
      ...CorrectionSchema,
    }),
    ReportDraftSchema,
  ),
  // SECURITY: who signs is never in the payload: main takes her from the sign-in, and her hub
  // identity from the hub's welcome, and computes the SHA-256 itself.
  /** Signs these sections in her name; the act's draft goes. Refused when she is not signed in. */
  'remoteActs.sign': channel(
    z.strictObject({ ...ActKeySchema, sections: ReportSectionsSchema, ...CorrectionSchema }),
    RemoteReportSchema,
  ),
  /** Her worklist: the acts whose report she owes or that has not arrived, the longest waiting first. */
  'remoteActs.worklist': channel(
    z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    z.array(WorklistItemSchema),
  ),
  /** What the requesting station answered when the report reached it over the call. */
  'remoteActs.delivered': channel(
    z.strictObject({
      reportId: z.uuid(),
      outcome: z.enum(['filed', 'already_filed', 'refused']),
      /** A refusal's reason, as the requesting station gave it. */
      reason: z.string().max(1000).optional(),
    }),
    RemoteReportSchema,
  ),
} as const;

export const REMOTE_REPORT_EVENTS = {
  /** Her report of this act changed: a version signed, received or refused there. */
  'remoteActs.reportChanged': z.object({ peerId: z.string(), actId: z.uuid() }),
} as const;
