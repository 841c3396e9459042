// Runs the sync in the background: soon after each local change (debounced), and every few
// seconds to retry what waits; one pass at a time. A pass reads the server's CapabilityStatement
// first (once it has it, it keeps it), checks that the region still holds what was sent when that
// is due (reconciler.ts: at start, when the hub link changes, after the region could not be
// reached or answered 404 to an update, and every 15 minutes), pushes what is due, then, when
// nothing is left to push (the outbox drained) and the pull interval has passed or a person asked,
// pulls the server's changes. Keeps what
// the screens show: the server, what is parked or in conflict, files on their way, the checks of
// the region, and the last error in words.
import type { SyncRepository } from './sync-repository';
import type { PullReport } from './pull-worker';
import type { PushReport, UploadProgress } from './push-worker';
import type { Reconciler } from './reconciler';
import type { ServerCapabilities } from './server-capabilities';

export interface SyncServiceDeps {
  server: string;
  worker: { runOnce(): Promise<PushReport> };
  puller?: { runOnce(): Promise<PullReport> };
  /** Checks that the region still holds what was sent, and puts back what it lacks. */
  reconciler?: Pick<Reconciler, 'runOnce' | 'announceIfSent' | 'state' | 'resendWaiting'>;
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
  /** How often the region is checked when nothing else asks for it (15 minutes by default). */
  reconcileIntervalMs?: number;
  /** The hub link is configured and down: the region may be restarting, so each pass checks it before pushing. */
  linkDown?: () => boolean;
}

const addReports = (a: PushReport, b: PushReport): PushReport => ({
  pushed: a.pushed + b.pushed,
  parked: a.parked + b.parked,
  auditRefused: a.auditRefused + b.auditRefused,
  conflicts: a.conflicts + b.conflicts,
  stoppedBy: b.stoppedBy,
  regionLost: a.regionLost + b.regionLost,
  unreachable: a.unreachable || b.unreachable,
});

/** What the sync screen shows of the checks of the region. */
const pick = ({ checkedAt, missing, unchecked, auditGap, lastResend }: ReturnType<Reconciler['state']>) => ({
  checkedAt,
  missing,
  unchecked,
  auditGap,
  lastResend,
});

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
  // Checked at the first pass, then when something says the region may have changed.
  let reconcileDue = true;
  let lastReconcileAt = now().getTime();
  const timer = setInterval(() => void run(), deps.intervalMs ?? 10_000);

  /** One check of the region; false when it could not be done (the push waits then). */
  async function reconcile(): Promise<boolean> {
    if (!deps.reconciler) return true;
    const checked = await deps.reconciler.runOnce();
    if (checked.stoppedBy !== null) {
      lastError = checked.stoppedBy;
      return false;
    }
    // While the hub link is down, a check can be answered by a region about to go away: the next
    // pass checks again (its first request fails at once when the region is really gone).
    reconcileDue = deps.linkDown?.() ?? false;
    lastReconcileAt = now().getTime();
    return true;
  }

  /** Pushes what is due; an update answered 404 (the region lost it) is checked for and sent again at once. */
  async function push(): Promise<PushReport> {
    let report = await deps.worker.runOnce();
    if (report.regionLost > 0) {
      deps.log('sync.region_lost', {
        updates: report.regionLost,
        what: 'The regional server answered 404 to an update: it lost records this station had sent. They are checked and sent again.',
      });
      reconcileDue = true;
      if (await reconcile()) report = addReports(report, await deps.worker.runOnce());
    }
    if (report.unreachable) {
      // The region could not be reached (or closed the connection: it restarted?): it is checked
      // before anything more goes, at once when it answers again.
      reconcileDue = true;
      if (deps.reconciler && (await reconcile())) report = addReports(report, await deps.worker.runOnce());
    }
    deps.reconciler?.announceIfSent();
    return report;
  }

  async function pass(): Promise<void> {
    try {
      const pullDue = pullSoon || now().getTime() - lastPullAt >= (deps.pullIntervalMs ?? 30_000);
      if (!capabilities && deps.loadCapabilities && (pullDue || (deps.hasWork?.() ?? true))) {
        capabilities = await deps.loadCapabilities();
        if (capabilities?.notes.length) deps.log('sync.capabilities', { notes: capabilities.notes });
      }
      const checkDue = reconcileDue || now().getTime() - lastReconcileAt >= (deps.reconcileIntervalMs ?? 15 * 60_000);
      // SECURITY: nothing goes to a region that may have lost records before it is checked: its
      // copy of the audit chain must get this station's rows again from the first one it lacks.
      if (deps.reconciler && checkDue && !(await reconcile())) {
        deps.onChange();
        return;
      }
      const report = await push();
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
      // The pull waits for the outbox to be drained (a record changed here goes before the
      // region's copy comes back), not for a pass that pushed nothing: a station that writes all
      // the time (each record read is an audit row) would otherwise never pull, and a nurse pressing
      // "Vérifier les réponses maintenant" every few seconds would never see the expert's answer.
      const drained = report.pushed === 0 || !(deps.hasWork?.() ?? true);
      if (deps.puller && report.stoppedBy === null && drained && pullDue) {
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

  function kick(): void {
    if (debounce) clearTimeout(debounce);
    debounce = setTimeout(() => void run(), deps.debounceMs ?? 500);
  }

  return {
    /** A local change: push soon. */
    kick,
    /** One pass now, the pull included (a person pressed "Synchroniser"). */
    runNow(): Promise<void> {
      pullSoon = true;
      return run();
    },
    /** The hub link went down or came back: the region may have been restarted; checked at the next pass. */
    regionMayHaveChanged(): void {
      reconcileDue = true;
      kick();
    },
    /** A pass that starts after this call (one running now is waited for first). */
    async passAfterNow(): Promise<void> {
      if (running) await running;
      await run();
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
      parked: deps.sync
        .parkedRows(200)
        .map(({ entity, entityId, error, since }) => ({ entity, entityId, error, since })),
      auditRefused: deps.sync
        .auditRefusedRows(200)
        .map(({ entity, entityId, error, since }) => ({ entity, entityId, error, since })),
      conflicts: deps.sync.openConflicts(),
      refused: deps.sync.inboundErrors(200),
      notes: capabilities?.notes ?? [],
      reconciliation: deps.reconciler
        ? { ...pick(deps.reconciler.state()), resending: deps.reconciler.resendWaiting() }
        : null,
    }),
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      if (debounce) clearTimeout(debounce);
      await running;
    },
  };
}
