// The station's sync to the regional FHIR server, wired: the push worker (records, files by
// resumable upload, the audit trail), the pull worker (the server's changes, then téléexpertise
// messages), the reconciler (does the region still hold what was sent?) and the service that runs
// them, reading the server's CapabilityStatement first.
import type { ReconcileRepository } from './reconcile-repository';
import type { Logger } from '../platform/logger';
import type { FhirClient } from './fhir-client';
import { FhirNetworkError } from './fhir-client';
import { loadFhirDefinitions } from './fhir/validate';
import { createAddressedPull, type AddressedPullDeps } from './addressed-pull';
import { createPullWorker, type PullDeps, type PullReport } from './pull-worker';
import { createPushWorker, PUSHED_WITH_AUDIT, type PushDeps } from './push-worker';
import { createReconciler } from './reconciler';
import { uploadFile } from './resumable-upload';
import { fullCapabilities, readCapabilities } from './server-capabilities';
import { createSyncService } from './sync-service';

export interface StationSyncDeps {
  fhirUrl: string;
  client: FhirClient;
  /** The region's resumable upload endpoint (tus); none: files wait. */
  uploadsUrl: string | null;
  /** The hub token, read at each request (it is renewed). */
  token: () => string;
  syncTiming?: {
    debounceMs?: number;
    intervalMs?: number;
    pullIntervalMs?: number;
    pullMarginMs?: number;
    reconcileIntervalMs?: number;
  };
  sync: PushDeps['sync'];
  /** What is pushed: the records, the files and the kept report PDFs. */
  records: Pick<
    PushDeps,
    | 'patients'
    | 'encounters'
    | 'calls'
    | 'imaging'
    | 'teleexpertise'
    | 'remoteReports'
    | 'remotePrescriptions'
    | 'actPrescriptions'
    | 'attachments'
    | 'reportPdfs'
    | 'appointments'
  >;
  audit: NonNullable<PushDeps['audit']>;
  /** What the reconciliation keeps, this station's token subject at the hub and the name its audit rows carry. */
  reconcile: { store: ReconcileRepository; subject: () => string | null; auditSite: string; linkDown: () => boolean };
  local: PullDeps['local'];
  taker: PullDeps['taker'];
  /** Téléexpertise: its messages are pulled after the records, in the same pass. */
  withMessagesPull(puller: { runOnce(): Promise<PullReport> }): { runOnce(): Promise<PullReport> };
  /** The expert's reports after the call and their receipts, pulled last in the same pass. */
  addressed: Pick<AddressedPullDeps, 'fileReport' | 'filePrescription' | 'receiptCame'>;
  publishStatus(): void;
  logger: Logger;
  now: () => Date;
  inTransaction: <T>(work: () => T) => T;
}

export type StationSync = ReturnType<typeof createSyncService>;

export function startStationSync(deps: StationSyncDeps): StationSync {
  const { client, now } = deps;
  // The FHIR definitions (half a second of CPU) load now, before devices are steered, and not
  // in the middle of a call when the first record goes out.
  loadFhirDefinitions();
  let lastProgressAt = 0;
  const reconciler = createReconciler({
    store: deps.reconcile.store,
    client,
    subject: deps.reconcile.subject,
    auditSite: deps.reconcile.auditSite,
    audit: deps.audit,
    attachmentSha256: (id) => deps.records.calls?.attachment(id)?.sha256 ?? null,
    now,
    inTransaction: deps.inTransaction,
    log: (level, event, detail) => deps.logger[level](event, detail),
  });
  const service: StationSync = createSyncService({
    server: deps.fhirUrl,
    sync: deps.sync,
    worker: createPushWorker({
      ...deps.records,
      sync: deps.sync,
      client,
      audit: deps.audit,
      ...(deps.uploadsUrl
        ? { upload: (request) => uploadFile({ ...request, endpoint: deps.uploadsUrl!, token: deps.token }) }
        : {}),
      capabilities: () => service.capabilities() ?? fullCapabilities(),
      onUpload: (id, progress) => {
        service.uploadProgress(id, progress);
        // Progress bars move a few times a second, not at every chunk.
        if (!progress || Date.now() - lastProgressAt > 250) {
          lastProgressAt = Date.now();
          deps.publishStatus();
        }
      },
      now,
      inTransaction: deps.inTransaction,
    }),
    puller: thenAddressed(
      deps.withMessagesPull(
        createPullWorker({
          sync: deps.sync,
          client,
          local: deps.local,
          taker: deps.taker,
          now,
          types: () => (service.capabilities() ?? fullCapabilities()).pullTypes,
          ...(deps.syncTiming?.pullMarginMs !== undefined ? { marginMs: deps.syncTiming.pullMarginMs } : {}),
        }),
      ),
      createAddressedPull({
        client,
        sync: deps.sync,
        subject: deps.reconcile.subject,
        ...deps.addressed,
        now,
        ...(deps.syncTiming?.pullMarginMs !== undefined ? { marginMs: deps.syncTiming.pullMarginMs } : {}),
      }),
    ),
    reconciler,
    linkDown: deps.reconcile.linkDown,
    hasWork: () => deps.sync.due(PUSHED_WITH_AUDIT, now().toISOString(), 1).length > 0,
    loadCapabilities: async () => {
      try {
        const answer = await client.capabilities();
        return answer.status === 200
          ? readCapabilities(answer.resource)
          : fullCapabilities([
              `The regional server answered ${answer.status} for its CapabilityStatement: the station assumes a standard FHIR R4 server.`,
            ]);
      } catch (error) {
        if (error instanceof FhirNetworkError) return null;
        throw error;
      }
    },
    onChange: deps.publishStatus,
    log: (event, detail) => deps.logger.info(event, detail),
    now,
    ...deps.syncTiming,
  });
  service.kick();
  return service;
}

/** The records' pull, then the addressed messages' in the same pass; the first to stop says why. */
function thenAddressed(
  puller: { runOnce(): Promise<PullReport> },
  addressed: { runOnce(): Promise<{ stoppedBy: string | null }> },
): { runOnce(): Promise<PullReport> } {
  return {
    async runOnce() {
      const report = await puller.runOnce();
      if (report.stoppedBy !== null) return report;
      return { ...report, stoppedBy: (await addressed.runOnce()).stoppedBy };
    },
  };
}
