// The sync feature as the station composes it: the sync's ledger and FHIR client, the records it
// sends and takes, its handlers, and the worker started once the region's audit head is compared.
import type { AuditSource } from './local-resources';
import { tokenSubject } from '../platform/hub/hub-token';
import type { StationPlatform } from '../platform/station-platform';
import { createConflictResolution } from './conflict-resolution';
import { createFhirClient } from './fhir-client';
import { createLocalResources, type LocalResourcesDeps } from './local-resources';
import { createReconcileRepository } from './reconcile-repository';
import { createServerVersionTaker } from './server-version';
import { startStationSync, type StationSync, type StationSyncDeps } from './station-sync';
import { syncHandlers } from './sync-handlers';
import { createSyncRepository } from './sync-repository';

export interface SyncFeatureDeps {
  uploadsUrl: string | null;
  syncTiming: StationSyncDeps['syncTiming'];
  statusChanged: () => void;
}

/** What the sync sends and takes: the features' repositories. */
export type SyncRecords = StationSyncDeps['records'] &
  Required<
    Pick<
      LocalResourcesDeps,
      'imaging' | 'teleexpertise' | 'reportPdfs' | 'remoteReports' | 'remotePrescriptions' | 'actPrescriptions'
    >
  > & {
    withMessagesPull: StationSyncDeps['withMessagesPull'];
    addressed: StationSyncDeps['addressed'];
  };

export function createSyncFeature(platform: StationPlatform, deps: SyncFeatureDeps) {
  const { db, now, events, hub, outbox, logger } = platform;
  const inTransaction = <T>(work: () => T): T => db.transaction(work)();
  const repository = createSyncRepository(db);
  const token = hub.token;
  const fhirUrl = hub.fhirUrl;
  const client =
    fhirUrl && token
      ? createFhirClient({ baseUrl: fhirUrl, token: token.current, onUnauthorized: token.rejected })
      : null;
  let worker: StationSync | null = null;
  let regionChecked: Promise<unknown> = Promise.resolve();
  let connected: {
    records: SyncRecords;
    local: ReturnType<typeof createLocalResources>;
    taker: ReturnType<typeof createServerVersionTaker>;
  } | null = null;
  let conflicts: ReturnType<typeof createConflictResolution> | null = null;

  platform.whenEnqueued(() => worker?.kick());
  let hubWasOnline = false;
  hub.onLinkChange(() => {
    // The region is back: what waited out a network drop goes now, not at the end of its back-off.
    const online = hub.link.state().state === 'online';
    if (online && !hubWasOnline && worker && repository.retryNow() > 0) worker.kick();
    // The hub went away or came back: it may have been restarted with less than it had.
    if (online !== hubWasOnline) worker?.regionMayHaveChanged();
    hubWasOnline = online;
  });

  return {
    repository,
    /** The FHIR client the téléexpertise uses for its messages and files; none without a FHIR server and a token. */
    fhir: client && token ? { client, uploadsUrl: deps.uploadsUrl, token: token.current } : null,
    /** The features' records the sync sends and takes (once they exist). */
    useRecords(records: SyncRecords): void {
      const local = createLocalResources({
        patients: records.patients,
        encounters: records.encounters,
        imaging: records.imaging,
        teleexpertise: records.teleexpertise,
        reportPdfs: records.reportPdfs,
        remoteReports: records.remoteReports,
        remotePrescriptions: records.remotePrescriptions,
        actPrescriptions: records.actPrescriptions,
        ...(records.appointments ? { appointments: records.appointments } : {}),
      });
      const taker = createServerVersionTaker({
        sync: repository,
        patients: records.patients,
        encounters: records.encounters,
        now,
        inTransaction,
        onChanged: (entity, id) => {
          if (entity === 'patient') events.emit('patients.changed', { id });
          else events.emit('encounters.changed', { id });
          deps.statusChanged();
        },
      });
      conflicts = createConflictResolution({ sync: repository, outbox, local, taker, now, inTransaction });
      connected = { records, local, taker };
    },
    handlers() {
      if (!conflicts) throw new Error('sync: useRecords comes before handlers');
      return syncHandlers({
        sync: () => worker,
        conflicts,
        publishStatus: deps.statusChanged,
        regionChecked: () => regionChecked,
      });
    },
    status: () =>
      worker?.status() ?? {
        server: fhirUrl,
        parked: 0,
        auditRefused: 0,
        conflicts: 0,
        lastError: null,
        lastPullAt: null,
        uploads: [],
      },
    /** Starts the worker once the region's audit head is compared, if the station may still start it. */
    startAfter(
      checked: Promise<unknown>,
      start: {
        audit: { syncSource: (observer: () => string | null) => AuditSource };
        stationName: string;
        mayStart: () => boolean;
      },
    ): void {
      regionChecked = checked;
      void checked.then(() => {
        if (!start.mayStart() || !(fhirUrl && token && client && connected)) return;
        const { records, local, taker } = connected;
        worker = startStationSync({
          fhirUrl,
          client,
          uploadsUrl: deps.uploadsUrl,
          token: token.current,
          syncTiming: deps.syncTiming,
          sync: repository,
          records: {
            patients: records.patients,
            encounters: records.encounters,
            calls: records.calls,
            imaging: records.imaging,
            teleexpertise: records.teleexpertise,
            remoteReports: records.remoteReports,
            remotePrescriptions: records.remotePrescriptions,
            actPrescriptions: records.actPrescriptions,
            attachments: records.attachments,
            reportPdfs: records.reportPdfs,
            ...(records.appointments ? { appointments: records.appointments } : {}),
          },
          audit: start.audit.syncSource(() => tokenSubject(token.current())),
          reconcile: {
            store: createReconcileRepository(db),
            subject: () => tokenSubject(token.current()),
            auditSite: start.stationName,
            linkDown: () => hub.link.state().state === 'offline',
          },
          local,
          taker,
          withMessagesPull: records.withMessagesPull,
          addressed: records.addressed,
          publishStatus: deps.statusChanged,
          logger,
          now,
          inTransaction,
        });
      });
    },
    stop: async () => worker?.stop(),
  };
}
