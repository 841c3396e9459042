// Reads the station's state from the services that own it, for the home screen.
import type { DiskStatus, HubTokenStatus, StationStatus } from '../../shared/station/station';
import type { OutboxRepository } from '../platform/database/outbox-repository';
import type { HubLink } from '../platform/hub/hub-link';

export interface StationStatusDeps {
  /** The name the screens show (station-display-name.ts): never the host name. */
  stationName: () => string;
  mode: StationStatus['mode'];
  dataDir: string;
  dataProtection: StationStatus['dataProtection'];
  signIn: StationStatus['signIn'];
  /** The IT support contact (RELAIS_SUPPORT_CONTACT, support-contact.ts); none: the screens' default. */
  supportContact?: string | null;
  devices: { list(): StationStatus['devices'] };
  hub: HubLink;
  /** The hub token's state (hub-token.ts), when the station has one. */
  hubToken?: () => HubTokenStatus;
  outbox: OutboxRepository;
  patientCount: () => number;
  /** The database's state (held or not) and its backups (station-database-channels.ts). */
  database: () => StationStatus['database'];
  sync: () => Omit<StationStatus['sync'], 'pending' | 'lastSyncAt' | 'waitingForAct'>;
  /** The data folder's disk (station-disk.ts). */
  disk: () => DiskStatus;
}

export function createStationStatusService(deps: StationStatusDeps) {
  return {
    status(): StationStatus {
      return {
        stationName: deps.stationName(),
        mode: deps.mode,
        dataDir: deps.dataDir,
        dataProtection: deps.dataProtection,
        supportContact: deps.supportContact ?? null,
        signIn: deps.signIn,
        devices: deps.devices.list(),
        hub: deps.hubToken ? { ...deps.hub.state(), token: deps.hubToken() } : deps.hub.state(),
        sync: {
          ...deps.sync(),
          pending: deps.outbox.pendingCount(),
          waitingForAct: deps.outbox.waitingForActCount(),
          lastSyncAt: deps.outbox.lastSyncAt(),
        },
        patientCount: deps.patientCount(),
        disk: deps.disk(),
        database: deps.database(),
      };
    },
  };
}
