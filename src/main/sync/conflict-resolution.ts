// A person settles a conflict: keep the station's version (it is sent again, over the server's
// version they saw; if the server changed once more meanwhile, that is a new conflict) or take
// the server's (written into the station's record for patients and acts; for a measurement, a
// consent or a file, the station stops sending its copy and keeps it as recorded). Who chose, and
// what, stays with the conflict.
import type { Resource } from '@medplum/fhirtypes';
import { AppFailure } from '../contract/failure';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { SyncRepository } from './sync-repository';
import { FhirMappingError } from './fhir/mapping-error';
import { RESOURCE_TYPE, type LocalResources } from './local-resources';
import { TAKEN_FROM_SERVER, type ServerVersionTaker } from './server-version';

export interface ConflictResolutionDeps {
  sync: SyncRepository;
  outbox: OutboxRepository;
  local: LocalResources;
  taker: ServerVersionTaker;
  now: () => Date;
  inTransaction: <T>(work: () => T) => T;
}

export function createConflictResolution(deps: ConflictResolutionDeps) {
  return {
    /** A refused record sent again (the server or the record was fixed); not one in conflict: that is a choice. */
    retry(entity: string, entityId: string): { retried: number } {
      if (deps.sync.openConflicts().some((c) => c.entity === entity && c.entityId === entityId)) {
        throw new AppFailure('stale_version', 'This record is in conflict: choose between the two versions instead.');
      }
      const rows = deps.sync.rowsOf(entity, entityId);
      if (rows === 0) throw new AppFailure('not_found', 'Nothing of this record waits to be sent.');
      deps.sync.unpark(entity, entityId);
      return { retried: rows };
    },

    /** What came of a retry once a pass has run: gone, refused again (with the reason), or still waiting (and why). */
    retryOutcome(
      entity: string,
      entityId: string,
      lastError: string | null,
    ): { outcome: 'sent' | 'waiting' | 'refused'; error: string | null } {
      if (deps.sync.rowsOf(entity, entityId) === 0) return { outcome: 'sent', error: null };
      const refused = deps.sync.parkedReason(entity, entityId);
      return refused !== null ? { outcome: 'refused', error: refused } : { outcome: 'waiting', error: lastError };
    },

    resolve(
      conflictId: number,
      keep: 'station' | 'server',
      by: string,
    ): { entity: string; entityId: string; keep: 'station' | 'server' } {
      const conflict = deps.sync.conflict(conflictId);
      if (!conflict) throw new AppFailure('not_found', `No conflict ${conflictId}.`);
      if (conflict.resolution)
        throw new AppFailure('stale_version', 'This conflict was already settled; reload the list.');
      const { entity, entityId } = conflict;
      const server = conflict.server as (Resource & { meta?: { versionId?: string } }) | null;
      const serverVersion = server?.meta?.versionId ?? null;
      const at = deps.now().toISOString();
      if (keep === 'station') {
        // Files and messages are rebuilt when sent (their upload address); their rows are what counts.
        const mine = deps.local.build(entity, entityId);
        const rows = deps.sync.rowsOf(entity, entityId);
        if (!mine && rows === 0) throw new AppFailure('not_found', 'The station no longer holds this record.');
        const resourceType =
          server?.resourceType ??
          (conflict.local as Resource | null)?.resourceType ??
          RESOURCE_TYPE[entity] ??
          'Resource';
        deps.inTransaction(() => {
          deps.sync.adoptServerVersion(entity, entityId, resourceType, serverVersion, at);
          deps.sync.unpark(entity, entityId);
          if (rows === 0 && mine) deps.outbox.enqueue(entity, entityId, mine.version, 'update', at);
          deps.sync.resolveConflicts(entity, entityId, 'station', by, at);
        });
      } else {
        if (!server)
          throw new AppFailure(
            'not_found',
            'The regional server no longer has this record: only the station’s version can be kept.',
          );
        deps.inTransaction(() => {
          if ((TAKEN_FROM_SERVER as readonly string[]).includes(entity)) {
            try {
              deps.taker.take(entity, server, serverVersion);
            } catch (error) {
              if (error instanceof FhirMappingError) throw new AppFailure('validation_failed', error.message);
              throw error;
            }
          } else {
            deps.sync.adoptServerVersion(entity, entityId, server.resourceType, serverVersion, at);
          }
          deps.sync.dropRows(entity, entityId);
          deps.sync.resolveConflicts(entity, entityId, 'server', by, at);
        });
      }
      return { entity, entityId, keep };
    },
  };
}
