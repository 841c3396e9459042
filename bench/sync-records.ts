// The records half of the sync bench (sync.bench.ts): what the station's push was told about the
// server (its CapabilityStatement, as the station reads it), and the records' figures beside the
// target of issue 23 (10,000 acts with their observations within 60 s, under the hub's default
// per-token limit) and the same run's reference: plain SQLite inserts of as many rows on this disk.
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FhirClient } from '../src/main/sync/fhir-client';
import { readCapabilities, type ServerCapabilities } from '../src/main/sync/server-capabilities';

const TARGET_ACTS = 10_000;
const TARGET_SECONDS = 60;

/** The server's capabilities as the station reads them before it pushes (sync-service.ts). */
export async function serverCapabilities(client: FhirClient): Promise<ServerCapabilities> {
  return readCapabilities((await client.capabilities()).resource);
}

/**
 * The reference: `rows` rows of about 1 kB (a record's FHIR JSON) inserted into a plain SQLite
 * table in a file beside the station's (WAL, a prepared statement, 100 rows to a transaction,
 * as many as a Bundle holds). Rows a second.
 */
export function rawInsertRate(dir: string, rows: number): number {
  const db = new Database(path.join(dir, 'raw-insert.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE records (id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO records (id, body) VALUES (?, ?)');
  const body = JSON.stringify({ resourceType: 'Observation', text: randomBytes(384).toString('base64') });
  const some = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(`record-${i}`, body);
  });
  const start = performance.now();
  for (let from = 0; from < rows; from += 100) some(from, Math.min(rows, from + 100));
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return rows / seconds;
}

export function recordLines(figures: {
  acts: number;
  records: number;
  seconds: number;
  rawRate: number;
  batch: boolean;
}): string[] {
  const { acts, records, seconds, rawRate, batch } = figures;
  const rate = records / seconds;
  // At this run's rate, the target's 10,000 acts (the same records per act).
  const forTarget = (seconds * TARGET_ACTS) / acts;
  const verdict = forTarget <= TARGET_SECONDS ? 'met' : 'NOT met';
  const how = batch ? 'batch Bundles of up to 100 PUTs' : 'one PUT each: the server offers no batch';
  return [
    `  records pushed (current state, ${how})${' '.repeat(Math.max(1, 28 - how.length))}${records} in ${seconds.toFixed(1)} s: ${rate.toFixed(0)} records/s`,
    `  ${TARGET_ACTS} acts with their observations                  ${forTarget.toFixed(1)} s${acts === TARGET_ACTS ? '' : ` (from ${acts} acts)`}; target <= ${TARGET_SECONDS} s: ${verdict}`,
    `  reference: raw SQLite insert, same run and disk       ${rawRate.toFixed(0)} rows/s; the push is ${((100 * rate) / rawRate).toFixed(1)} % of it`,
  ];
}
