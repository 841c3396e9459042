// Runs the sync in the background: soon after each local change (debounced), and every few
// seconds to retry what waits; one pass at a time. A pass reads the server's CapabilityStatement
// first (once it has it, it keeps it), pushes what is due, then, when nothing is left to push
// and the pull interval has passed, pulls the server's changes. Keeps what the screens show: the
// server, what is parked or in conflict, files on their way, and the last error in words.
import type { SyncRepository } from '../db/sync-repository';
import type { PullReport } from './pull-worker';
import type { PushReport, UploadProgress } from './push-worker';
import type { ServerCapabilities } from './server-capabilities';

export interface SyncServiceDeps {
  server: string;
  worker: { runOnce(): Promise<PushReport> };
  puller?: { runOnce(): Promise<PullReport> };
  /** Reads the server's capabilities; null when the server could not be reached (tried again next pass). */
  loadCapabilities?: () => Promise<ServerCapabilities | null>;
  sync: SyncRepository;
  /** Something is due to be pushed now (an idle station does not call the server at all). */
  hasWork?: () => boolean;
  onChange: () => void;
  log: (event: string, detail?: Record<string, unknown>) => void;
  now?: () => Date;
  intervalMs?: number;
  debounceMs?: number;
  pullIntervalMs?: number;
}

export function createSyncService(deps: SyncServiceDeps) {
  const now = deps.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  let again = false;
  let lastError: string | null = null;
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  let capabilities: ServerCapabilities | null = null;
  // The first pull comes one interval after start: a station starting up (and its embedded
  // hub, which loads the FHIR definitions on first use) has better things to do at once.
  let lastPullAt = now().getTime();
  let pullSoon = false;
  const uploads = new Map<string, UploadProgress>();
  const timer = setInterval(() => void run(), deps.intervalMs ?? 10_000);

  async function pass(): Promise<void> {
    try {
      const pullDue = pullSoon || now().getTime() - lastPullAt >= (deps.pullIntervalMs ?? 30_000);
      if (!capabilities && deps.loadCapabilities && (pullDue || (deps.hasWork?.() ?? true))) {
        capabilities = await deps.loadCapabilities();
        if (capabilities?.notes.length) deps.log('sync.capabilities', { notes: capabilities.notes });
      }
      const report = await deps.worker.runOnce();
      lastError = report.stoppedBy;
      if (report.pushed || report.parked || report.conflicts || report.stoppedBy) deps.log('sync.pass', { ...report });
      if (report.auditRefused > 0) {
        // SECURITY: for the regional IT, not for the clinician: the region refused rows of the audit trail.
        deps.log('sync.audit_refused', {
          rows: report.auditRefused,
          waiting: deps.sync.auditRefusedCount(),
          what: 'The regional server refused audit rows of this station: the sync screen gives the reason. A rewritten trail is refused for good; tell the regional IT.',
        });
      }
      if (deps.puller && report.stoppedBy === null && report.pushed === 0 && pullDue) {
        const pulled = await deps.puller.runOnce();
        lastPullAt = now().getTime();
        pullSoon = false;
        lastError = pulled.stoppedBy;
        if (pulled.applied || pulled.refused || pulled.stoppedBy) deps.log('sync.pull', { ...pulled });
      }
    } catch (error) {
      lastError = `Sync failed: ${(error as Error).message}`;
      deps.log('sync.failed', { error: (error as Error).message });
    }
    deps.onChange();
  }

  function run(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = null;
      if (again && !stopped) {
        again = false;
        void run();
      }
    });
    return running;
  }

  return {
    /** A local change: push soon. */
    kick(): void {
      if (debounce) clearTimeout(debounce);
      debounce = setTimeout(() => void run(), deps.debounceMs ?? 500);
    },
    /** One pass now, the pull included (a person pressed "Synchroniser"). */
    runNow(): Promise<void> {
      pullSoon = true;
      return run();
    },
    /** What the server can do, once read; a standard server until then. */
    capabilities: (): ServerCapabilities | null => capabilities,
    /** The push worker reports each file's progress here. */
    uploadProgress(attachmentId: string, progress: UploadProgress | null): void {
      if (progress) uploads.set(attachmentId, progress);
      else uploads.delete(attachmentId);
    },
    status: () => ({
      server: deps.server,
      parked: deps.sync.parkedCount(),
      auditRefused: deps.sync.auditRefusedCount(),
      conflicts: deps.sync.openConflicts().length,
      lastError,
      lastPullAt: deps.sync.state('last_pull_at'),
      uploads: [...uploads.values()],
    }),
    details: () => ({
      parked: deps.sync.parkedRows(200).map(({ entity, entityId, error, since }) => ({ entity, entityId, error, since })),
      auditRefused: deps.sync.auditRefusedRows(200).map(({ entity, entityId, error, since }) => ({ entity, entityId, error, since })),
      conflicts: deps.sync.openConflicts(),
      refused: deps.sync.inboundErrors(200),
      notes: capabilities?.notes ?? [],
    }),
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      if (debounce) clearTimeout(debounce);
      await running;
    },
  };
}
