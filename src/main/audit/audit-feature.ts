// The audit feature as the station composes it: the chained trail in the data folder, written while
// the database is writable, and compared with the region's copy of its last row through the hub.
import { auditHeadUrl } from '../platform/hub/audit-head';
import type { StationPlatform } from '../platform/station-platform';
import { createStationAudit, type StationAuditDeps } from './audit-handlers';

export interface AuditFeatureDeps {
  encounters: StationAuditDeps['encounters'];
  signedIn: NonNullable<StationAuditDeps['signedIn']>;
  hubIdentity: StationAuditDeps['hubIdentity'];
}

export function createAuditFeature(platform: StationPlatform, deps: AuditFeatureDeps) {
  const { hub, guard } = platform;
  const regionHead = hub.token ? { headUrl: auditHeadUrl(hub.url, hub.fhirUrl), token: hub.token.current } : null;
  const audit = createStationAudit({
    db: platform.db,
    dataDir: platform.dataDir,
    outbox: platform.outbox,
    encounters: deps.encounters,
    stationName: platform.stationName,
    now: platform.now,
    logger: platform.logger,
    signedIn: deps.signedIn,
    region: regionHead,
    hubIdentity: deps.hubIdentity,
    writable: () => !guard.held(),
  });
  /** The region's copy of the last audit row: where to ask for it and with which token; null: no hub. */
  return { ...audit, regionHead };
}
