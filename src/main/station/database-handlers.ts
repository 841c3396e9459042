// The technician's channels for the station's database (checks, backups, the decision for a held
// database) and its line in the station status. The decision stops the station's services and
// starts them again on the new file (station-supervisor.ts).
import type { Handlers } from '../../shared/contract';
import type { DatabaseStatus, RecoveryReport } from '../../shared/station/database';
import { RecoveryReportSchema } from '../../shared/station/database';
import type { Who } from '../audit';
import { AppFailure } from '../contract/failure';
import { backupPath, inspectDatabaseFile, listBackups } from '../platform/database/database-backups';
import type { SyncRepository } from '../sync';
import type { DatabaseGuard } from '../platform/database/database-guard';
import {
  applyDecision,
  RECOVERY_STATE_KEY,
  RegionUnreachableError,
  type HeldContext,
} from './recovery/database-decision';
import { readAuditAnchor, type DatabaseSettings } from '../platform/database/open-at-start';
import type { Restart } from './station-supervisor';
import { fetchAuditHead } from '../platform/hub/audit-head';

export interface DatabaseChannelsDeps {
  dataDir: string;
  key: Buffer;
  guard: DatabaseGuard;
  settings: DatabaseSettings;
  sync: Pick<SyncRepository, 'state'>;
  /** Events recorded in memory while the database is held. */
  unwritten: () => HeldContext['carried'];
  who: () => Who;
  stationName: string;
  region: () => HeldContext['region'];
  /** Calls under way: a decision waits for them to end (it restarts the station's services). */
  openCalls: () => number;
  restart: Restart | null;
  /** The database became held while the station runs: the status is published, the sync stopped. */
  onHeld: () => void;
}

export function createDatabaseChannels(deps: DatabaseChannelsDeps) {
  const { guard, settings } = deps;
  guard.onHeld(deps.onHeld);
  if (!guard.held()) guard.startDailyBackups();

  function lastRecovery(): RecoveryReport | null {
    const saved = deps.sync.state(RECOVERY_STATE_KEY);
    if (!saved) return null;
    const parsed = RecoveryReportSchema.safeParse(JSON.parse(saved));
    return parsed.success ? parsed.data : null;
  }

  function heldContext(): HeldContext {
    const hold = guard.hold();
    if (!hold)
      throw new AppFailure(
        'not_found',
        'The database is not held: there is nothing to decide. (A backup is restored only over a damaged, missing or older database.)',
      );
    return {
      hold,
      heldLastSeq: guard.startSeq,
      anchorSeq: readAuditAnchor(deps.dataDir)?.seq ?? 0,
      carried: deps.unwritten(),
      who: deps.who(),
      stationName: deps.stationName,
      region: deps.region(),
    };
  }

  const handlers: Pick<
    Handlers,
    'database.check' | 'database.backups' | 'database.backup' | 'database.checkBackup' | 'database.decide'
  > = {
    'database.check': () => guard.check(),
    'database.backups': () => listBackups(deps.dataDir),
    'database.backup': () => guard.backup('manual'),
    'database.checkBackup': ({ name }) => {
      const backup = listBackups(deps.dataDir).find((b) => b.name === name);
      if (!backup) throw new AppFailure('not_found', `No backup named ${name} in ${deps.dataDir}/backups.`);
      return {
        name,
        takenAt: backup.takenAt,
        ...inspectDatabaseFile(backupPath(deps.dataDir, name), deps.key, settings.now),
      };
    },
    'database.decide': async (decision) => {
      const held = heldContext();
      if (deps.openCalls() > 0)
        throw new AppFailure(
          'validation_failed',
          'A call is under way: the station restarts its services to change its database. End the call first.',
        );
      if (!deps.restart)
        throw new AppFailure('internal', 'This station cannot restart its services to change its database.');
      try {
        return await deps.restart(() => applyDecision(deps.dataDir, deps.key, decision, held, settings));
      } catch (error) {
        if (error instanceof RegionUnreachableError) {
          throw new AppFailure(
            'hub_unavailable',
            `Nothing was changed: ${error.message}. The region holds what this database lacks; decide again once it can be reached.`,
          );
        }
        throw error;
      }
    },
  };

  return {
    handlers,
    status: (): DatabaseStatus => guard.status(lastRecovery()),
    /**
     * Asks the region for its copy of the last audit row (GET /audit/head) and holds the database
     * when it is further on than this one; settles either way (unreachable: said in the log).
     */
    async compareWithRegion(region: { headUrl: string | null; token: () => string } | null): Promise<void> {
      if (!region?.headUrl || guard.held()) return;
      try {
        guard.compareWithRegion(
          await fetchAuditHead(region.headUrl, region.token(), deps.stationName, { timeoutMs: 5000 }),
        );
      } catch (error) {
        settings.logger.warn('database.region_not_asked', { error: String((error as Error)?.message ?? error) });
      }
    },
  };
}
