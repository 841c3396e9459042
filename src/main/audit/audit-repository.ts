// The audit_events table: appends a row chained to the last one, reads the rows back in order;
// and the region's acknowledgements of them (audit_acknowledgements), compared with the rows.
import { randomUUID } from 'node:crypto';
import { AUDIT_ACTIONS, auditHash, GENESIS_HASH, type AuditContent, type AuditRow } from './audit-chain';
import type { Db } from '../platform/database/connection';

interface StoredRow {
  seq: number;
  id: string;
  at: string;
  station: string;
  who: string;
  person: string | null;
  action: string;
  event: string;
  entity_type: string | null;
  entity_id: string | null;
  patient_ids: string;
  outcome: string;
  detail: string | null;
  origin: string;
  prev_hash: string;
  hash: string;
}

/** What a caller gives: the station adds the number, the id and the hashes. */
export type NewAuditEvent = Omit<AuditContent, 'seq' | 'id'>;

/** A stored row as the chain sees it; a garbled patient list is kept as text so the hash check still runs on what is there. */
function toRow(r: StoredRow): AuditRow {
  let patientIds: string[];
  try {
    const parsed: unknown = JSON.parse(r.patient_ids);
    patientIds = Array.isArray(parsed) ? parsed.map(String) : [r.patient_ids];
  } catch {
    patientIds = [r.patient_ids];
  }
  const action = (AUDIT_ACTIONS as readonly string[]).includes(r.action) ? (r.action as AuditRow['action']) : 'execute';
  return {
    seq: r.seq,
    id: r.id,
    at: r.at,
    station: r.station,
    who: r.who,
    person: r.person,
    action,
    event: r.event,
    entityType: r.entity_type,
    entityId: r.entity_id,
    patientIds,
    outcome: r.outcome,
    detail: r.detail,
    origin: r.origin,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export function createAuditRepository(db: Db) {
  const lastStmt = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
  );
  const insertStmt =
    db.prepare(`INSERT INTO audit_events (seq, id, at, station, who, person, action, event, entity_type, entity_id, patient_ids, outcome, detail, origin, prev_hash, hash)
    VALUES (@seq, @id, @at, @station, @who, @person, @action, @event, @entityType, @entityId, @patientIds, @outcome, @detail, @origin, @prevHash, @hash)`);
  const allStmt = db.prepare<[], StoredRow>('SELECT * FROM audit_events ORDER BY seq');
  const recentStmt = db.prepare<[number], StoredRow>('SELECT * FROM audit_events ORDER BY seq DESC LIMIT ?');
  const bySeqStmt = db.prepare<[number], StoredRow>('SELECT * FROM audit_events WHERE seq = ?');
  // First-come: the region's first answer for a row is kept; a later one cannot replace it.
  const acknowledgeStmt = db.prepare(
    'INSERT INTO audit_acknowledgements (seq, hash, acknowledged_at) VALUES (?, ?, ?) ON CONFLICT (seq) DO NOTHING',
  );
  const lastAckStmt = db.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_acknowledgements ORDER BY seq DESC LIMIT 1',
  );
  // Walks the index of both tables, not the rows' content: the first acknowledged row that is no
  // longer here as the region took it (changed, re-hashed or deleted).
  const firstUnlikeStmt = db.prepare<
    [],
    { seq: number; hash: string }
  >(`SELECT a.seq, a.hash FROM audit_acknowledgements a
    LEFT JOIN audit_events e ON e.seq = a.seq WHERE e.hash IS NULL OR e.hash <> a.hash ORDER BY a.seq LIMIT 1`);

  return {
    /** Appends one row after the last one. Call inside the caller's transaction when there is one. */
    append(event: NewAuditEvent): AuditRow {
      const last = lastStmt.get();
      const content: AuditContent = { ...event, seq: (last?.seq ?? 0) + 1, id: randomUUID() };
      const prevHash = last?.hash ?? GENESIS_HASH;
      const row: AuditRow = { ...content, prevHash, hash: auditHash(prevHash, content) };
      insertStmt.run({ ...row, patientIds: JSON.stringify(row.patientIds) });
      return row;
    },
    /** A row taken back from the region as it was hashed (the caller checked its hash and link): stored as is. */
    restore(row: AuditRow): void {
      insertStmt.run({ ...row, patientIds: JSON.stringify(row.patientIds) });
    },
    last: () => lastStmt.get() ?? null,
    /** Every row, oldest first, read one at a time (the trail grows without limit). */
    *all(): Generator<AuditRow> {
      for (const r of allStmt.iterate()) yield toRow(r);
    },
    recent: (limit: number) => recentStmt.all(limit).map(toRow),
    bySeq(seq: number): AuditRow | null {
      const r = bySeqStmt.get(seq);
      return r ? toRow(r) : null;
    },
    /** The region took row seq with this hash (its answer carried it). */
    acknowledge: (seq: number, hash: string, at: string) => void acknowledgeStmt.run(seq, hash, at),
    lastAcknowledged: () => lastAckStmt.get() ?? null,
    /** The first acknowledged row whose hash here differs from the region's (or that is gone); null when all match. */
    firstUnlikeAcknowledged: () => firstUnlikeStmt.get() ?? null,
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
