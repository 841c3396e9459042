// The sync's contract handlers, as the person sees the sync: what waits and why, a conflict
// resolved, a record sent again now, a pass now. Without a regional server, the sync is null.
import type { Handlers } from '../../shared/contract';
import { AppFailure } from '../contract/failure';
import type { createConflictResolution } from './conflict-resolution';
import type { StationSync } from './station-sync';

export interface SyncHandlersDeps {
  /** The running sync; null without a regional server, or before it started. */
  sync: () => StationSync | null;
  conflicts: ReturnType<typeof createConflictResolution>;
  publishStatus: () => void;
  /** Settles once the region's copy of the audit trail was compared (the sync starts after it). */
  regionChecked: () => Promise<unknown>;
}

export const syncHandlers = ({
  sync,
  conflicts,
  publishStatus,
  regionChecked,
}: SyncHandlersDeps): Partial<Handlers> => ({
  'sync.details': () =>
    sync()?.details() ?? { parked: [], auditRefused: [], conflicts: [], refused: [], notes: [], reconciliation: null },
  'sync.resolve': ({ conflictId, keep, by }) => {
    const resolved = conflicts.resolve(conflictId, keep, by);
    sync()?.kick();
    publishStatus();
    return resolved;
  },
  'sync.retry': async ({ entity, entityId }) => {
    const { retried } = conflicts.retry(entity, entityId);
    publishStatus();
    // Sent now, so that the person who pressed the button sees what came of it.
    const service = sync();
    if (service) await service.passAfterNow();
    publishStatus();
    return { retried, ...conflicts.retryOutcome(entity, entityId, sync()?.status().lastError ?? null) };
  },
  'sync.now': async () => {
    await regionChecked();
    const service = sync();
    if (!service)
      throw new AppFailure(
        'hub_unavailable',
        'No regional FHIR server is configured: the records stay on this station.',
      );
    await service.runNow();
    return { done: true as const };
  },
});
