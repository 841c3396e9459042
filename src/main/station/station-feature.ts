// The station feature as the station composes it: the database's health and decisions, the status
// the screens show, and the data folder's disk watch, on the platform the other features share.
import type { Peer } from '../../shared/hub-protocol';
import type { StationPlatform } from '../platform/station-platform';
import { tokenSubject } from '../platform/hub/hub-token';
import { createDatabaseChannels, type DatabaseChannelsDeps } from './database-handlers';
import type { createStationDisk } from './station-disk';
import { stationHandlers } from './station-handlers';
import { stationDisplayName } from './station-display-name';
import { createStationStatusService, type StationStatusDeps } from './station-status-service';
import type { Restart } from './station-supervisor';

export interface StationFeatureDeps {
  mode: StationStatusDeps['mode'];
  signIn: StationStatusDeps['signIn'];
  supportContact: StationStatusDeps['supportContact'];
  restart: Restart | null;
  disk: ReturnType<typeof createStationDisk>;
  who: DatabaseChannelsDeps['who'];
  /** The audit trail: its rows kept in memory while the database is held, its waiting rows for the disk. */
  audit: Parameters<ReturnType<typeof createStationDisk>['watch']>[0] & Pick<DatabaseChannelsDeps, 'unwritten'>;
  sync: { repository: DatabaseChannelsDeps['sync']; status: StationStatusDeps['sync']; stop: () => Promise<void> };
  devices: StationStatusDeps['devices'];
  patientCount: StationStatusDeps['patientCount'];
  openCalls: DatabaseChannelsDeps['openCalls'];
  /** Who the hub knows this station as (its token's name and site), null before it answers. */
  hubIdentity: () => Pick<Peer, 'name' | 'site'> | null;
  statusChanged: () => void;
}

export function createStationFeature(platform: StationPlatform, deps: StationFeatureDeps) {
  const { hub, keys, now, logger, stationName, dataDir } = platform;
  const { disk, sync } = deps;
  const database = createDatabaseChannels({
    dataDir,
    key: keys.database,
    guard: platform.guard,
    settings: { now, logger },
    sync: sync.repository,
    restart: deps.restart,
    stationName,
    who: deps.who,
    unwritten: deps.audit.unwritten,
    region: () => {
      if (!hub.fhirUrl || !hub.token) return null;
      return { fhirUrl: hub.fhirUrl, token: hub.token.current(), sub: tokenSubject(hub.token.current()) };
    },
    openCalls: deps.openCalls,
    onHeld: () => void Promise.all([deps.statusChanged(), sync.stop()]),
  });
  const status = createStationStatusService({
    // Never the host name on a screen (platform.stationName stays in the audit trail and the logs).
    stationName: () => stationDisplayName(deps.hubIdentity()),
    mode: deps.mode,
    dataDir,
    signIn: deps.signIn,
    supportContact: deps.supportContact,
    outbox: platform.outbox,
    dataProtection: { protection: keys.protection, keyPath: keys.keyPath, weaknesses: keys.weaknesses },
    devices: deps.devices,
    hub: hub.link,
    ...(hub.token ? { hubToken: hub.token.status } : {}),
    patientCount: deps.patientCount,
    database: database.status,
    sync: sync.status,
    disk: disk.status,
  });
  disk.watch(deps.audit, deps.statusChanged);
  return {
    status,
    database,
    handlers: { ...stationHandlers(status), ...database.handlers },
  };
}
