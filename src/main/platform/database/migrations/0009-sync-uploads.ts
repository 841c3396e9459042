// 0009: the resumable upload of each stored file, by its SHA-256: the upload's address on the
// server (to resume after a drop or a restart) and when it completed (never sent twice).
import type { Migration } from '../migrate';

export const migration0009: Migration = {
  version: 9,
  name: '0009-sync-uploads',
  up(db) {
    db.exec(`
      CREATE TABLE sync_uploads (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        url TEXT NOT NULL,
        completed_at TEXT
      );
    `);
  },
};
