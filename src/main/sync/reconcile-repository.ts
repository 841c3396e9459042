// What the reconciliation reads and writes in SQLite: what the station believes the region holds
// (sync_resources, by resource type), the records it sends again (outbox rows marked with their
// place in the dependency order), and its last findings (sync_state). Callers own transactions.
import type { Db } from '../platform/database/connection';

/** One record the station believes the region holds: sent, and acknowledged. */
export interface SyncedRecord {
  /** Where to continue a walk through one type (sync_resources' rowid). */
  cursor: number;
  entity: string;
  entityId: string;
  pushedVersion: number;
}

/** What a person and the regional IT are told of the checks (kept in sync_state). */
export interface ReconcileState {
  /** The last check that went through, and what it found missing. */
  checkedAt: string | null;
  missing: number;
  /** Resource types that could not be checked, with why. */
  unchecked: string[];
  /** Audit rows the region lacks but can no longer take (its copy of the chain started after them). */
  auditGap: { from: number; to: number; rows: number } | null;
  /** The records last found missing and sent again: how many, and when the last of them went. */
  lastResend: { detectedAt: string; records: number; resentAt: string | null; refused: number } | null;
  /** Per resource type, the counts (station/region) already checked one by one and found complete. */
  verified: Record<string, string>;
}

const STATE_KEY = 'reconciliation';
export const EMPTY_RECONCILE_STATE: ReconcileState = {
  checkedAt: null,
  missing: 0,
  unchecked: [],
  auditGap: null,
  lastResend: null,
  verified: {},
};

/** The reason a station of an earlier version parked an update the region answered 404 (push-worker's answerNotOk). */
const LEGACY_NOT_FOUND = 'Refused by the regional server (404)%';

export function createReconcileRepository(db: Db) {
  const countsStmt = db.prepare<[], { resource_type: string; n: number }>(
    'SELECT resource_type, count(*) AS n FROM sync_resources GROUP BY resource_type',
  );
  const ofTypeStmt = db.prepare<
    [string, number, number],
    { cursor: number; entity: string; entity_id: string; pushed_version: number }
  >(
    'SELECT rowid AS cursor, entity, entity_id, pushed_version FROM sync_resources WHERE resource_type = ? AND rowid > ? ORDER BY rowid LIMIT ?',
  );
  const ofEntityStmt = db.prepare<
    [string, number, number],
    { cursor: number; entity: string; entity_id: string; pushed_version: number }
  >(
    'SELECT rowid AS cursor, entity, entity_id, pushed_version FROM sync_resources WHERE entity = ? AND rowid > ? ORDER BY rowid LIMIT ?',
  );
  const entityCountStmt = db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM sync_resources WHERE entity = ?',
  );
  const enqueueStmt = db.prepare(
    "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at, resend) VALUES (?, ?, ?, 'update', ?, ?)",
  );
  const forgetStmt = db.prepare('DELETE FROM sync_resources WHERE entity = ? AND entity_id = ?');
  const uploadAgainStmt = db.prepare('UPDATE sync_uploads SET completed_at = NULL WHERE sha256 = ?');
  const waitingStmt = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE resend IS NOT NULL AND parked = 0',
  );
  const refusedStmt = db.prepare<[], { n: number }>(
    'SELECT count(*) AS n FROM outbox WHERE resend IS NOT NULL AND parked = 1',
  );
  const unparkLostStmt = db.prepare(
    'UPDATE outbox SET parked = 0, attempts = 0, next_attempt_at = NULL, last_error = NULL WHERE parked = 1 AND last_error LIKE ?',
  );
  const stateStmt = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?');
  const setStateStmt = db.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const toRecord = (r: {
    cursor: number;
    entity: string;
    entity_id: string;
    pushed_version: number;
  }): SyncedRecord => ({
    cursor: r.cursor,
    entity: r.entity,
    entityId: r.entity_id,
    pushedVersion: r.pushed_version,
  });

  return {
    /** How many records of each resource type the station believes the region holds. */
    countsByType(): Map<string, number> {
      return new Map(countsStmt.all().map((r) => [r.resource_type, r.n]));
    },
    countOfEntity: (entity: string): number => entityCountStmt.get(entity)?.n ?? 0,
    /** The next `limit` records of a type after `cursor` (0 to start). */
    ofType: (resourceType: string, cursor: number, limit: number): SyncedRecord[] =>
      ofTypeStmt.all(resourceType, cursor, limit).map(toRecord),
    ofEntity: (entity: string, cursor: number, limit: number): SyncedRecord[] =>
      ofEntityStmt.all(entity, cursor, limit).map(toRecord),
    /**
     * The region lacks this record: it goes again, before every other row, at its rank in the
     * dependency order, as its current state and without If-Match (the station no longer believes
     * the region holds it).
     */
    resend(record: SyncedRecord, rank: number, at: string): void {
      enqueueStmt.run(record.entity, record.entityId, record.pushedVersion, at, rank);
      forgetStmt.run(record.entity, record.entityId);
    },
    /** A file's bytes are checked at the region again before its Media goes (re-uploaded when gone). */
    uploadAgain: (sha256: string): void => void uploadAgainStmt.run(sha256),
    /** Rows sent again that have not gone yet (parked ones aside), and those refused. */
    resendWaiting: (): number => waitingStmt.get()?.n ?? 0,
    resendRefused: (): number => refusedStmt.get()?.n ?? 0,
    /**
     * Updates an earlier version parked for good when the region answered 404 (it had lost the
     * record): tried again, the push now creates them again.
     */
    unparkLost: (): number => unparkLostStmt.run(LEGACY_NOT_FOUND).changes,
    state(): ReconcileState {
      const raw = stateStmt.get(STATE_KEY)?.value;
      if (!raw) return { ...EMPTY_RECONCILE_STATE };
      try {
        return { ...EMPTY_RECONCILE_STATE, ...(JSON.parse(raw) as Partial<ReconcileState>) };
      } catch {
        return { ...EMPTY_RECONCILE_STATE };
      }
    },
    setState: (state: ReconcileState): void => void setStateStmt.run(STATE_KEY, JSON.stringify(state)),
  };
}
export type ReconcileRepository = ReturnType<typeof createReconcileRepository>;
