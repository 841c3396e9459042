// Sends one record as its current state at its client-made id (PUT, If-Match the server version it
// replaces), and tells a lost answer of ours from a conflict with a change made at the region. The
// professionals it names get a Practitioner first; an audit row keeps the region's acknowledgement.
// One step of the push (push-worker.ts).
import type { Resource } from '@medplum/fhirtypes';
import { auditChainLinkOf } from '../../../shared/audit/audit-chain-link';
import { contentHash } from '../fhir/content-hash';
import { namedProfessionals } from '../fhir/named-professionals';
import { practitionerSearch, practitionerToFhir } from '../fhir/practitioner';
import { FhirValidationError, validateFhir } from '../fhir/validate';
import { FhirNetworkError, FhirRateLimitedError } from '../fhir-client';
import type { LocalResource } from '../local-resources';
import type { PushDeps, PushReport } from '../push-worker';
import type { OutboxRow } from '../sync-repository';
import { UNSUPPORTED_WAIT_MS } from './unsupported';
import type { RowOutcomes } from './row-outcomes';

export const CONFLICT_MESSAGE = 'Changed on the regional server too: a person must choose between both versions.';

export type Built = LocalResource | null;
export type PutResource = (row: OutboxRow, built: Built, report: PushReport) => Promise<'next' | 'stop'>;

export function createPutResource(
  deps: PushDeps,
  { backoffMs, later, waitAsAsked, park, answerNotOk }: RowOutcomes,
): PutResource {
  /**
   * The professionals a resource names by IdNatPS get a Practitioner on the server if it has
   * none (conditional create); once per professional and run. A failure here holds nothing back:
   * the resource names them by identifier anyway.
   */
  const practitionersKnown = new Set<string>();
  async function ensurePractitioners(resource: Resource): Promise<void> {
    if (deps.capabilities && !deps.capabilities().createsPractitioners) return;
    for (const p of namedProfessionals(resource)) {
      if (practitionersKnown.has(p.rpps!)) continue;
      const practitioner = practitionerToFhir(p);
      if (!practitioner) continue;
      const answer = await deps.client.createIfNone(practitioner, practitionerSearch(p.rpps!));
      if (answer.status === 200 || answer.status === 201) practitionersKnown.add(p.rpps!);
    }
  }

  async function putResource(row: OutboxRow, built: Built, report: PushReport): Promise<'next' | 'stop'> {
    const at = () => deps.now().toISOString();
    if (!built) return park(row, 'The record is no longer on this station.', report);
    try {
      validateFhir(built.resource);
    } catch (error) {
      return park(row, error instanceof FhirValidationError ? error.message : String(error), report);
    }
    const refused = deps.capabilities?.().refuses(built.resource.resourceType);
    if (refused) return later(row, refused, report, false, UNSUPPORTED_WAIT_MS);
    const versioned = deps.capabilities?.().versionedUpdate(built.resource.resourceType) ?? true;
    const known = deps.sync.resource(row.entity, row.entity_id);
    const done = (versionId: string | null, stored: Resource | null) => {
      deps.inTransaction(() => {
        deps.sync.pushed(row.entity, row.entity_id, built.version, built.resource.resourceType, versionId, at());
        if (row.entity === 'audit') acknowledgeAudit(built.resource, stored, at());
      });
      report.pushed++;
      return 'next' as const;
    };
    const hash = contentHash(built.resource);
    // Remembered before sending: if the answer is lost, the server's copy is recognised as ours.
    deps.sync.sending(row.entity, row.entity_id, hash, at());
    const conflict = (server: Resource | null) => {
      deps.inTransaction(() => {
        deps.sync.addConflict(row.entity, row.entity_id, built.resource, server, at());
        deps.sync.parkRecord(row.entity, row.entity_id, CONFLICT_MESSAGE);
      });
      report.conflicts++;
      return 'next' as const;
    };
    let answer;
    try {
      await ensurePractitioners(built.resource);
      let ifMatch = known?.serverVersionId ?? null;
      if (!versioned && known) {
        // The server cannot refuse a write over a version we have not seen: look first.
        const server = await deps.client.read(built.resource.resourceType, built.resource.id);
        if (server.status === 200 && server.resource && server.versionId !== ifMatch) {
          const serverHash = contentHash(server.resource);
          if (serverHash === hash) return done(server.versionId, server.resource);
          if (!deps.sync.wasSent(row.entity, row.entity_id, serverHash)) return conflict(server.resource);
        }
      }
      answer = await deps.client.put(built.resource, versioned ? ifMatch : null);
      if (answer.status === 412) {
        const server = await deps.client.read(built.resource.resourceType, built.resource.id);
        const serverHash = server.status === 200 && server.resource ? contentHash(server.resource) : null;
        if (serverHash === hash) return done(server.versionId, server.resource);
        if (
          serverHash !== null &&
          deps.sync.wasSent(row.entity, row.entity_id, serverHash) &&
          server.versionId !== ifMatch
        ) {
          // An earlier version of ours, whose answer was lost: write the current one over it.
          ifMatch = server.versionId;
          deps.sync.adoptServerVersion(row.entity, row.entity_id, built.resource.resourceType, ifMatch, at());
          answer = await deps.client.put(built.resource, ifMatch);
        }
      }
      if (answer.status === 412)
        return conflict((await deps.client.read(built.resource.resourceType, built.resource.id)).resource);
      if (answer.status === 404 && versioned && ifMatch !== null) {
        // The region lost a record it had acknowledged (restored from a backup, a development hub
        // restarted empty): created again, never parked for good. The pass stops, so that the
        // reconciliation first sends again what it points to (its patient, its act).
        deps.sync.forget(row.entity, row.entity_id);
        report.regionLost++;
        return 'stop';
      }
    } catch (error) {
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
    if (answer.status === 200 || answer.status === 201) return done(answer.versionId, answer.resource);
    return answerNotOk(row, answer, report);
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

  return putResource;
}
