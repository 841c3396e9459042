// Where a document the expert signed for another station's act stands there (issue 21, points 4
// and 5): her report and her prescriptions are followed the same way. The requesting station
// answers over the call (filed, already filed, refused with its reason) or through the hub after
// it; the first answer is kept, a later one changes nothing.
//
// SECURITY: an answer through the hub counts only from the station the document was addressed to,
// as the hub stamped its writer; any other is logged and dropped.
import type { ReportDelivery } from '../../shared/remote-acts/report-channels';
import { AppFailure } from '../contract/failure';
import type { Db } from '../platform/database/connection';

/** The tables of signed documents, each with the columns delivered_at, delivered_via, refused_reason. */
export type SignedTable = 'remote_reports' | 'remote_prescriptions';

export interface DeliveryRow {
  delivered_at: string | null;
  delivered_via: 'call' | 'hub' | null;
  refused_reason: string | null;
}

export function deliveryOf(row: DeliveryRow): ReportDelivery {
  if (row.refused_reason !== null) return { state: 'refused', reason: row.refused_reason, at: row.delivered_at ?? '' };
  if (row.delivered_at && row.delivered_via)
    return { state: 'delivered', via: row.delivered_via, at: row.delivered_at };
  return { state: 'pending' };
}

export interface DeliveryMarks {
  markDelivered(id: string, via: 'call' | 'hub', at: string): void;
  markRefused(id: string, reason: string, at: string): void;
}

/** Only the first answer is kept: a version already answered is never answered again. */
export function deliveryMarks(db: Db, table: SignedTable): DeliveryMarks {
  const delivered = db.prepare(
    `UPDATE ${table} SET delivered_at = ?, delivered_via = ? WHERE id = ? AND delivered_at IS NULL`,
  );
  const refused = db.prepare(
    `UPDATE ${table} SET refused_reason = ?, delivered_at = ? WHERE id = ? AND delivered_at IS NULL`,
  );
  return {
    markDelivered: (id, via, at) => void delivered.run(at, via, id),
    markRefused: (id, reason, at) => void refused.run(reason, at, id),
  };
}

interface Kept {
  peerId: string;
  actId: string;
  delivery: ReportDelivery;
}

export interface DeliveryRecorderDeps {
  /** What is followed, in the messages a person reads: "report", "prescription". */
  what: string;
  find(id: string): Kept | null;
  marks: DeliveryMarks;
  now: () => Date;
  changed: (peerId: string, actId: string) => void;
  log: (event: string, detail: Record<string, unknown>) => void;
}

export interface CallAnswer {
  id: string;
  outcome: 'filed' | 'already_filed' | 'refused';
  reason?: string | undefined;
}

export interface HubAnswer {
  id: string;
  outcome: 'filed' | 'refused';
  reason: string | null;
}

export function createDeliveryRecorder(deps: DeliveryRecorderDeps) {
  const { what, find, marks, now, changed } = deps;
  function record(id: string, via: 'call' | 'hub', refusedFor: string | null): void {
    const at = now().toISOString();
    if (refusedFor !== null) marks.markRefused(id, refusedFor, at);
    else marks.markDelivered(id, via, at);
  }
  return {
    /** What the requesting station answered over the call. */
    overCall(answer: CallAnswer): void {
      const kept = find(answer.id);
      if (!kept) throw new AppFailure('not_found', `This ${what} was not signed on this station.`);
      const refusedFor = answer.outcome === 'refused' ? answer.reason?.trim() || 'refused without a reason' : null;
      record(answer.id, 'call', refusedFor);
      changed(kept.peerId, kept.actId);
    },
    /** What the station the document was addressed to answered through the hub (`writer`, as stamped). */
    fromHub(answer: HubAnswer, writer: string): void {
      const kept = find(answer.id);
      if (!kept || kept.peerId !== writer) {
        deps.log(`remote_${what}.receipt_ignored`, { id: answer.id, writer, addressedTo: kept?.peerId ?? null });
        return;
      }
      if (kept.delivery.state !== 'pending') return;
      record(answer.id, 'hub', answer.outcome === 'refused' ? (answer.reason ?? 'refused') : null);
      changed(kept.peerId, kept.actId);
    },
  };
}
