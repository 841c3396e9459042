// The outbox rows written beside each local change, read by the sync worker and the status screen.
import type { Db } from './connection';

export type OutboxOperation = 'create' | 'update' | 'delete';

export interface OutboxRepository {
  enqueue(entity: string, entityId: string, entityVersion: number, operation: OutboxOperation, at: string): void;
  /** Rows that can go as soon as the server is reachable (not parked, not waiting for a person). */
  pendingCount(): number;
  /** Rows waiting for their call to be linked to an act. */
  waitingForActCount(): number;
  /** An act was linked to a call: what waited for one is tried again now. */
  releaseWaitingForAct(): void;
  lastSyncAt(): string | null;
}

export function createOutboxRepository(db: Db): OutboxRepository {
  const enqueueStmt = db.prepare(
    'INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  // The audit trail's rows go through the outbox too, but are not records a person waits for:
  // the status counts the records only.
  const countStmt = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE parked = 0 AND waiting_for IS NULL AND entity != 'audit'",
  );
  const waitingStmt = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE parked = 0 AND waiting_for = 'act'",
  );
  const releaseStmt = db.prepare(
    "UPDATE outbox SET waiting_for = NULL, next_attempt_at = NULL WHERE waiting_for = 'act'",
  );
  const lastSyncStmt = db.prepare<[], { value: string }>("SELECT value FROM sync_state WHERE key = 'last_sync_at'");
  return {
    enqueue(entity, entityId, entityVersion, operation, at) {
      enqueueStmt.run(entity, entityId, entityVersion, operation, at);
    },
    pendingCount() {
      return countStmt.get()?.n ?? 0;
    },
    waitingForActCount: () => waitingStmt.get()?.n ?? 0,
    releaseWaitingForAct: () => void releaseStmt.run(),
    lastSyncAt() {
      return lastSyncStmt.get()?.value ?? null;
    },
  };
}
