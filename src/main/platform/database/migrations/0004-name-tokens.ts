// 0004: an index of name tokens for searching by name without scanning the registry; the
// tokens of existing patients are written here, in the same transaction.
import type { Migration } from '../migrate';
import { nameTokens } from '../name-tokens';

export const migration0004: Migration = {
  version: 4,
  name: '0004-name-tokens',
  up(db) {
    db.exec(`
      CREATE TABLE patient_name_tokens (
        token TEXT NOT NULL,
        patient_id TEXT NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
        PRIMARY KEY (token, patient_id)
      ) WITHOUT ROWID;
      CREATE INDEX patient_name_tokens_patient ON patient_name_tokens (patient_id);
    `);
    const insert = db.prepare('INSERT OR IGNORE INTO patient_name_tokens (token, patient_id) VALUES (?, ?)');
    // all(), not iterate(): better-sqlite3 cannot insert while a read is still open.
    const rows = db
      .prepare('SELECT id, birth_name, used_name, birth_first_names, used_first_name FROM patients')
      .all() as Array<{
      id: string;
      birth_name: string;
      used_name: string | null;
      birth_first_names: string;
      used_first_name: string | null;
    }>;
    for (const r of rows) {
      for (const token of nameTokens({
        birthName: r.birth_name,
        usedName: r.used_name,
        birthFirstNames: r.birth_first_names,
        usedFirstName: r.used_first_name,
      })) {
        insert.run(token, r.id);
      }
    }
  },
};
