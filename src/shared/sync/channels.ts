// The contract's sync channels and events (assembled in src/shared/contract.ts): the sync to the
// regional FHIR server as the person sees it: details, conflicts, retry, now.
import { z } from 'zod';
import { channel, noInput } from '../channel';
import { ResolveConflictInputSchema, SyncDetailsSchema, SyncRetryResultSchema } from '../station/station';

export const SYNC_CHANNELS = {
  'sync.details': channel(noInput, SyncDetailsSchema),
  'sync.resolve': channel(
    ResolveConflictInputSchema,
    z.strictObject({ entity: z.string(), entityId: z.string(), keep: z.enum(['station', 'server']) }),
  ),
  'sync.now': channel(noInput, z.strictObject({ done: z.literal(true) })),
  'sync.retry': channel(
    z.strictObject({ entity: z.string().min(1).max(50), entityId: z.string().min(1).max(300) }),
    SyncRetryResultSchema,
  ),
} as const;
