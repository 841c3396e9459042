// Sends one record as its current state at its client-made id (PUT, If-Match the server version it
// replaces), and tells a lost answer of ours from a conflict with a change made at the region. The
// professionals it names get a Practitioner first; an audit row keeps the region's acknowledgement.
// One step of the push (push-worker.ts); its answer handling (settle) is the batch's too (push-batch.ts).
import type { Resource } from '@medplum/fhirtypes';
import { auditChainLinkOf } from '../../../shared/audit/audit-chain-link';
import { contentHash } from '../fhir/content-hash';
import { namedProfessionals } from '../fhir/named-professionals';
import { practitionerSearch, practitionerToFhir } from '../fhir/practitioner';
import { FhirValidationError, validateFhir } from '../fhir/validate';
import { FhirNetworkError, FhirRateLimitedError, type FhirAnswer } from '../fhir-client';
import type { LocalResource } from '../local-resources';
import type { PushDeps, PushReport } from '../push-worker';
import type { OutboxRow } from '../sync-repository';
import { UNSUPPORTED_WAIT_MS } from './unsupported';
import type { RowOutcomes } from './row-outcomes';

export const CONFLICT_MESSAGE = 'Changed on the regional server too: a person must choose between both versions.';

export type Built = LocalResource | null;
export type PutResource = (row: OutboxRow, built: Built, report: PushReport) => Promise<'next' | 'stop'>;

/** A record's examination: what makes it invalid, or its content hash. CPU only, no storage. */
export type Examined = { problem: string } | { hash: string };

export function examine(built: LocalResource): Examined {
  try {
    validateFhir(built.resource);
  } catch (error) {
    return { problem: error instanceof FhirValidationError ? error.message : String(error) };
  }
  return { hash: contentHash(built.resource) };
}

/** A record checked and about to go: what its answer is compared with. */
export interface Ready {
  row: OutboxRow;
  built: LocalResource;
  /** Its content hash, remembered before sending (push worker: a lost answer is recognised as ours). */
  hash: string;
  /** The server checks If-Match on this type. */
  versioned: boolean;
  /** The server version it replaces (null: it was never acknowledged). */
  ifMatch: string | null;
  /** The station knows the record went out once (its server version may still be null). */
  known: boolean;
}

export type ResourceWrites = ReturnType<typeof createResourceWrites>;

/**
 * A record's write in steps, shared by the single PUT (putResource) and the batch (push-batch.ts):
 * checked and remembered (prepare), its answer handled (settle), network trouble (failed).
 */
export function createResourceWrites(deps: PushDeps, outcomes: RowOutcomes) {
  const { backoffMs, later, waitAsAsked, park, answerNotOk } = outcomes;
  const at = () => deps.now().toISOString();

  /**
   * The professionals a resource names by IdNatPS get a Practitioner on the server if it has
   * none (conditional create); once per professional and run. A failure here holds nothing back:
   * the resource names them by identifier anyway. A batch sends them as entries of its own.
   */
  const practitionersKnown = new Set<string>();
  const createsPractitioners = () => !deps.capabilities || deps.capabilities().createsPractitioners;
  /** The Practitioners this resource names that the server may not have yet, by IdNatPS. */
  function practitionersToCreate(resource: Resource): Map<string, Resource> {
    const wanted = new Map<string, Resource>();
    if (!createsPractitioners()) return wanted;
    for (const p of namedProfessionals(resource)) {
      if (practitionersKnown.has(p.rpps!)) continue;
      const practitioner = practitionerToFhir(p);
      if (practitioner) wanted.set(p.rpps!, practitioner);
    }
    return wanted;
  }
  async function ensurePractitioners(resource: Resource): Promise<void> {
    for (const [rpps, practitioner] of practitionersToCreate(resource)) {
      const answer = await deps.client.createIfNone(practitioner, practitionerSearch(rpps));
      practitionerAnswered(rpps, answer);
    }
  }
  function practitionerAnswered(rpps: string, answer: FhirAnswer): void {
    if (answer.status === 200 || answer.status === 201) practitionersKnown.add(rpps);
  }

  /**
   * Checks the record and remembers what is sent; or says at once what becomes of its row. Its
   * examination (the CPU-heavy part, no storage) may have been made beforehand.
   */
  function prepare(
    row: OutboxRow,
    built: Built,
    report: PushReport,
    examined: Examined | null = built && examine(built),
  ): { ready: Ready } | { settled: 'next' | 'stop' } {
    if (!built || !examined) return { settled: park(row, 'The record is no longer on this station.', report) };
    if ('problem' in examined) return { settled: park(row, examined.problem, report) };
    const refused = deps.capabilities?.().refuses(built.resource.resourceType);
    if (refused) return { settled: later(row, refused, report, false, UNSUPPORTED_WAIT_MS) };
    const versioned = deps.capabilities?.().versionedUpdate(built.resource.resourceType) ?? true;
    const known = deps.sync.resource(row.entity, row.entity_id);
    const { hash } = examined;
    // Remembered before sending: if the answer is lost, the server's copy is recognised as ours.
    deps.sync.sending(row.entity, row.entity_id, hash, at());
    return {
      ready: { row, built, hash, versioned, ifMatch: known?.serverVersionId ?? null, known: known !== null },
    };
  }

  function done(item: Ready, versionId: string | null, stored: Resource | null, report: PushReport): 'next' {
    const { row, built } = item;
    deps.inTransaction(() => {
      deps.sync.pushed(row.entity, row.entity_id, built.version, built.resource.resourceType, versionId, at());
      if (row.entity === 'audit') acknowledgeAudit(built.resource, stored, at());
    });
    report.pushed++;
    return 'next';
  }

  function conflict(item: Ready, server: Resource | null, report: PushReport): 'next' {
    const { row, built } = item;
    deps.inTransaction(() => {
      deps.sync.addConflict(row.entity, row.entity_id, built.resource, server, at());
      deps.sync.parkRecord(row.entity, row.entity_id, CONFLICT_MESSAGE);
    });
    report.conflicts++;
    return 'next';
  }

  /** Network trouble, or the server's pause (429): the row waits, and the pass stops. */
  function failed(row: OutboxRow, error: unknown, report: PushReport): 'stop' {
    if (error instanceof FhirRateLimitedError) return waitAsAsked(row, report);
    if (!(error instanceof FhirNetworkError)) throw error;
    report.unreachable = true;
    deps.sync.retryLater(
      row.seq,
      error.message,
      new Date(deps.now().getTime() + backoffMs(row.attempts)).toISOString(),
    );
    report.stoppedBy = error.message;
    return 'stop';
  }

  /**
   * What the server answered to this record's PUT, alone or as an entry of a batch: done, a 412
   * told apart (our own lost write, an earlier version of ours, or a change made at the region: a
   * conflict), a region that lost it (404 on an update), or a refusal. With `mayAsk` false (the
   * pass is stopping), a 412, which needs the server's copy, is left for the next pass untouched.
   */
  async function settle(item: Ready, first: FhirAnswer, report: PushReport, mayAsk = true): Promise<'next' | 'stop'> {
    if (first.status !== 412) return settleNow(item, first, report);
    if (!mayAsk) return 'stop';
    const { row, built, hash } = item;
    const { resourceType, id } = built.resource;
    let answer = first;
    let ifMatch = item.ifMatch;
    try {
      const server = await deps.client.read(resourceType, id);
      const serverHash = server.status === 200 && server.resource ? contentHash(server.resource) : null;
      if (serverHash === hash) return done(item, server.versionId, server.resource, report);
      if (
        serverHash !== null &&
        deps.sync.wasSent(row.entity, row.entity_id, serverHash) &&
        server.versionId !== ifMatch
      ) {
        // An earlier version of ours, whose answer was lost: write the current one over it.
        ifMatch = server.versionId;
        deps.sync.adoptServerVersion(row.entity, row.entity_id, resourceType, ifMatch, at());
        answer = await deps.client.put(built.resource, ifMatch);
      }
      if (answer.status === 412) return conflict(item, (await deps.client.read(resourceType, id)).resource, report);
    } catch (error) {
      return failed(row, error, report);
    }
    return settleNow(item, answer, report, ifMatch);
  }

  /**
   * An answer that needs no further request (anything but a 412), settled at once and without an
   * await, so that a batch's answers are kept in one SQLite transaction.
   */
  function settleNow(item: Ready, answer: FhirAnswer, report: PushReport, ifMatch = item.ifMatch): 'next' | 'stop' {
    const { row, versioned } = item;
    if (answer.status === 404 && versioned && ifMatch !== null) {
      // The region lost a record it had acknowledged (restored from a backup, a development hub
      // restarted empty): created again, never parked for good. The pass stops, so that the
      // reconciliation first sends again what it points to (its patient, its act).
      deps.sync.forget(row.entity, row.entity_id);
      report.regionLost++;
      return 'stop';
    }
    if (answer.status === 200 || answer.status === 201) return done(item, answer.versionId, answer.resource, report);
    return answerNotOk(row, answer, report);
  }

  /** One record alone: its practitioners, its PUT (read first where the server checks no version), its answer. */
  async function putResource(row: OutboxRow, built: Built, report: PushReport): Promise<'next' | 'stop'> {
    const prepared = prepare(row, built, report);
    if ('settled' in prepared) return prepared.settled;
    const item = prepared.ready;
    const { resource } = item.built;
    let answer: FhirAnswer;
    try {
      await ensurePractitioners(resource);
      if (!item.versioned && item.known) {
        // The server cannot refuse a write over a version we have not seen: look first.
        const server = await deps.client.read(resource.resourceType, resource.id);
        if (server.status === 200 && server.resource && server.versionId !== item.ifMatch) {
          const serverHash = contentHash(server.resource);
          if (serverHash === item.hash) return done(item, server.versionId, server.resource, report);
          if (!deps.sync.wasSent(row.entity, row.entity_id, serverHash)) return conflict(item, server.resource, report);
        }
      }
      answer = await deps.client.put(resource, item.versioned ? item.ifMatch : null);
    } catch (error) {
      return failed(row, error, report);
    }
    return settle(item, answer, report);
  }

  /**
   * SECURITY: the region's answer to an AuditEvent is the stored copy; when its chain hash is the
   * row's, the station keeps it as the region's acknowledgement of that row. An answer without it
   * (a server that answers nothing back) acknowledges nothing: the row is sent, not anchored.
   */
  function acknowledgeAudit(sent: Resource, stored: Resource | null, at: string): void {
    const mine = auditChainLinkOf(sent);
    const theirs = auditChainLinkOf(stored);
    if (mine && theirs && theirs.seq === mine.seq && theirs.hash === mine.hash)
      deps.audit?.acknowledge(mine.seq, mine.hash, at);
  }

  return { prepare, settle, settleNow, failed, putResource, practitionersToCreate, practitionerAnswered };
}

/** One record alone, in one PUT (see createResourceWrites). */
export function createPutResource(deps: PushDeps, outcomes: RowOutcomes): PutResource {
  return createResourceWrites(deps, outcomes).putResource;
}
