// Records sent many to a request, in FHIR batch Bundles, when the server's CapabilityStatement
// offers batches: each record a PUT at its client-made id naming the server version it replaces
// (so a Bundle sent again after a lost answer creates nothing twice), the Practitioners they name
// as conditional creates ahead of them, and each entry's answer handled exactly as a single
// answer (put-resource.ts `settle`). A server that refuses the Bundle itself gets the records one
// request each; one that finds it too large (413) gets smaller ones. One step of the push
// (push-worker.ts).
import type { FhirAnswer } from '../fhir-client';
import type { PushDeps, PushReport } from '../push-worker';
import { practitionerSearch } from '../fhir/practitioner';
import { refusalVerdict } from '../server-refusal';
import { batchAnswers, batchBundle, type BatchRequest } from './batch-bundle';
import { examine, type Built, type Examined, type Ready, type ResourceWrites } from './put-resource';
import type { RowOutcomes } from './row-outcomes';
import type { OutboxRow } from '../sync-repository';

/** Entries in a Bundle at most: the hub's own maximum (src/hub/fhir-batch.ts); a server that takes fewer says 413. */
export const BATCH_ENTRIES = 100;

/** The longest the push holds the station's main process at a time while it examines records. */
const TURN_MS = 5;

type Pending = { row: OutboxRow; built: Built };

export type PushBatch = ReturnType<typeof createPushBatch>;

export function createPushBatch(deps: PushDeps, { later, waitAsAsked }: RowOutcomes, writes: ResourceWrites) {
  let size = BATCH_ENTRIES;
  /** The server refused a Bundle itself (not its entries): the rest of this run goes one request each. */
  let refusedBatches = false;

  /** Records go in Bundles: the server offers batches and has not refused one. */
  const enabled = () => !refusedBatches && size > 1 && (deps.capabilities?.().batch ?? false);

  /**
   * Sends these records (in outbox order) in as many Bundles as they need, one Bundle in flight at
   * a time; stops as a single PUT would. The next Bundle's records are examined while the server
   * works on the current one.
   */
  async function send(records: Pending[], report: PushReport): Promise<'next' | 'stop'> {
    const queue = records.slice();
    const ready: Ready[] = [];
    const prepareMore = async () => {
      const some = queue.splice(0, size);
      const examined = await examineInTurns(some);
      // Remembered in one SQLite transaction (one commit, not one a record).
      deps.inTransaction(() =>
        some.forEach(({ row, built }, i) => {
          const prepared = writes.prepare(row, built, report, examined[i]!);
          if ('ready' in prepared) ready.push(prepared.ready);
        }),
      );
    };
    while (ready.length > 0 || queue.length > 0) {
      if (ready.length === 0) {
        await prepareMore();
        continue;
      }
      if (!enabled()) return one([...ready.splice(0), ...queue.splice(0)], report);
      const bundle = nextBundle(ready);
      const [outcome] = await Promise.all([
        sendBundle(bundle.records, bundle.practitioners, report),
        ready.length < size && queue.length > 0 ? prepareMore() : null,
      ]);
      if (outcome === 'stop') return 'stop';
    }
    return 'next';
  }

  /**
   * Validation and hashing, a few milliseconds at a time: the push runs in the station's main
   * process, where a hundred records at once (50 to 100 ms of CPU) would hold back the devices,
   * the calls and the Bundle in flight.
   */
  async function examineInTurns(records: Pending[]): Promise<(Examined | null)[]> {
    const examined: (Examined | null)[] = [];
    let since = performance.now();
    for (const { built } of records) {
      examined.push(built && examine(built));
      if (performance.now() - since < TURN_MS) continue;
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
    return examined;
  }

  /** The first records that fit in a Bundle, with the Practitioners they name that the server may lack. */
  function nextBundle(ready: Ready[]): { records: Ready[]; practitioners: Map<string, BatchRequest> } {
    const records: Ready[] = [];
    const practitioners = new Map<string, BatchRequest>();
    while (ready.length > 0) {
      const wanted = [...writes.practitionersToCreate(ready[0]!.built.resource)].filter(
        ([rpps]) => !practitioners.has(rpps),
      );
      if (records.length > 0 && records.length + practitioners.size + wanted.length + 1 > size) break;
      for (const [rpps, resource] of wanted)
        practitioners.set(rpps, { kind: 'create', resource, ifNoneExist: practitionerSearch(rpps) });
      records.push(ready.shift()!);
    }
    return { records, practitioners };
  }

  async function sendBundle(
    records: Ready[],
    practitioners: Map<string, BatchRequest>,
    report: PushReport,
  ): Promise<'next' | 'stop'> {
    const first = records[0]!.row;
    const requests: BatchRequest[] = [
      ...practitioners.values(),
      ...records.map((r): BatchRequest => ({ kind: 'put', resource: r.built.resource, ifMatch: r.ifMatch })),
    ];
    let answer: FhirAnswer;
    try {
      answer = await deps.client.batch(batchBundle(requests));
    } catch (error) {
      // As a single PUT's: the first record waits (back-off, or the server's pause), the pass stops.
      return writes.failed(first, error, report);
    }
    const answers = batchAnswers(answer, requests.length);
    if (!answers) return bundleRefused(answer, records, report);
    [...practitioners.keys()].forEach((rpps, i) => writes.practitionerAnswered(rpps, answers[i]!));
    // Every entry's answer is kept, even after one that stops the pass: they were all applied.
    // Those that need no further request in one SQLite transaction; then the 412s, each read back.
    let result: 'next' | 'stop' = 'next';
    const preconditionFailed: [Ready, FhirAnswer][] = [];
    deps.inTransaction(() => {
      for (const [i, record] of records.entries()) {
        const entry = answers[practitioners.size + i]!;
        if (entry.status === 412) preconditionFailed.push([record, entry]);
        else if (writes.settleNow(record, entry, report) === 'stop') result = 'stop';
      }
    });
    for (const [record, entry] of preconditionFailed)
      if ((await writes.settle(record, entry, report, result === 'next')) === 'stop') result = 'stop';
    return result;
  }

  /** The server answered the Bundle itself, not its entries: nothing is known of any record. */
  async function bundleRefused(answer: FhirAnswer, records: Ready[], report: PushReport): Promise<'next' | 'stop'> {
    const verdict = refusalVerdict(answer);
    const first = records[0]!.row;
    if (verdict.kind === 'pause') return waitAsAsked(first, report);
    // The server or the token is in trouble (5xx, 401): as for a single PUT, the pass waits.
    if (verdict.kind === 'later') return later(first, verdict.why, report, true);
    if (answer.status === 413 && records.length > 1) {
      // Too large for this server: smaller Bundles from now on.
      size = Math.max(1, Math.floor(size / 2));
      return send(records, report);
    }
    // Not a batch-response (a server that does not take batches after all, or refused this
    // one): the records go one request each, now and for the rest of this run.
    refusedBatches = true;
    return one(records, report);
  }

  /** Each record alone, as the single path sends it. */
  async function one(records: Pending[], report: PushReport): Promise<'next' | 'stop'> {
    for (const record of records)
      if ((await writes.putResource(record.row, record.built, report)) === 'stop') return 'stop';
    return 'next';
  }

  return { enabled, send };
}
