// 0008: what the sync needs to be idempotent and honest: for each record, the server's version
// of it (for If-Match) and the local version last pushed; outbox rows that cannot go as they are
// (parked, with the reason) or must wait (next attempt); conflicts kept with both versions until
// a person decides.
import type { Migration } from '../migrate';

export const migration0008: Migration = {
  version: 8,
  name: '0008-sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_resources (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        resource_type TEXT NOT NULL,
        server_version_id TEXT,
        pushed_version INTEGER NOT NULL,
        pushed_at TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      );

      ALTER TABLE outbox ADD COLUMN parked INTEGER NOT NULL DEFAULT 0 CHECK (parked IN (0, 1));
      ALTER TABLE outbox ADD COLUMN next_attempt_at TEXT;

      CREATE TABLE sync_conflicts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        local_resource TEXT NOT NULL,
        server_resource TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        resolved_at TEXT
      );
      CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at);
    `);
  },
};
