// The audit trail as the page sees it: what the page tells the station to record (an export it
// made itself, images shown in a call), the chain's verdict and the last rows, and their channels.
// Remote-control grants are not notes: the station holds them and records them itself.
import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What happens in the page only, that the station must still record. */
export const AuditNoteSchema = z.discriminatedUnion('event', [
  /** The monthly activity saved as a CSV file by the browser. */
  z.strictObject({ event: z.literal('activity.csvExported'), fileName: text(200), detail: text(300).optional() }),
  /** Images of a patient shown to the other side of a call. */
  z.strictObject({
    event: z.literal('imaging.shared'),
    callId: text(100),
    patientId: text(64).optional(),
    detail: text(300).optional(),
  }),
]);
export type AuditNote = z.infer<typeof AuditNoteSchema>;

export const AuditVerdictSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  lastSeq: z.number().int(),
  brokenAt: z.number().int().nullable(),
  reason: z.enum(['hash_mismatch', 'broken_link', 'gap', 'tail_missing', 'anchor_mismatch']).nullable(),
  message: z.string().nullable(),
  /** Where the chain's end was also remembered, and what could not be checked. */
  anchors: z.array(z.object({ source: z.string(), seq: z.number().int() })),
  warnings: z.array(z.string()),
});
export type AuditVerdictView = z.infer<typeof AuditVerdictSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  station: z.string(),
  who: z.string(),
  person: z.string().nullable(),
  action: z.string(),
  event: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  patientIds: z.array(z.string()),
  outcome: z.string(),
  detail: z.string().nullable(),
  origin: z.string(),
});
