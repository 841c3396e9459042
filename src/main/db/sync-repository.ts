// What the sync worker reads and writes in SQLite: the outbox rows due, the server's version of
// each record, conflicts, and the last successful sync. Callers own transactions.
import type { Db } from './connection';

export interface OutboxRow {
  seq: number;
  entity: string;
  entity_id: string;
  entity_version: number;
  attempts: number;
}

export interface SyncedResource {
  serverVersionId: string | null;
  pushedVersion: number;
}

export interface SyncRepository {
  due(entities: readonly string[], now: string, limit: number): OutboxRow[];
  /** The record went out: its rows up to this version leave the outbox. */
  pushed(entity: string, entityId: string, version: number, resourceType: string, serverVersionId: string | null, at: string): void;
  retryLater(seq: number, error: string, nextAttemptAt: string): void;
  park(seq: number, error: string): void;
  resource(entity: string, entityId: string): SyncedResource | null;
  addConflict(entity: string, entityId: string, local: unknown, server: unknown, at: string): void;
  openConflicts(): { id: number; entity: string; entityId: string; local: unknown; server: unknown; detectedAt: string }[];
  parkedCount(): number;
  parkedRows(limit: number): { seq: number; entity: string; entityId: string; error: string; since: string }[];
  setLastSync(at: string): void;
  upload(sha256: string): { url: string; completed: boolean } | null;
  uploadStarted(sha256: string, url: string): void;
  uploadCompleted(sha256: string, at: string): void;
}

export function createSyncRepository(db: Db): SyncRepository {
  const dueStmt = (count: number) =>
    db.prepare<unknown[], OutboxRow>(`SELECT seq, entity, entity_id, entity_version, attempts FROM outbox
      WHERE parked = 0 AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND entity IN (${Array(count).fill('?').join(', ')})
      ORDER BY seq LIMIT ?`);
  const upsertStmt = db.prepare(`INSERT INTO sync_resources (entity, entity_id, resource_type, server_version_id, pushed_version, pushed_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (entity, entity_id) DO UPDATE SET server_version_id = excluded.server_version_id, pushed_version = excluded.pushed_version, pushed_at = excluded.pushed_at`);
  const deleteUpToStmt = db.prepare('DELETE FROM outbox WHERE entity = ? AND entity_id = ? AND entity_version <= ? AND parked = 0');
  const retryStmt = db.prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE seq = ?');
  const parkStmt = db.prepare('UPDATE outbox SET parked = 1, last_error = ? WHERE seq = ?');
  const resourceStmt = db.prepare<[string, string], { server_version_id: string | null; pushed_version: number }>('SELECT server_version_id, pushed_version FROM sync_resources WHERE entity = ? AND entity_id = ?');
  const conflictStmt = db.prepare('INSERT INTO sync_conflicts (entity, entity_id, local_resource, server_resource, detected_at) VALUES (?, ?, ?, ?, ?)');
  const openConflictsStmt = db.prepare<[], { id: number; entity: string; entity_id: string; local_resource: string; server_resource: string; detected_at: string }>(
    'SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id',
  );
  const parkedStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM outbox WHERE parked = 1');
  const parkedRowsStmt = db.prepare<[number], { seq: number; entity: string; entity_id: string; last_error: string | null; created_at: string }>(
    'SELECT seq, entity, entity_id, last_error, created_at FROM outbox WHERE parked = 1 ORDER BY seq LIMIT ?',
  );
  const lastSyncStmt = db.prepare("INSERT INTO sync_state (key, value) VALUES ('last_sync_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  const uploadStmt = db.prepare<[string], { url: string; completed_at: string | null }>('SELECT url, completed_at FROM sync_uploads WHERE sha256 = ?');
  const uploadStartedStmt = db.prepare('INSERT INTO sync_uploads (sha256, url) VALUES (?, ?) ON CONFLICT (sha256) DO UPDATE SET url = excluded.url, completed_at = NULL');
  const uploadCompletedStmt = db.prepare('UPDATE sync_uploads SET completed_at = ? WHERE sha256 = ?');
  return {
    upload(sha256) {
      const row = uploadStmt.get(sha256);
      return row ? { url: row.url, completed: row.completed_at !== null } : null;
    },
    uploadStarted: (sha256, url) => void uploadStartedStmt.run(sha256, url),
    uploadCompleted: (sha256, at) => void uploadCompletedStmt.run(at, sha256),
    due: (entities, now, limit) => dueStmt(entities.length).all(now, ...entities, limit),
    pushed(entity, entityId, version, resourceType, serverVersionId, at) {
      upsertStmt.run(entity, entityId, resourceType, serverVersionId, version, at);
      deleteUpToStmt.run(entity, entityId, version);
    },
    retryLater: (seq, error, next) => void retryStmt.run(error, next, seq),
    park: (seq, error) => void parkStmt.run(error, seq),
    resource(entity, entityId) {
      const row = resourceStmt.get(entity, entityId);
      return row ? { serverVersionId: row.server_version_id, pushedVersion: row.pushed_version } : null;
    },
    addConflict: (entity, entityId, local, server, at) => void conflictStmt.run(entity, entityId, JSON.stringify(local), JSON.stringify(server), at),
    openConflicts: () =>
      openConflictsStmt.all().map((r) => ({ id: r.id, entity: r.entity, entityId: r.entity_id, local: JSON.parse(r.local_resource) as unknown, server: JSON.parse(r.server_resource) as unknown, detectedAt: r.detected_at })),
    parkedCount: () => parkedStmt.get()?.n ?? 0,
    parkedRows: (limit) =>
      parkedRowsStmt.all(limit).map((r) => ({ seq: r.seq, entity: r.entity, entityId: r.entity_id, error: r.last_error ?? '', since: r.created_at })),
    setLastSync: (at) => void lastSyncStmt.run(at),
  };
}
