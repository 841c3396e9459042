// The contract's audit channels (assembled in src/shared/contract.ts): the page's own audit notes,
// the check of the hash chain, and the newest rows for an audit screen.
import { z } from 'zod';
import { AuditEntrySchema, AuditNoteSchema, AuditVerdictSchema } from './audit';

export const AUDIT_CHANNELS = {
  /** The page records an event of its own (see AuditNoteSchema). */
  'audit.note': { input: AuditNoteSchema, output: z.strictObject({ recorded: z.literal(true) }) },
  /** Walks the whole hash chain and says where it first breaks. */
  'audit.verify': { input: z.strictObject({}), output: AuditVerdictSchema },
  /** The newest rows, newest first (for an audit screen). */
  'audit.recent': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(AuditEntrySchema),
  },
} as const;
