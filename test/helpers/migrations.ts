// The schema up to a given migration, and a table's columns: what the migration tests read.
import type Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/main/platform/database/migrations';

export const upTo = (version: number) => MIGRATIONS.slice(0, version);
export const columns = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
