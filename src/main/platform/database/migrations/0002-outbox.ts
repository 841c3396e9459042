// 0002: the outbox. Each local change writes its record and an outbox row in one transaction;
// the sync worker sends rows in order and deletes them once the server has them.
import type { Migration } from '../migrate';

export const migration0002: Migration = {
  version: 2,
  name: '0002-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        entity_version INTEGER NOT NULL,
        operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );
      CREATE INDEX outbox_entity ON outbox (entity, entity_id);

      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
