// The audit trail's hash chain on a real SQLite file: appended rows verify; a row edited, a row
// deleted or the last rows deleted by someone holding the file (triggers dropped first) are found,
// at the row where it happened; and what cannot be found without the region's copy.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditService, type AuditServiceDeps } from '../../../src/main/audit/audit-service';
import { auditHash, canonicalAuditRow, GENESIS_HASH } from '../../../src/main/audit/audit-chain';
import { createAuditRepository } from '../../../src/main/audit/audit-repository';
import { openDatabase } from '../../../src/main/platform/database/connection';
import { createOutboxRepository } from '../../../src/main/platform/database/outbox-repository';
import { silentLogger } from '../../../src/main/platform/logger';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-audit-');

/** A trail of five events in a fresh data folder, and a second connection as the attacker's. */
function trail(regionHead: AuditServiceDeps['regionHead'] = null) {
  const dir = tempDir();
  const file = path.join(dir, 'relais.sqlite');
  const db = openDatabase(file);
  const repository = createAuditRepository(db);
  let clock = Date.parse('2026-11-23T09:00:00.000Z');
  const audit = createAuditService({
    db,
    repository,
    outbox: createOutboxRepository(db),
    who: () => ({ station: 'chariot-ehpad-1', who: 'chariot-ehpad-1 (nurse, EHPAD Les Tilleuls)' }),
    now: () => new Date((clock += 1000)),
    logger: silentLogger,
    anchorFile: path.join(dir, 'audit-anchor.json'),
    patientOfEncounter: () => null,
    regionHead,
  });
  const patients = ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'];
  for (const p of patients)
    audit.record(
      { action: 'read', event: 'patients.get', entityType: 'patient', entityId: p, patientIds: [p] },
      { binding: 'ipc' },
    );
  // SECURITY: what an attacker with the file does first: the append-only triggers go.
  const attacker = new Database(file);
  attacker.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete;');
  return { dir, db, audit, attacker };
}

describe('audit chain', () => {
  it('chains each row to the one before from the genesis value, and verifies', async () => {
    const { db, audit, attacker } = trail();
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq').all() as {
      seq: number;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await audit.verify()).toMatchObject({
      ok: true,
      checked: 5,
      lastSeq: 5,
      brokenAt: null,
      anchors: [{ source: 'anchor file', seq: 5 }],
    });
    attacker.close();
  });

  it('refuses to update or delete a row while the triggers are there', () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'relais.sqlite'));
    const repository = createAuditRepository(db);
    repository.append({
      at: '2026-11-23T09:00:00.000Z',
      station: 's',
      who: 's',
      person: null,
      action: 'read',
      event: 'patients.get',
      entityType: 'patient',
      entityId: 'p',
      patientIds: ['p'],
      outcome: 'success',
      detail: null,
      origin: 'ipc',
    });
    expect(() => db.prepare("UPDATE audit_events SET who = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('finds a past row whose field was edited, at that row', async () => {
    const { audit, attacker } = trail();
    attacker.prepare('UPDATE audit_events SET patient_ids = \'["p-9"]\' WHERE seq = 3').run();
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash_mismatch', checked: 2 });
    attacker.close();
  });

  it('finds an edited row whose hash was recomputed too, at the next row', async () => {
    const { audit, attacker } = trail();
    attacker.prepare("UPDATE audit_events SET who = 'someone else' WHERE seq = 2").run();
    // The attacker knows the algorithm (it is public) and fixes row 2's own hash.
    const r = attacker.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as Record<string, unknown>;
    const content = {
      seq: 2,
      id: r.id as string,
      at: r.at as string,
      station: r.station as string,
      who: r.who as string,
      person: null,
      action: 'read' as const,
      event: r.event as string,
      entityType: r.entity_type as string,
      entityId: r.entity_id as string,
      patientIds: JSON.parse(r.patient_ids as string) as string[],
      outcome: r.outcome as string,
      detail: null,
      origin: r.origin as string,
    };
    attacker.prepare('UPDATE audit_events SET hash = ? WHERE seq = 2').run(auditHash(r.prev_hash as string, content));
    expect(canonicalAuditRow(content)).toContain('someone else');
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 3, reason: 'broken_link' });
    attacker.close();
  });

  it('finds a deleted middle row, at its number', async () => {
    const { audit, attacker } = trail();
    attacker.prepare('DELETE FROM audit_events WHERE seq = 4').run();
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 4, reason: 'gap' });
    attacker.close();
  });

  it('finds the last rows deleted, from the anchor file', async () => {
    const { audit, attacker } = trail();
    attacker.prepare('DELETE FROM audit_events WHERE seq >= 4').run();
    const verdict = await audit.verify();
    expect(verdict).toMatchObject({ ok: false, brokenAt: 4, reason: 'tail_missing', lastSeq: 3 });
    expect(verdict.message).toMatch(/anchor file knows audit row 5/);
    attacker.close();
  });

  it('finds the last rows deleted from the region’s copy, even with the anchor file rewritten to match', async () => {
    const { dir, db, audit, attacker } = trail();
    // The region acknowledged rows 1..5 (what the push worker records from the region's answer to each AuditEvent).
    const repository = createAuditRepository(db);
    for (const row of [...repository.all()]) repository.acknowledge(row.seq, row.hash, '2026-11-23T09:10:00.000Z');
    attacker.prepare('DELETE FROM audit_events WHERE seq = 5').run();
    const last = attacker.prepare('SELECT seq, hash FROM audit_events WHERE seq = 4').get();
    fs.writeFileSync(path.join(dir, 'audit-anchor.json'), JSON.stringify(last));
    expect(await audit.verify()).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: 'tail_missing',
      anchors: [
        { source: 'anchor file', seq: 4 },
        { source: 'regional acknowledgement', seq: 5 },
      ],
    });
    attacker.close();
  });

  it('cannot find rows deleted from the end when the anchor is deleted too and nothing reached the region: it says so', async () => {
    const { dir, audit, attacker } = trail();
    attacker.prepare('DELETE FROM audit_events WHERE seq >= 4').run();
    fs.rmSync(path.join(dir, 'audit-anchor.json'));
    const verdict = await audit.verify();
    // The limit of a chain kept on the same disk: a clean cut of the tail leaves a valid chain.
    expect(verdict).toMatchObject({ ok: true, lastSeq: 3 });
    expect(verdict.warnings.join(' ')).toMatch(/No anchor file/);
    attacker.close();
  });

  it('says a damaged anchor file is unreadable rather than trusting it', async () => {
    const { dir, audit, attacker } = trail();
    fs.writeFileSync(path.join(dir, 'audit-anchor.json'), '{"seq": "lots"');
    expect((await audit.verify()).warnings.join(' ')).toMatch(/anchor file is unreadable/);
    attacker.close();
  });

  it('finds a whole chain rewritten from a row on, from the anchor’s hash', async () => {
    const { audit, attacker } = trail();
    // Recompute every hash from row 2 on after an edit: the chain is self-consistent again.
    attacker.prepare("UPDATE audit_events SET who = 'someone else' WHERE seq = 2").run();
    let prev = (attacker.prepare('SELECT hash FROM audit_events WHERE seq = 1').get() as { hash: string }).hash;
    for (const r of attacker.prepare('SELECT * FROM audit_events WHERE seq >= 2 ORDER BY seq').all() as Record<
      string,
      unknown
    >[]) {
      const content = {
        seq: r.seq as number,
        id: r.id as string,
        at: r.at as string,
        station: r.station as string,
        who: r.who as string,
        person: null,
        action: 'read' as const,
        event: r.event as string,
        entityType: r.entity_type as string,
        entityId: r.entity_id as string,
        patientIds: JSON.parse(r.patient_ids as string) as string[],
        outcome: r.outcome as string,
        detail: null,
        origin: r.origin as string,
      };
      const hash = auditHash(prev, content);
      attacker.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
      prev = hash;
    }
    expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 5, reason: 'anchor_mismatch' });
    attacker.close();
  });

  it('checks the chain against the region’s own copy of its last row, even with nothing kept here', async () => {
    let region = { seq: 5, hash: 'f'.repeat(64), otherSites: [] };
    const { audit, attacker } = trail(async () => region);
    // The region remembers another row 5 than this station's: rewritten at or before it.
    const verdict = await audit.verify();
    expect(verdict).toMatchObject({ ok: false, brokenAt: 5, reason: 'anchor_mismatch' });
    expect(verdict.message).toMatch(
      /Audit row 5 is not the one the regional server acknowledged \(its own copy, asked now\)/,
    );
    // The region knows a row 7 this station no longer has.
    region = { seq: 7, hash: 'f'.repeat(64), otherSites: [] };
    expect(await audit.verify()).toMatchObject({
      ok: false,
      brokenAt: 6,
      reason: 'tail_missing',
      message: expect.stringMatching(/regional server acknowledged audit row 7 but the trail ends at 5/),
    });
    attacker.close();
  });

  it('says plainly when the region could not be asked, or lost its copy, instead of passing silently', async () => {
    const unreachable = trail(async () => {
      throw new Error('the hub did not answer: connect ECONNREFUSED');
    });
    const verdict = await unreachable.audit.verify();
    expect(verdict.ok).toBe(true);
    expect(verdict.warnings.join(' ')).toMatch(
      /could not be asked .*ECONNREFUSED.*checked against what this station keeps only/,
    );
    unreachable.attacker.close();

    const forgetful = trail(async () => ({ seq: 0, hash: null, otherSites: [] }));
    const repository = createAuditRepository(forgetful.db);
    repository.acknowledge(3, repository.bySeq(3)!.hash, '2026-11-23T09:10:00.000Z');
    expect((await forgetful.audit.verify()).warnings.join(' ')).toMatch(
      /holds no audit row of this station, though it acknowledged rows up to 3: its copy was lost/,
    );
    forgetful.attacker.close();

    // The token's trails under other names only: a second workstation, or this one renamed.
    const renamed = trail(async () => ({ seq: 0, hash: null, otherSites: [{ site: 'chariot-ehpad-1-old', seq: 40 }] }));
    expect((await renamed.audit.verify()).warnings.join(' ')).toMatch(
      /holds trails of the same token from chariot-ehpad-1-old \(up to row 40\)\. If this station was renamed/,
    );
    renamed.attacker.close();
  });
});
