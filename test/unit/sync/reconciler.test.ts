// The reconciliation's cost and pace, on a real SQLite outbox and a region that answers like the
// hub (counts of the station's own resources, searches by _id): 10,000 records checked in about a
// hundred requests spaced out, never ten thousand at once; a healthy region in one request per
// type; a 429 stops the check and keeps what it had found; audit rows the region can no longer
// take are said, not sent.
import Database from 'better-sqlite3';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/platform/database/migrate';
import { MIGRATIONS } from '../../../src/main/platform/database/migrations';
import { createReconcileRepository } from '../../../src/main/sync/reconcile-repository';
import type { FhirAnswer, FhirClient } from '../../../src/main/sync/fhir-client';
import { createHubPace } from '../../../src/main/platform/hub/hub-pace';
import { createReconciler } from '../../../src/main/sync/reconciler';

type Synced = { entity: string; id: string; type: string };

function stationWith(records: Synced[]) {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  const insert = db.prepare(
    "INSERT INTO sync_resources (entity, entity_id, resource_type, server_version_id, pushed_version, pushed_at) VALUES (?, ?, ?, 'v1', 1, 'then')",
  );
  db.transaction(() => records.forEach((r) => insert.run(r.entity, r.id, r.type)))();
  return db;
}

/** A region holding these resources of the station, answering as the hub does; `refuseAt`: the request answered 429. */
function region(held: Set<string>, options: { refuseAt?: number } = {}) {
  const asked: { type: string; query: Record<string, string> }[] = [];
  const answer = (status: number, resource: Resource | null): FhirAnswer => ({ status, resource, versionId: null });
  const client: FhirClient = {
    pace: createHubPace(),
    async search(type, query) {
      asked.push({ type, query });
      if (asked.length === options.refuseAt) {
        client.pace.holdUntil(Date.now() + 1000);
        return answer(429, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'throttled' }] });
      }
      const mine = [...held].filter((key) => key.startsWith(`${type}/`)).map((key) => key.split('/')[1]!);
      if (query._summary === 'count')
        return answer(200, { resourceType: 'Bundle', type: 'searchset', total: mine.length } as Bundle);
      const ids = new Set((query._id ?? '').split(','));
      const entry = mine
        .filter((id) => ids.has(id))
        .map((id) => ({ resource: { resourceType: type, id } as Resource }));
      return answer(200, { resourceType: 'Bundle', type: 'searchset', entry } as Bundle);
    },
    put: () => Promise.reject(new Error('not asked')),
    createIfNone: () => Promise.reject(new Error('not asked')),
    batch: () => Promise.reject(new Error('not asked')),
    read: () => Promise.reject(new Error('not asked')),
    capabilities: () => Promise.reject(new Error('not asked')),
  };
  return { client, asked };
}

function reconcilerOn(db: Database.Database, client: FhirClient) {
  const pauses: number[] = [];
  const logged: { event: string; detail: Record<string, unknown> }[] = [];
  const reconciler = createReconciler({
    store: createReconcileRepository(db),
    client,
    subject: () => 'cart-7',
    auditSite: 'Chariot 7',
    audit: { bySeq: (seq) => ({ id: `audit-${seq}` }) as never },
    attachmentSha256: () => null,
    now: () => new Date('2026-11-23T10:00:00.000Z'),
    inTransaction: (work) => db.transaction(work)(),
    log: (_level, event, detail) => void logged.push({ event, detail }),
    sleep: async (ms) => void pauses.push(ms),
  });
  return { reconciler, pauses, logged };
}

const resendRows = (db: Database.Database) =>
  db.prepare('SELECT entity, entity_id AS id, resend FROM outbox WHERE resend IS NOT NULL ORDER BY seq').all() as {
    entity: string;
    id: string;
    resend: number;
  }[];

const patients = (n: number): Synced[] =>
  Array.from({ length: n }, (_, i) => ({ entity: 'patient', id: `p${i}`, type: 'Patient' }));

describe('reconciler', () => {
  it('checks 10,000 records in about a hundred spaced requests, and puts back only the missing ones', async () => {
    const records = patients(10_000);
    const lost = new Set(['p17', 'p5000', 'p9999']);
    const db = stationWith(records);
    const { client, asked } = region(new Set(records.filter((r) => !lost.has(r.id)).map((r) => `Patient/${r.id}`)));
    const { reconciler, pauses } = reconcilerOn(db, client);
    const report = await reconciler.runOnce();
    expect(report).toEqual({ missing: 3, requests: 101, stoppedBy: null });
    expect(asked[0]).toEqual({ type: 'Patient', query: { _source: 'urn:relais:peer:cart-7', _summary: 'count' } });
    expect(asked.slice(1).every((a) => a.query._id!.split(',').length === 100)).toBe(true);
    // Spaced: 20 requests a second at most, under the region's 50 per token.
    expect(pauses).toEqual(Array(100).fill(50));
    expect(resendRows(db)).toEqual([...lost].map((id) => ({ entity: 'patient', id, resend: 0 })));
    // Sent again, they are no longer believed held: the next check finds the counts equal, in one request.
    asked.length = 0;
    expect(await reconciler.runOnce()).toEqual({ missing: 0, requests: 1, stoppedBy: null });
  });

  it('checks a healthy region with one count per type, and sends nothing', async () => {
    const records: Synced[] = [
      ...patients(500),
      { entity: 'encounter', id: 'e1', type: 'Encounter' },
      { entity: 'audit', id: '1', type: 'AuditEvent' },
    ];
    const db = stationWith(records);
    const held = new Set(records.map((r) => `${r.type}/${r.entity === 'audit' ? `audit-${r.id}` : r.id}`));
    const { client, asked } = region(held);
    const { reconciler } = reconcilerOn(db, client);
    expect(await reconciler.runOnce()).toEqual({ missing: 0, requests: 3, stoppedBy: null });
    expect(asked.map((a) => a.type)).toEqual(['Patient', 'Encounter', 'AuditEvent']);
    expect(asked[2]!.query).toMatchObject({ site: 'Chariot 7' });
    expect(resendRows(db)).toEqual([]);
  });

  it('stops at a 429 and keeps what it had found; the next check goes on', async () => {
    const records = patients(1000);
    const db = stationWith(records);
    const { client } = region(
      new Set(records.filter((r) => !['p3', 'p950'].includes(r.id)).map((r) => `Patient/${r.id}`)),
      { refuseAt: 5 },
    );
    const { reconciler } = reconcilerOn(db, client);
    const stopped = await reconciler.runOnce();
    expect(stopped).toMatchObject({ missing: 1, requests: 5, stoppedBy: expect.stringMatching(/asked to slow down/) });
    expect(resendRows(db).map((r) => r.id)).toEqual(['p3']);
    expect(reconciler.state().checkedAt).toBeNull();
    const { reconciler: next } = reconcilerOn(
      db,
      region(new Set(records.filter((r) => !['p3', 'p950'].includes(r.id)).map((r) => `Patient/${r.id}`))).client,
    );
    expect(await next.runOnce()).toMatchObject({ missing: 1, stoppedBy: null });
    expect(resendRows(db).map((r) => r.id)).toEqual(['p3', 'p950']);
  });

  it('sends the audit rows the region lacks from the first one, and says those it can no longer take', async () => {
    const rows = Array.from({ length: 10 }, (_, i): Synced => ({
      entity: 'audit',
      id: String(i + 1),
      type: 'AuditEvent',
    }));
    // A restore: the region holds rows 1..6 and lacks 7..10; they go, in order.
    const restored = stationWith(rows);
    const { reconciler } = reconcilerOn(
      restored,
      region(new Set(rows.slice(0, 6).map((r) => `AuditEvent/audit-${r.id}`))).client,
    );
    await reconciler.runOnce();
    expect(resendRows(restored)).toEqual(['7', '8', '9', '10'].map((id) => ({ entity: 'audit', id, resend: 4 })));
    // Its chain started again at row 9 (sent before anyone checked): rows 1..8 cannot go any more.
    const restarted = stationWith(rows);
    const { reconciler: late, logged } = reconcilerOn(restarted, region(new Set(['AuditEvent/audit-9'])).client);
    await late.runOnce();
    expect(resendRows(restarted).map((r) => r.id)).toEqual(['10']);
    expect(late.state().auditGap).toEqual({ from: 1, to: 8, rows: 8 });
    expect(logged.filter((l) => l.event === 'sync.audit_gap')).toHaveLength(1);
  });

  it('announces once, when every record sent again has gone', async () => {
    const db = stationWith(patients(3));
    const { reconciler, logged } = reconcilerOn(db, region(new Set()).client);
    expect(await reconciler.runOnce()).toMatchObject({ missing: 3, requests: 1 });
    reconciler.announceIfSent();
    expect(logged.filter((l) => l.event === 'sync.resent')).toEqual([]);
    db.prepare('DELETE FROM outbox').run(); // the push sent them
    reconciler.announceIfSent();
    reconciler.announceIfSent();
    expect(logged.filter((l) => l.event === 'sync.resent').map((l) => l.detail.text)).toEqual([
      '3 records missing at the region were sent again. / 3 enregistrement(s) absent(s) du serveur régional ont été renvoyés.',
    ]);
    expect(reconciler.state().lastResend).toMatchObject({ records: 3, resentAt: '2026-11-23T10:00:00.000Z' });
  });
});
