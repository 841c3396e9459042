// What a station's audit trail looks like from outside the station, with its data key: the rows
// still on their way to the region, and the attacker's rewrite of the chain (triggers dropped,
// a row edited, every later hash recomputed, the anchor file written again).
import fs from 'node:fs';
import path from 'node:path';
import { auditHash } from '../../src/main/audit/audit-chain';
import { createAuditRepository } from '../../src/main/audit/audit-repository';
import { stationDatabase } from './station-database';

/** Audit rows still in the outbox, neither sent nor refused. */
export function auditRowsOnTheirWay(dataDir: string): number {
  const db = stationDatabase(dataDir, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'audit' AND parked = 0").get() as { n: number })
      .n;
  } finally {
    db.close();
  }
}

/** Waits until every audit row has left the outbox (sent, or refused and parked). */
export async function auditRowsSettled(dataDir: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (auditRowsOnTheirWay(dataDir) > 0) {
    if (Date.now() > deadline) throw new Error(`audit rows still on their way after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * SECURITY: the attack the chain alone cannot see: row `seq` changed (who acted), every later row
 * re-hashed so that the chain holds, and the anchor file rewritten to the new end.
 */
export function rewriteAuditTrail(dataDir: string, seq: number, who: string): void {
  const db = stationDatabase(dataDir);
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS audit_events_no_delete;');
    const rows = [...createAuditRepository(db).all()];
    const update = db.prepare('UPDATE audit_events SET who = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    let prevHash = rows[seq - 2]?.hash ?? '0'.repeat(64);
    db.transaction(() => {
      for (const row of rows.filter((r) => r.seq >= seq)) {
        const { prevHash: _p, hash: _h, ...content } = row;
        const changed = row.seq === seq ? { ...content, who } : content;
        const hash = auditHash(prevHash, changed);
        update.run(changed.who, prevHash, hash, row.seq);
        prevHash = hash;
      }
    })();
    const last = rows[rows.length - 1]!;
    fs.writeFileSync(path.join(dataDir, 'audit-anchor.json'), JSON.stringify({ seq: last.seq, hash: prevHash }));
  } finally {
    db.close();
  }
}
