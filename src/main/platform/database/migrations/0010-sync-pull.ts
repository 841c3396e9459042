// 0010: what pulling server changes and settling conflicts need. The content of each version
// sent and not yet acknowledged (so that a write whose answer was lost is recognised as ours,
// even after later local edits); who settled a conflict, and how; and the server versions that
// could not be taken in, with the reason, for a person to see.
import type { Migration } from '../migrate';

export const migration0010: Migration = {
  version: 10,
  name: '0010-sync-pull',
  up(db) {
    db.exec(`
      CREATE TABLE sync_sent (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, content_hash)
      );

      ALTER TABLE sync_conflicts ADD COLUMN resolution TEXT CHECK (resolution IN ('station', 'server'));
      ALTER TABLE sync_conflicts ADD COLUMN resolved_by TEXT;

      CREATE TABLE sync_inbound_errors (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        server_version_id TEXT,
        error TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      );
    `);
  },
};
