// The audit_events table: appends a row chained to the last one, reads the rows back in order.
import { randomUUID } from 'node:crypto';
import { AUDIT_ACTIONS, auditHash, GENESIS_HASH, type AuditContent, type AuditRow } from '../audit/audit-chain';
import type { Db } from './connection';

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
  return { seq: r.seq, id: r.id, at: r.at, station: r.station, who: r.who, person: r.person, action, event: r.event, entityType: r.entity_type, entityId: r.entity_id, patientIds, outcome: r.outcome, detail: r.detail, origin: r.origin, prevHash: r.prev_hash, hash: r.hash };
}

export function createAuditRepository(db: Db) {
  const lastStmt = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const insertStmt = db.prepare(`INSERT INTO audit_events (seq, id, at, station, who, person, action, event, entity_type, entity_id, patient_ids, outcome, detail, origin, prev_hash, hash)
    VALUES (@seq, @id, @at, @station, @who, @person, @action, @event, @entityType, @entityId, @patientIds, @outcome, @detail, @origin, @prevHash, @hash)`);
  const allStmt = db.prepare<[], StoredRow>('SELECT * FROM audit_events ORDER BY seq');
  const recentStmt = db.prepare<[number], StoredRow>('SELECT * FROM audit_events ORDER BY seq DESC LIMIT ?');
  const bySeqStmt = db.prepare<[number], StoredRow>('SELECT * FROM audit_events WHERE seq = ?');
  // The region's copy as an anchor: the highest audit row the regional server has acknowledged.
  const pushedStmt = db.prepare<[], { seq: number | null }>("SELECT max(CAST(entity_id AS INTEGER)) AS seq FROM sync_resources WHERE entity = 'audit'");

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
    pushedUpTo: () => pushedStmt.get()?.seq ?? 0,
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
