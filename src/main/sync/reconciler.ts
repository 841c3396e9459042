// Checks that the regional server still holds what the station believes it sent, and sends again
// what it lacks: a region restored from a backup, or the development hub restarted with an empty
// store, otherwise goes unnoticed (nothing pending here, records missing there).
// How, and why so: per resource type, one count of this station's resources at the region
// (`_source` its own, `_summary=count`) against the records the station believes there. Equal,
// nothing more is asked: a healthy region costs one request per type, whatever the number of
// records. Otherwise the ids, 100 to a request (`_id=a,b,...`), say which are missing (none are
// asked when the region holds none of that type). A `_lastUpdated` window would miss a restore
// (restored copies keep their dates) and batch Bundles are refused by the hub (they cannot be
// filtered per resource). The requests are spaced (20 a second at most, the region allows 50
// per token) and a 429 stops the check until the pause asked for is over.
// What is missing goes back to the outbox ahead of everything else, in dependency order (patients,
// requests, acts, what points at an act, audit rows); a file's upload is checked again first and
// sent again when gone. The audit trail goes again from the first row the region lacks, in order
// and before any new row, so that the region's copy of the chain starts again where it stopped.
import type { Bundle } from '@medplum/fhirtypes';
import { regionSourceOf } from '../../shared/region-source';
import type { ReconcileRepository, ReconcileState, SyncedRecord } from './reconcile-repository';
import { reportPdfBinaryId } from './fhir/report';
import { FhirNetworkError, type FhirAnswer, type FhirClient } from './fhir-client';
import { pausedMessage } from '../platform/hub/hub-pace';
import { resourceIdOf, type AuditSource } from './local-resources';
import { auditGapText, missingText, resentText } from './reconcile-texts';

/** Each record's place when sent again: what it points to goes before it (migration 0023). */
export const RESEND_RANK: Record<string, number> = {
  patient: 0,
  service_request: 1,
  encounter: 2,
  consent: 3,
  observation: 3,
  report: 3,
  attachment: 3,
  call_chat: 3,
  imaging_study: 3,
  expertise_message: 3,
  prescription_medication: 3,
  prescription_service: 3,
  audit: 4,
};
/** The order types are checked in: a check cut short has already put back what the others point to. */
const TYPE_ORDER = [
  'Patient',
  'ServiceRequest',
  'Encounter',
  'MedicationRequest',
  'Consent',
  'Observation',
  'Media',
  'DocumentReference',
  'Binary',
  'Communication',
  'ImagingStudy',
  'AuditEvent',
];
const IDS_PER_REQUEST = 100;
const DEFAULT_SPACING_MS = 50;

export interface ReconcileDeps {
  store: ReconcileRepository;
  client: FhirClient;
  /** This station's token subject at the hub (its resources' meta.source there); null: unknown, ids only. */
  subject: () => string | null;
  /** The name this station records in its audit rows (AuditEvent.source.site): its chain at the region. */
  auditSite: string | null;
  audit?: Pick<AuditSource, 'bySeq'>;
  /** A file's SHA-256 by its attachment id, to check its upload again. */
  attachmentSha256: (attachmentId: string) => string | null;
  now: () => Date;
  inTransaction: <T>(work: () => T) => T;
  log: (level: 'info' | 'warn' | 'error', event: string, detail: Record<string, unknown>) => void;
  sleep?: (ms: number) => Promise<void>;
  /** Between two requests of a check (ms). */
  spacingMs?: number;
}

export interface ReconcileReport {
  /** Records the region lacked, now first in the outbox. */
  missing: number;
  requests: number;
  /** Why the check stopped before its end (the region unreachable, or asking for a pause). */
  stoppedBy: string | null;
}

/** The check cannot go on now (network, 429): what was found so far stays in the outbox. */
class CheckStopped extends Error {}

export function createReconciler(deps: ReconcileDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const spacingMs = deps.spacingMs ?? DEFAULT_SPACING_MS;
  let requests = 0;

  async function ask(type: string, query: Record<string, string>): Promise<FhirAnswer> {
    if (requests > 0) await sleep(spacingMs);
    requests++;
    let answer: FhirAnswer;
    try {
      answer = await deps.client.search(type, query);
    } catch (error) {
      if (error instanceof FhirNetworkError) throw new CheckStopped(error.message);
      throw error;
    }
    if (answer.status === 429) throw new CheckStopped(pausedMessage(Math.max(deps.client.pace.waitMs(), 1000)));
    return answer;
  }

  /** How many of this station's resources of the type the region holds; null when it does not say. */
  async function regionCount(type: string): Promise<number | null> {
    const subject = deps.subject();
    if (!subject) return null;
    const query: Record<string, string> = { _source: regionSourceOf(subject), _summary: 'count' };
    // The token's other workstations (an expert's two) have chains of their own: this one's only.
    if (type === 'AuditEvent' && deps.auditSite) query.site = deps.auditSite;
    const answer = await ask(type, query);
    const bundle = answer.resource as Bundle | null;
    return answer.status === 200 && bundle?.resourceType === 'Bundle' && typeof bundle.total === 'number'
      ? bundle.total
      : null;
  }

  /** The records of a type, walked in pages, each with the ids its resources have at the region. */
  function* recordsOf(type: string): Generator<{ record: SyncedRecord; ids: string[] }> {
    let cursor = 0;
    for (;;) {
      // A signed report's two Binaries (its PDF and its text) are counted with the report.
      const page =
        type === 'Binary' ? deps.store.ofEntity('report', cursor, 500) : deps.store.ofType(type, cursor, 500);
      if (page.length === 0) return;
      for (const record of page) {
        const id = type === 'Binary' ? record.entityId : resourceIdOf(record.entity, record.entityId, deps.audit);
        if (id !== null) yield { record, ids: type === 'Binary' ? [id, reportPdfBinaryId(id)] : [id] };
      }
      cursor = page.at(-1)!.cursor;
    }
  }

  /**
   * Walks a type's records by their ids, 100 to a request, handing each batch's missing ones to
   * `lacking` as it goes (a check cut short keeps what it found); false when the region refuses
   * the search. `held` gets the records the region holds.
   */
  async function walkById(
    type: string,
    lacking: (records: SyncedRecord[]) => void,
    held?: (record: SyncedRecord) => void,
  ): Promise<boolean> {
    let batch: { record: SyncedRecord; ids: string[] }[] = [];
    const flush = async (): Promise<boolean> => {
      const ids = batch.flatMap((b) => b.ids);
      const answer = await ask(type, { _id: ids.join(','), _count: String(ids.length), _elements: 'id' });
      const bundle = answer.resource as Bundle | null;
      if (answer.status !== 200 || bundle?.resourceType !== 'Bundle') return false;
      const there = new Set((bundle.entry ?? []).map((e) => e.resource?.id));
      const missing = batch.filter((b) => !b.ids.every((id) => there.has(id))).map((b) => b.record);
      if (held) for (const b of batch) if (b.ids.every((id) => there.has(id))) held(b.record);
      if (missing.length > 0) lacking(missing);
      batch = [];
      return true;
    };
    let idCount = 0;
    for (const item of recordsOf(type)) {
      batch.push(item);
      idCount += item.ids.length;
      if (idCount >= IDS_PER_REQUEST) {
        if (!(await flush())) return false;
        idCount = 0;
      }
    }
    return batch.length === 0 || flush();
  }

  /**
   * SECURITY: the region takes an audit row only if it follows the last one it holds of this
   * station's chain. Rows missing below one it holds cannot go any more (its copy started again
   * after them): they are said to the regional IT, not sent to be refused and parked.
   */
  function auditRowsToSend(missing: SyncedRecord[], lastHeld: number, run: Run): SyncedRecord[] {
    const below = missing.map((r) => Number(r.entityId)).filter((seq) => seq < lastHeld);
    if (below.length > 0) {
      const gap = {
        from: below.reduce((a, b) => Math.min(a, b)),
        to: below.reduce((a, b) => Math.max(a, b)),
        rows: below.length,
      };
      run.state.auditGap = gap;
      // Said once, not at every check.
      if (JSON.stringify(run.before.auditGap) !== JSON.stringify(gap))
        deps.log('error', 'sync.audit_gap', { ...gap, text: auditGapText(gap) });
    }
    return missing.filter((r) => Number(r.entityId) > lastHeld);
  }

  /** One type: counted, and walked one by one only when the count differs. */
  async function checkType(type: string, expected: number, run: Run): Promise<void> {
    const region = await regionCount(type);
    if (region === expected) {
      delete run.state.verified[type];
      return;
    }
    const counts = `${expected}/${region ?? '?'}`;
    // Already walked one by one with these very counts (the region holds more: the station's own
    // database restored from a backup, say) and found complete: not asked again.
    if (region !== null && run.state.verified[type] === counts) return;
    const before = run.missing;
    let walked: boolean;
    if (region === 0) {
      // The region holds none: no need to ask which.
      run.found(
        type,
        [...recordsOf(type)].map((r) => r.record),
      );
      walked = true;
    } else if (type === 'AuditEvent') {
      // The whole trail first: which rows can still go depends on the last one the region holds.
      const missing: SyncedRecord[] = [];
      let lastHeld = 0;
      walked = await walkById(
        type,
        (records) => missing.push(...records),
        (r) => (lastHeld = Math.max(lastHeld, Number(r.entityId))),
      );
      if (walked) run.found(type, auditRowsToSend(missing, lastHeld, run));
    } else {
      walked = await walkById(type, (records) => run.found(type, records));
    }
    if (!walked) run.state.unchecked.push(`${type}: the regional server refused the search by _id.`);
    // Nothing (more) to send with these counts: not walked again until they change.
    else if (run.missing === before && region !== null) run.state.verified[type] = counts;
  }

  function sendAgain(records: SyncedRecord[], at: string): void {
    deps.inTransaction(() => {
      for (const record of records) {
        deps.store.resend(record, RESEND_RANK[record.entity] ?? 3, at);
        const sha256 = record.entity === 'attachment' ? deps.attachmentSha256(record.entityId) : null;
        if (sha256) deps.store.uploadAgain(sha256);
      }
    });
  }

  /** One check's findings: each batch of missing records goes back to the outbox at once, and is remembered. */
  interface Run {
    before: ReconcileState;
    state: ReconcileState;
    missing: number;
    byType: Record<string, number>;
    found(type: string, records: SyncedRecord[]): void;
  }
  function startRun(at: string): Run {
    const before = deps.store.state();
    const run: Run = {
      before,
      state: { ...before, verified: { ...before.verified }, unchecked: [], auditGap: null },
      missing: 0,
      byType: {},
      found(type, records) {
        if (records.length === 0) return;
        sendAgain(records, at);
        run.missing += records.length;
        run.byType[type] = (run.byType[type] ?? 0) + records.length;
        // Added to the records being sent again: one announcement once they have all gone.
        const last = run.state.lastResend;
        const pending = last && last.resentAt === null ? last : null;
        run.state.lastResend = pending
          ? { ...pending, records: pending.records + records.length }
          : { detectedAt: at, records: records.length, resentAt: null, refused: 0 };
        deps.store.setState(run.state);
      },
    };
    return run;
  }

  return {
    /** One check of the region; what it lacks is put back first in the outbox. */
    async runOnce(): Promise<ReconcileReport> {
      requests = 0;
      const at = deps.now().toISOString();
      const run = startRun(at);
      const unparked = deps.store.unparkLost();
      if (unparked > 0)
        deps.log('info', 'sync.unparked_not_found', {
          rows: unparked,
          text: 'Updates parked when the region answered 404 go again: the region lost those records.',
        });
      const counts = deps.store.countsByType();
      if (deps.store.countOfEntity('report') > 0) counts.set('Binary', 0);
      const types = [...counts.keys()].sort(
        (a, b) => (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99),
      );
      let stoppedBy: string | null = null;
      try {
        for (const type of types) {
          const expected = type === 'Binary' ? 2 * deps.store.countOfEntity('report') : (counts.get(type) ?? 0);
          if (expected > 0) await checkType(type, expected, run);
        }
      } catch (error) {
        if (!(error instanceof CheckStopped)) throw error;
        stoppedBy = error.message;
      }
      if (run.missing > 0)
        deps.log('warn', 'sync.region_missing', {
          records: run.missing,
          byType: run.byType,
          text: missingText(run.missing, run.byType),
        });
      if (stoppedBy === null) deps.store.setState({ ...run.state, checkedAt: at, missing: run.missing });
      return { missing: run.missing, requests, stoppedBy };
    },

    /** After a push: once every record sent again has gone, says so, once (log and sync screen). */
    announceIfSent(): void {
      const state = deps.store.state();
      const pending = state.lastResend;
      if (!pending || pending.resentAt !== null || deps.store.resendWaiting() > 0) return;
      const refused = deps.store.resendRefused();
      deps.store.setState({ ...state, lastResend: { ...pending, resentAt: deps.now().toISOString(), refused } });
      deps.log('info', 'sync.resent', {
        records: pending.records,
        refused,
        text: resentText(pending.records, refused),
      });
    },

    state: () => deps.store.state(),
    resendWaiting: () => deps.store.resendWaiting(),
  };
}
export type Reconciler = ReturnType<typeof createReconciler>;
