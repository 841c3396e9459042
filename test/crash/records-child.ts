// A station process the database tests kill with SIGKILL: it records COUNT patients (each with its
// audit row), waits until the region holds them all (nothing left in the outbox), prints "synced"
// and idles until it is killed, its WAL never checkpointed into the database file.
// Run with: node --import tsx records-child.ts
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import { outboxWaiting, patientNumber } from '../helpers/database-damage';

const { DATA_DIR, HUB_URL, FHIR_URL, TOKEN, COUNT } = process.env;
if (!DATA_DIR || !HUB_URL || !FHIR_URL || !TOKEN) throw new Error('DATA_DIR, HUB_URL, FHIR_URL and TOKEN are required');
const station = createStation({
  dataDir: DATA_DIR,
  mode: 'browser',
  logger: silentLogger,
  stationName: 'test-cart',
  hubUrl: HUB_URL,
  hubToken: TOKEN,
  fhirUrl: FHIR_URL,
  syncTiming: { debounceMs: 5, intervalMs: 40 },
});

async function work(): Promise<void> {
  for (let n = 0; n < Number(COUNT ?? 30); n++) {
    const created = await station.dispatch('patients.create', { identity: patientNumber(n), notDuplicateOf: [] });
    if (!created.ok) throw new Error(`patients.create: ${created.error.message}`);
  }
  while (outboxWaiting(DATA_DIR!) > 0) await new Promise((r) => setTimeout(r, 20));
  process.stdout.write('synced\n');
  // Idle until killed: the station stays open, its WAL as it is.
  setInterval(() => {}, 60_000);
}

void work().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(2);
});
