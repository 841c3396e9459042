// The audit trail's hash chain: the canonical form of a row, its hash, and the walk that finds
// the first row that is not what was written. Pure functions: no database, no clock.
import { createHash } from 'node:crypto';

/** SECURITY: the prev_hash of the first row. Fixed and public: the chain's strength is its links, not a secret. */
export const GENESIS_HASH = '0'.repeat(64);

export const AUDIT_ACTIONS = ['read', 'create', 'update', 'delete', 'execute', 'export', 'call', 'grant'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit row as stored (patient ids parsed). */
export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  station: string;
  who: string;
  person: string | null;
  action: AuditAction;
  event: string;
  entityType: string | null;
  entityId: string | null;
  patientIds: string[];
  outcome: string;
  detail: string | null;
  origin: string;
  prevHash: string;
  hash: string;
}

export type AuditContent = Omit<AuditRow, 'prevHash' | 'hash'>;

/**
 * The canonical serialisation: a JSON array of every field but the hashes, in this fixed order.
 * An array, not an object, so that key order can never differ between writer and checker.
 */
export function canonicalAuditRow(row: AuditContent): string {
  return JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.station,
    row.who,
    row.person,
    row.action,
    row.event,
    row.entityType,
    row.entityId,
    row.patientIds,
    row.outcome,
    row.detail,
    row.origin,
  ]);
}

/** hash = SHA-256 hex of prev_hash, a newline, and the canonical row. */
export function auditHash(prevHash: string, row: AuditContent): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalAuditRow(row)}`)
    .digest('hex');
}

/**
 * A point of the chain remembered outside the table: the anchor file beside the database, the
 * region's acknowledgement of a row kept on the station, the region's own copy of the last row.
 */
export interface AuditAnchor {
  seq: number;
  hash: string | null;
  source: 'anchor file' | 'regional acknowledgement' | 'regional server';
}

/** How each anchor is named in a verdict: who remembers the row, and what to do. */
const ANCHOR_WORDS: Record<AuditAnchor['source'], { knows: string; differs: string; then: string }> = {
  'anchor file': { knows: 'The anchor file knows', differs: 'the one the anchor file remembers', then: '' },
  'regional acknowledgement': {
    knows: 'The regional server acknowledged',
    differs: 'the one the regional server acknowledged (its acknowledgement kept on this station)',
    then: ' The region’s copy is the reference: ask the regional IT to compare.',
  },
  'regional server': {
    knows: 'The regional server acknowledged',
    differs: 'the one the regional server acknowledged (its own copy, asked now)',
    then: ' The region’s copy is the reference: ask the regional IT to compare.',
  },
};

export interface AuditVerdict {
  ok: boolean;
  /** Rows checked. */
  checked: number;
  lastSeq: number;
  /** The first sequence number where the chain breaks, and why; null when it holds. */
  brokenAt: number | null;
  reason: 'hash_mismatch' | 'broken_link' | 'gap' | 'tail_missing' | 'anchor_mismatch' | null;
  message: string | null;
}

/**
 * Walks the rows in sequence order. Each must follow the one before (seq + 1, its prev_hash the
 * previous hash) and hash to its stored hash. Then each anchor must be in the chain, with the
 * same hash: a last row that the anchor remembers and the table no longer has is a deleted tail.
 * An anchor's hash covers every row before it (each hash includes the one before), so a chain
 * re-hashed after an edit differs from it at the anchor, however far after the edit it lies; the
 * earliest anchor that differs is reported.
 */
export function verifyAuditChain(rows: Iterable<AuditRow>, anchors: readonly AuditAnchor[] = []): AuditVerdict {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const hashes = new Map<number, string>();
  const broken = (seq: number, reason: NonNullable<AuditVerdict['reason']>, message: string): AuditVerdict => ({
    ok: false,
    checked,
    lastSeq: expectedSeq - 1,
    brokenAt: seq,
    reason,
    message,
  });
  for (const row of rows) {
    if (row.seq !== expectedSeq) {
      return broken(
        expectedSeq,
        'gap',
        `Audit row ${expectedSeq} is missing: the next row kept is ${row.seq}. Rows were deleted.`,
      );
    }
    if (row.prevHash !== prevHash) {
      return broken(
        row.seq,
        'broken_link',
        `Audit row ${row.seq} does not follow row ${row.seq - 1}: the row before it was changed or replaced.`,
      );
    }
    const { prevHash: _p, hash: _h, ...content } = row;
    if (auditHash(row.prevHash, content) !== row.hash) {
      return broken(
        row.seq,
        'hash_mismatch',
        `Audit row ${row.seq} was changed after it was written: its content no longer matches its hash.`,
      );
    }
    hashes.set(row.seq, row.hash);
    prevHash = row.hash;
    expectedSeq++;
    checked++;
  }
  const lastSeq = expectedSeq - 1;
  for (const anchor of [...anchors].sort((a, b) => a.seq - b.seq)) {
    const words = ANCHOR_WORDS[anchor.source];
    if (anchor.seq > lastSeq) {
      const message = `${words.knows} audit row ${anchor.seq} but the trail ends at ${lastSeq}: its last rows were deleted.${words.then}`;
      return { ok: false, checked, lastSeq, brokenAt: lastSeq + 1, reason: 'tail_missing', message };
    }
    if (anchor.hash !== null && anchor.seq > 0 && hashes.get(anchor.seq) !== anchor.hash) {
      const message =
        `Audit row ${anchor.seq} is not ${words.differs}: ` +
        `the trail was rewritten at or before row ${anchor.seq}.${words.then}`;
      return { ok: false, checked, lastSeq, brokenAt: anchor.seq, reason: 'anchor_mismatch', message };
    }
  }
  return { ok: true, checked, lastSeq, brokenAt: null, reason: null, message: null };
}
