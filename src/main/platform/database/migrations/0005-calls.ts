// 0005: the call journal. Each call the station rang or answered, how it ended and why, and its
// chat. The encounter record (records issue) links to these rows; until then they stand alone.
import type { Migration } from '../migrate';

export const migration0005: Migration = {
  version: 5,
  name: '0005-calls',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
        remote_id TEXT NOT NULL,
        remote_name TEXT NOT NULL,
        remote_role TEXT NOT NULL,
        remote_site TEXT NOT NULL,
        reason TEXT,
        urgent INTEGER NOT NULL DEFAULT 0,
        ringing_at TEXT NOT NULL,
        accepted_at TEXT,
        ended_at TEXT,
        end_reason TEXT,
        end_detail TEXT
      );
      CREATE INDEX calls_ringing_at ON calls (ringing_at);

      CREATE TABLE call_chat (
        call_id TEXT NOT NULL REFERENCES calls (id),
        id TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('sent', 'received')),
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (call_id, id)
      );
    `);
  },
};
