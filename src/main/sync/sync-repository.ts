// What the sync worker reads and writes in SQLite: the outbox rows due, the server's version of
// each record, conflicts, and the last successful sync. Callers own transactions.
import type { Db } from '../platform/database/connection';

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
  /**
   * The rows to send now: first those sent again to a region that lost them, in dependency order
   * (migration 0022), then the others in the order they were written.
   */
  due(entities: readonly string[], now: string, limit: number): OutboxRow[];
  /** The record went out: its rows up to this version leave the outbox. */
  pushed(
    entity: string,
    entityId: string,
    version: number,
    resourceType: string,
    serverVersionId: string | null,
    at: string,
  ): void;
  retryLater(seq: number, error: string, nextAttemptAt: string): void;
  /** Waits as the server asked (429 Retry-After): not a failure, its attempts do not grow. */
  waitAsAsked(seq: number, error: string, nextAttemptAt: string): void;
  /** Waits for a person's action (an act linked to the call), tried again then or at nextAttemptAt. */
  waitForAct(seq: number, error: string, nextAttemptAt: string): void;
  park(seq: number, error: string): void;
  /** The region is reachable again: rows backing off after network trouble are due now (parked rows and those waiting for an act stay). */
  retryNow(): number;
  resource(entity: string, entityId: string): SyncedResource | null;
  /** The region no longer holds the record (a 404 on an update): its next push creates it again, without If-Match. */
  forget(entity: string, entityId: string): void;
  /** Keeps both versions for a person; a record has one open conflict, its newest versions. */
  addConflict(entity: string, entityId: string, local: unknown, server: unknown, at: string): void;
  openConflicts(): OpenConflict[];
  conflict(id: number): (OpenConflict & { resolution: 'station' | 'server' | null }) | null;
  resolveConflicts(entity: string, entityId: string, resolution: 'station' | 'server', by: string, at: string): void;
  /** A version about to be sent, by its content hash; forgotten once the server acknowledges the record. */
  sending(entity: string, entityId: string, contentHash: string, at: string): void;
  wasSent(entity: string, entityId: string, contentHash: string): boolean;
  /** The server's version is taken as the base of the next write (our own lost write, or a person's choice). */
  adoptServerVersion(
    entity: string,
    entityId: string,
    resourceType: string,
    serverVersionId: string | null,
    at: string,
  ): void;
  /** Outbox rows of this record, waiting or parked. */
  rowsOf(entity: string, entityId: string): number;
  unpark(entity: string, entityId: string): void;
  /** Why the record's rows are parked (the newest reason); null when none is. */
  parkedReason(entity: string, entityId: string): string | null;
  /** Every row of the record waits for a person (a conflict). */
  parkRecord(entity: string, entityId: string, error: string): void;
  dropRows(entity: string, entityId: string): void;
  inboundError(entity: string, entityId: string, serverVersionId: string | null, error: string, at: string): void;
  clearInboundError(entity: string, entityId: string): void;
  inboundErrors(
    limit: number,
  ): { entity: string; entityId: string; serverVersionId: string | null; error: string; at: string }[];
  state(key: string): string | null;
  setState(key: string, value: string): void;
  /** Records the server refused, for a clinician to be told (audit rows aside: they are the IT's). */
  parkedCount(): number;
  parkedRows(limit: number): { seq: number; entity: string; entityId: string; error: string; since: string }[];
  /** Audit rows the server refused: an alert for the regional IT on the sync screen, not a clinician's problem. */
  auditRefusedCount(): number;
  auditRefusedRows(limit: number): { seq: number; entity: string; entityId: string; error: string; since: string }[];
  setLastSync(at: string): void;
  upload(sha256: string): { url: string; completed: boolean } | null;
  uploadStarted(sha256: string, url: string): void;
  uploadCompleted(sha256: string, at: string): void;
}

export interface OpenConflict {
  id: number;
  entity: string;
  entityId: string;
  local: unknown;
  server: unknown;
  detectedAt: string;
}

interface ConflictRow {
  id: number;
  entity: string;
  entity_id: string;
  local_resource: string;
  server_resource: string;
  detected_at: string;
  resolution: 'station' | 'server' | null;
}
const conflictFromRow = (r: ConflictRow): OpenConflict => ({
  id: r.id,
  entity: r.entity,
  entityId: r.entity_id,
  local: JSON.parse(r.local_resource) as unknown,
  server: JSON.parse(r.server_resource) as unknown,
  detectedAt: r.detected_at,
});

export function createSyncRepository(db: Db): SyncRepository {
  const dueStmt = (count: number) =>
    db.prepare<unknown[], OutboxRow>(`SELECT seq, entity, entity_id, entity_version, attempts FROM outbox
      WHERE parked = 0 AND (next_attempt_at IS NULL OR next_attempt_at <= ?) AND entity IN (${Array(count).fill('?').join(', ')})
      ORDER BY resend IS NULL, resend, seq LIMIT ?`);
  const upsertStmt =
    db.prepare(`INSERT INTO sync_resources (entity, entity_id, resource_type, server_version_id, pushed_version, pushed_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (entity, entity_id) DO UPDATE SET server_version_id = excluded.server_version_id, pushed_version = excluded.pushed_version, pushed_at = excluded.pushed_at`);
  const deleteUpToStmt = db.prepare(
    'DELETE FROM outbox WHERE entity = ? AND entity_id = ? AND entity_version <= ? AND parked = 0',
  );
  const retryStmt = db.prepare(
    'UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE seq = ?',
  );
  const waitAsAskedStmt = db.prepare('UPDATE outbox SET last_error = ?, next_attempt_at = ? WHERE seq = ?');
  const parkStmt = db.prepare('UPDATE outbox SET parked = 1, last_error = ? WHERE seq = ?');
  const retryNowStmt = db.prepare(
    'UPDATE outbox SET next_attempt_at = NULL WHERE parked = 0 AND waiting_for IS NULL AND next_attempt_at IS NOT NULL',
  );
  const waitForActStmt = db.prepare(
    "UPDATE outbox SET waiting_for = 'act', last_error = ?, next_attempt_at = ? WHERE seq = ?",
  );
  const resourceStmt = db.prepare<[string, string], { server_version_id: string | null; pushed_version: number }>(
    'SELECT server_version_id, pushed_version FROM sync_resources WHERE entity = ? AND entity_id = ?',
  );
  const forgetStmt = db.prepare('DELETE FROM sync_resources WHERE entity = ? AND entity_id = ?');
  const conflictStmt = db.prepare(
    'INSERT INTO sync_conflicts (entity, entity_id, local_resource, server_resource, detected_at) VALUES (?, ?, ?, ?, ?)',
  );
  const refreshConflictStmt = db.prepare(
    'UPDATE sync_conflicts SET local_resource = ?, server_resource = ?, detected_at = ? WHERE entity = ? AND entity_id = ? AND resolved_at IS NULL',
  );
  const openConflictsStmt = db.prepare<[], ConflictRow>(
    'SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY id',
  );
  const conflictByIdStmt = db.prepare<[number], ConflictRow>('SELECT * FROM sync_conflicts WHERE id = ?');
  const resolveStmt = db.prepare(
    'UPDATE sync_conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE entity = ? AND entity_id = ? AND resolved_at IS NULL',
  );
  const sendingStmt = db.prepare(
    'INSERT OR IGNORE INTO sync_sent (entity, entity_id, content_hash, sent_at) VALUES (?, ?, ?, ?)',
  );
  const wasSentStmt = db.prepare<[string, string, string], { n: number }>(
    'SELECT count(*) AS n FROM sync_sent WHERE entity = ? AND entity_id = ? AND content_hash = ?',
  );
  const forgetSentStmt = db.prepare('DELETE FROM sync_sent WHERE entity = ? AND entity_id = ?');
  const adoptStmt =
    db.prepare(`INSERT INTO sync_resources (entity, entity_id, resource_type, server_version_id, pushed_version, pushed_at) VALUES (?, ?, ?, ?, 0, ?)
    ON CONFLICT (entity, entity_id) DO UPDATE SET server_version_id = excluded.server_version_id`);
  const rowsOfStmt = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE entity = ? AND entity_id = ?',
  );
  const parkedReasonStmt = db.prepare<[string, string], { last_error: string | null }>(
    'SELECT last_error FROM outbox WHERE entity = ? AND entity_id = ? AND parked = 1 ORDER BY seq DESC LIMIT 1',
  );
  const unparkStmt = db.prepare(
    'UPDATE outbox SET parked = 0, attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE entity = ? AND entity_id = ?',
  );
  const parkRecordStmt = db.prepare('UPDATE outbox SET parked = 1, last_error = ? WHERE entity = ? AND entity_id = ?');
  const dropRowsStmt = db.prepare('DELETE FROM outbox WHERE entity = ? AND entity_id = ?');
  const inboundErrorStmt =
    db.prepare(`INSERT INTO sync_inbound_errors (entity, entity_id, server_version_id, error, at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (entity, entity_id) DO UPDATE SET server_version_id = excluded.server_version_id, error = excluded.error, at = excluded.at`);
  const clearInboundStmt = db.prepare('DELETE FROM sync_inbound_errors WHERE entity = ? AND entity_id = ?');
  const inboundErrorsStmt = db.prepare<
    [number],
    { entity: string; entity_id: string; server_version_id: string | null; error: string; at: string }
  >('SELECT * FROM sync_inbound_errors ORDER BY at DESC LIMIT ?');
  const stateStmt = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
  const setStateStmt = db.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  // The audit trail's refused rows are counted apart (see auditRefusedCount).
  const parkedStmt = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE parked = 1 AND entity <> 'audit'",
  );
  const parkedRowsStmt = db.prepare<
    [number],
    { seq: number; entity: string; entity_id: string; last_error: string | null; created_at: string }
  >(
    "SELECT seq, entity, entity_id, last_error, created_at FROM outbox WHERE parked = 1 AND entity <> 'audit' ORDER BY seq LIMIT ?",
  );
  const auditRefusedStmt = db.prepare<[], { n: number }>(
    "SELECT count(*) AS n FROM outbox WHERE parked = 1 AND entity = 'audit'",
  );
  const auditRefusedRowsStmt = db.prepare<
    [number],
    { seq: number; entity: string; entity_id: string; last_error: string | null; created_at: string }
  >(
    "SELECT seq, entity, entity_id, last_error, created_at FROM outbox WHERE parked = 1 AND entity = 'audit' ORDER BY seq LIMIT ?",
  );
  const outboxRow = (r: {
    seq: number;
    entity: string;
    entity_id: string;
    last_error: string | null;
    created_at: string;
  }) => ({ seq: r.seq, entity: r.entity, entityId: r.entity_id, error: r.last_error ?? '', since: r.created_at });
  const lastSyncStmt = db.prepare(
    "INSERT INTO sync_state (key, value) VALUES ('last_sync_at', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  const uploadStmt = db.prepare<[string], { url: string; completed_at: string | null }>(
    'SELECT url, completed_at FROM sync_uploads WHERE sha256 = ?',
  );
  const uploadStartedStmt = db.prepare(
    'INSERT INTO sync_uploads (sha256, url) VALUES (?, ?) ON CONFLICT (sha256) DO UPDATE SET url = excluded.url, completed_at = NULL',
  );
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
      forgetSentStmt.run(entity, entityId);
    },
    retryLater: (seq, error, next) => void retryStmt.run(error, next, seq),
    waitAsAsked: (seq, error, next) => void waitAsAskedStmt.run(error, next, seq),
    waitForAct: (seq, error, next) => void waitForActStmt.run(error, next, seq),
    park: (seq, error) => void parkStmt.run(error, seq),
    retryNow: () => retryNowStmt.run().changes,
    resource(entity, entityId) {
      const row = resourceStmt.get(entity, entityId);
      return row ? { serverVersionId: row.server_version_id, pushedVersion: row.pushed_version } : null;
    },
    addConflict(entity, entityId, local, server, at) {
      if (refreshConflictStmt.run(JSON.stringify(local), JSON.stringify(server), at, entity, entityId).changes === 0) {
        conflictStmt.run(entity, entityId, JSON.stringify(local), JSON.stringify(server), at);
      }
    },
    openConflicts: () => openConflictsStmt.all().map(conflictFromRow),
    forget: (entity, entityId) => void forgetStmt.run(entity, entityId),
    conflict(id) {
      const row = conflictByIdStmt.get(id);
      return row ? { ...conflictFromRow(row), resolution: row.resolution } : null;
    },
    resolveConflicts: (entity, entityId, resolution, by, at) =>
      void resolveStmt.run(resolution, by, at, entity, entityId),
    sending: (entity, entityId, hash, at) => void sendingStmt.run(entity, entityId, hash, at),
    wasSent: (entity, entityId, hash) => (wasSentStmt.get(entity, entityId, hash)?.n ?? 0) > 0,
    adoptServerVersion: (entity, entityId, resourceType, versionId, at) =>
      void adoptStmt.run(entity, entityId, resourceType, versionId, at),
    rowsOf: (entity, entityId) => rowsOfStmt.get(entity, entityId)?.n ?? 0,
    unpark: (entity, entityId) => void unparkStmt.run(entity, entityId),
    parkedReason(entity, entityId) {
      const row = parkedReasonStmt.get(entity, entityId);
      return row ? (row.last_error ?? 'Refused.') : null;
    },
    parkRecord: (entity, entityId, error) => void parkRecordStmt.run(error, entity, entityId),
    dropRows: (entity, entityId) => void dropRowsStmt.run(entity, entityId),
    inboundError: (entity, entityId, versionId, error, at) =>
      void inboundErrorStmt.run(entity, entityId, versionId, error, at),
    clearInboundError: (entity, entityId) => void clearInboundStmt.run(entity, entityId),
    inboundErrors: (limit) =>
      inboundErrorsStmt.all(limit).map((r) => ({
        entity: r.entity,
        entityId: r.entity_id,
        serverVersionId: r.server_version_id,
        error: r.error,
        at: r.at,
      })),
    state: (key) => stateStmt.get(key)?.value ?? null,
    setState: (key, value) => void setStateStmt.run(key, value),
    parkedCount: () => parkedStmt.get()?.n ?? 0,
    parkedRows: (limit) => parkedRowsStmt.all(limit).map(outboxRow),
    auditRefusedCount: () => auditRefusedStmt.get()?.n ?? 0,
    auditRefusedRows: (limit) => auditRefusedRowsStmt.all(limit).map(outboxRow),
    setLastSync: (at) => void lastSyncStmt.run(at),
  };
}
