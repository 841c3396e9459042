// The audit rows a restored (or emptied, or older) database lacks, taken back from the region's
// AuditEvents: each rebuilt from the row it carries as it was hashed (the audit-row extension) and
// kept only if it hashes to its chain hash and follows the row before it. So the trail on the
// station goes on from the region's last row, which the region accepts, instead of forking from it.
import type { AuditEvent } from '@medplum/fhirtypes';
import { auditChainLinkOf, auditObserverOf } from '../../../shared/audit/audit-chain-link';
import { AUDIT_ACTIONS, auditHash, type AuditContent, type AuditRow } from '../../audit';
import { AUDIT_SYSTEM } from '../../sync';
import type { FhirClient } from '../../sync';
import { searchRegion } from './region-search';

/** The row an AuditEvent carries, checked against its own chain hash; null when it cannot be trusted. */
export function auditRowFromFhir(resource: AuditEvent): AuditRow | null {
  const link = auditChainLinkOf(resource);
  const text = resource.extension?.find((e) => e.url === AUDIT_SYSTEM.rowExtension)?.valueString;
  if (!link || typeof text !== 'string') return null;
  let fields: unknown;
  try {
    fields = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 14) return null;
  const [seq, id, at, station, who, person, action, event, entityType, entityId, patientIds, outcome, detail, origin] =
    fields as unknown[];
  const str = (v: unknown) => typeof v === 'string';
  const strOrNull = (v: unknown) => v === null || typeof v === 'string';
  if (
    seq !== link.seq ||
    !str(id) ||
    !str(at) ||
    !str(station) ||
    !str(who) ||
    !strOrNull(person) ||
    !(AUDIT_ACTIONS as readonly unknown[]).includes(action)
  )
    return null;
  if (
    !str(event) ||
    !strOrNull(entityType) ||
    !strOrNull(entityId) ||
    !Array.isArray(patientIds) ||
    !patientIds.every(str) ||
    !str(outcome) ||
    !strOrNull(detail) ||
    !str(origin)
  )
    return null;
  const content = {
    seq,
    id,
    at,
    station,
    who,
    person,
    action,
    event,
    entityType,
    entityId,
    patientIds,
    outcome,
    detail,
    origin,
  } as AuditContent;
  // SECURITY: a row is taken back only as it was hashed; the chain check then ties it to the one before.
  if (auditHash(link.prevHash, content) !== link.hash) return null;
  return { ...content, prevHash: link.prevHash, hash: link.hash };
}

export interface RegionAuditRows {
  /** Rows after `afterSeq`, in order, each following the one before (the first follows `afterHash`). */
  rows: AuditRow[];
  /** Why rows the region holds could not all be taken back (null: none left behind). */
  stoppedBecause: string | null;
  /** The last row the region holds for this station (0: none). */
  regionLastSeq: number;
}

/**
 * The region's rows of this station (its name, and its token's subject as observer) after
 * `afterSeq`. `since`: only AuditEvents the region stored from then on (null: all of them).
 */
export async function auditRowsFromRegion(
  client: FhirClient,
  station: { name: string; sub: string | null },
  after: { seq: number; hash: string },
  since: string | null,
): Promise<RegionAuditRows> {
  const events = (await searchRegion(client, 'AuditEvent', since)) as AuditEvent[];
  const mine = events.filter(
    (e) => e.source?.site === station.name && (station.sub === null || auditObserverOf(e) === station.sub),
  );
  const bySeq = new Map<number, AuditEvent>();
  for (const e of mine) {
    const link = auditChainLinkOf(e);
    if (link) bySeq.set(link.seq, e);
  }
  const regionLastSeq = [...bySeq.keys()].reduce((a, b) => Math.max(a, b), 0);
  const rows: AuditRow[] = [];
  let previous = after.hash;
  for (let seq = after.seq + 1; seq <= regionLastSeq; seq++) {
    const resource = bySeq.get(seq);
    if (!resource) return { rows, stoppedBecause: `the region does not hold audit row ${seq}`, regionLastSeq };
    const row = auditRowFromFhir(resource);
    if (!row)
      return {
        rows,
        stoppedBecause: `audit row ${seq} at the region does not carry the row as it was hashed (sent by an earlier version), or does not match its hash`,
        regionLastSeq,
      };
    if (row.prevHash !== previous)
      return {
        rows,
        stoppedBecause: `audit row ${seq} at the region does not follow row ${seq - 1} of this database`,
        regionLastSeq,
      };
    rows.push(row);
    previous = row.hash;
  }
  return { rows, stoppedBecause: null, regionLastSeq };
}
