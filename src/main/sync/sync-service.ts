// Runs the push worker in the background: soon after each local change (debounced), and every
// few seconds to retry what waits; one pass at a time. Keeps what the home screen shows: the
// server, what is parked or in conflict, and the last error in words.
import type { SyncRepository } from '../db/sync-repository';
import type { PushReport } from './push-worker';

export interface SyncServiceDeps {
  server: string;
  worker: { runOnce(): Promise<PushReport> };
  sync: SyncRepository;
  onChange: () => void;
  log: (event: string, detail?: Record<string, unknown>) => void;
  intervalMs?: number;
  debounceMs?: number;
}

export function createSyncService(deps: SyncServiceDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let lastError: string | null = null;
  let stopped = false;
  let debounce: ReturnType<typeof setTimeout> | null = null;
  const timer = setInterval(() => void run(), deps.intervalMs ?? 10_000);

  async function pass(): Promise<void> {
    try {
      const report = await deps.worker.runOnce();
      lastError = report.stoppedBy;
      if (report.pushed || report.parked || report.conflicts || report.stoppedBy) deps.log('sync.pass', { ...report });
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
    runNow: run,
    status: () => ({ server: deps.server, parked: deps.sync.parkedCount(), conflicts: deps.sync.openConflicts().length, lastError }),
    details: () => ({
      parked: deps.sync.parkedRows(200).map(({ entity, entityId, error, since }) => ({ entity, entityId, error, since })),
      conflicts: deps.sync.openConflicts(),
    }),
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      if (debounce) clearTimeout(debounce);
      await running;
    },
  };
}
