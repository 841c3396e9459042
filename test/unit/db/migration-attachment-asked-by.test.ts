// Migration 0027 (issue 21, point 3): a file says which expert asked for it; files kept before say nobody.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/main/platform/database/migrate';
import { columns, upTo } from '../../helpers/migrations';

describe('migration 0027', () => {
  it('adds who asked for a file, empty for the files kept before, at most 200 characters', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(26));
    db.prepare(
      "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('c1', 'outgoing', 'dr', 'Dr K', 'expert', 'CHU', 'now')",
    ).run();
    const insert = db.prepare(`INSERT INTO attachments (id, call_id, kind, mime, size, sha256, device, author, taken_at)
      VALUES (?, 'c1', 'snapshot', 'image/png', 1, '${'a'.repeat(64)}', 'Caméra', 'IDE', 'now')`);
    insert.run('a1');
    expect(columns(db, 'attachments')).not.toContain('asked_by');
    migrate(db, upTo(27));
    expect(columns(db, 'attachments')).toContain('asked_by');
    expect(db.prepare("SELECT asked_by FROM attachments WHERE id = 'a1'").get()).toEqual({ asked_by: null });
    expect(() => db.prepare("UPDATE attachments SET asked_by = '' WHERE id = 'a1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE attachments SET asked_by = '${'x'.repeat(201)}'`).run()).toThrow(/CHECK/);
    db.prepare("UPDATE attachments SET asked_by = 'Dr K' WHERE id = 'a1'").run();
    expect(db.prepare("SELECT asked_by FROM attachments WHERE id = 'a1'").get()).toEqual({ asked_by: 'Dr K' });
  });
});
