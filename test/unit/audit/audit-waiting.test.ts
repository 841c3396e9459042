// The audit rows that cannot be written while the database is full (issue 17, point 2): a read
// is shown with its row waiting in memory; the memory is bounded, and past it events are lost
// only with a count (in the log, in the waiting counts the status shows, in verify's warnings,
// and in the trail itself once it can be written); once space is back the rows are written first,
// in order, and the chain verifies. The database is made full with SQLite's own page limit.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAuditService } from '../../../src/main/audit/audit-service';
import { createAuditRepository } from '../../../src/main/audit/audit-repository';
import { openDatabase, type Db } from '../../../src/main/platform/database/connection';
import { createOutboxRepository } from '../../../src/main/platform/database/outbox-repository';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-audit-waiting-');

/** Fills the database up to a page limit that leaves no room: every insert from now on is SQLITE_FULL. */
function fillDatabase(db: Db): void {
  db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
  db.exec('CREATE TABLE IF NOT EXISTS ballast (b BLOB)');
  const insert = db.prepare('INSERT INTO ballast (b) VALUES (zeroblob(?))');
  for (let size = 4096; size >= 1;) {
    try {
      insert.run(size);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_FULL') throw error;
      size = Math.floor(size / 2);
    }
  }
}

function station(maxWaiting: number) {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'relais.sqlite'));
  // Room for the ballast table before the limit is set.
  db.exec('CREATE TABLE ballast (b BLOB)');
  const log: { event: string; fields: Record<string, unknown> }[] = [];
  const logger = {
    info() {},
    warn() {},
    error: (event: string, fields: Record<string, unknown> = {}) => void log.push({ event, fields }),
  };
  let clock = Date.parse('2026-11-23T09:00:00.000Z');
  const audit = createAuditService({
    db,
    repository: createAuditRepository(db),
    outbox: createOutboxRepository(db),
    who: () => ({ station: 'chariot-1', who: 'chariot-1' }),
    now: () => new Date((clock += 1000)),
    logger,
    anchorFile: path.join(dir, 'audit-anchor.json'),
    patientOfEncounter: () => null,
    maxWaiting,
  });
  const read = (id: string) =>
    audit.onCall({
      channel: 'patients.get',
      input: { id },
      output: { id },
      outcome: 'success',
      origin: { binding: 'ipc' },
    });
  return { db, audit, log, read, repository: createAuditRepository(db) };
}

describe('audit rows waiting on a full database', () => {
  it('shows reads while their rows wait, loses events past the bound only with a count, and writes them first, in order, once space is back', async () => {
    const { db, audit, log, read, repository } = station(4);
    read('p-0');
    fillDatabase(db);
    // The trail's own pages may still hold a few rows: reads until one waits, then every row waits.
    for (let n = 1; audit.waiting().waiting === 0; n++) read(`filler-${n}`);

    // Three more reads are shown, their rows waiting; the next two are past the bound: refused, and counted.
    for (const id of ['p-1', 'p-2', 'p-3']) expect(() => read(id)).not.toThrow();
    expect(() => read('p-4')).toThrow();
    expect(() => read('p-5')).toThrow();
    // A write's event past the bound is counted too (the write itself is done).
    expect(() =>
      audit.onCall({
        channel: 'patients.create',
        input: {},
        output: { status: 'created', patient: { id: 'p-6' } },
        outcome: 'success',
        origin: { binding: 'ipc' },
      }),
    ).not.toThrow();
    expect(audit.waiting()).toEqual({ waiting: 4, lost: 3 });
    expect(log.filter((l) => l.event === 'audit.events_lost').map((l) => l.fields.lost)).toEqual([1]);
    expect(log.find((l) => l.event === 'audit.events_lost')?.fields.text).toMatch(
      /1 audit events could not be kept: 4 already wait in memory/,
    );
    const whileFull = await audit.verify();
    expect(whileFull.warnings).toEqual([
      expect.stringMatching(/^4 audit events could not be written yet/),
      expect.stringMatching(/^3 audit events could not be kept/),
    ]);
    expect(() => audit.flush()).toThrow(expect.objectContaining({ code: 'SQLITE_FULL' }));

    // Space is back: the waiting rows go first, in order, then the count of the lost ones.
    db.pragma('max_page_count = 1000000');
    audit.flush();
    expect(audit.waiting()).toEqual({ waiting: 0, lost: 3 });
    const rows = [...repository.all()];
    expect(rows[0]?.entityId).toBe('p-0');
    expect(rows.slice(-5).map((r) => [r.event, r.entityId, r.outcome].filter(Boolean).join(' '))).toEqual([
      expect.stringMatching(/^patients\.get filler-\d+ success$/),
      'patients.get p-1 success',
      'patients.get p-2 success',
      'patients.get p-3 success',
      'audit.events_lost lost',
    ]);
    expect(rows.at(-1)?.detail).toBe(
      '3 audit events were not kept: their rows could not be written and 4 were already waiting in memory',
    );
    expect(await audit.verify()).toMatchObject({ ok: true, warnings: [] });
  });

  it('still refuses a read whose row fails for another reason than a full disk', () => {
    const { db, read } = station(3);
    db.exec("CREATE TRIGGER jammed BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'jammed'); END;");
    expect(() => read('p-1')).toThrow(/jammed/);
  });
});
