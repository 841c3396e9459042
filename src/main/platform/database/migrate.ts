// Applies numbered migrations in order, one transaction each, tracked by PRAGMA user_version.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(
      `The data folder was written by a newer Relais (schema ${found}, this one knows ${known}). ` +
        'Update Relais on this station; nothing was changed.',
    );
  }
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1)
      throw new Error(`Migration ${migration.name} is numbered ${migration.version}, expected ${index + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) throw new NewerDatabaseError(current, migrations.length);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
