// The outbox rows written beside each local change, read by the sync worker and the status screen.
import type { Db } from './connection';

export type OutboxOperation = 'create' | 'update' | 'delete';

export interface OutboxRepository {
  enqueue(entity: string, entityId: string, entityVersion: number, operation: OutboxOperation, at: string): void;
  pendingCount(): number;
  lastSyncAt(): string | null;
}

export function createOutboxRepository(db: Db): OutboxRepository {
  const enqueueStmt = db.prepare(
    'INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE parked = 0');
  const lastSyncStmt = db.prepare<[], { value: string }>("SELECT value FROM sync_state WHERE key = 'last_sync_at'");
  return {
    enqueue(entity, entityId, entityVersion, operation, at) {
      enqueueStmt.run(entity, entityId, entityVersion, operation, at);
    },
    pendingCount() {
      return countStmt.get()?.n ?? 0;
    },
    lastSyncAt() {
      return lastSyncStmt.get()?.value ?? null;
    },
  };
}
