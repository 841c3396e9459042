// Pulls the regional server's changes to the station's patients and acts. It searches by
// _lastUpdated from a cursor kept in the server's own time (so the station's clock does not
// matter), reaching back a margin for servers whose nodes' clocks or commits disagree; what comes
// back twice is recognised by its version id and skipped. A record with no local change waiting
// takes the server's version; one with a local change waiting is left to the push, which finds the
// conflict and keeps both versions. A version the station's rules refuse is recorded, with the
// reason, for a person to see; it is never half taken.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { SyncRepository } from './sync-repository';
import { contentHash } from './fhir/content-hash';
import { FhirMappingError } from './fhir/mapping-error';
import { FhirNetworkError, type FhirClient } from './fhir-client';
import type { LocalResources } from './local-resources';
import type { ServerVersionTaker } from './server-version';

export interface PullDeps {
  sync: SyncRepository;
  client: FhirClient;
  local: LocalResources;
  taker: ServerVersionTaker;
  now: () => Date;
  /** How far before the cursor each pull reaches back (default 2 minutes). */
  marginMs?: number;
  pageSize?: number;
  /** The resource types the server lets us search by _lastUpdated (its CapabilityStatement). */
  types?: () => readonly PulledType[];
}

export type PulledType = 'Patient' | 'Encounter';
export const PULLED_TYPES: readonly PulledType[] = ['Patient', 'Encounter'];
const ENTITY: Record<PulledType, string> = { Patient: 'patient', Encounter: 'encounter' };
const MAX_PAGE = 2000;

export interface PullReport {
  applied: number;
  /** Seen again (same version), ours, or not the station's. */
  skipped: number;
  /** Left to the push: the record changed here too. */
  deferred: number;
  refused: number;
  stoppedBy: string | null;
}

type Versioned = Resource & { id: string; meta: { versionId: string; lastUpdated: string } };
const isVersioned = (r: unknown, type: string): r is Versioned => {
  const x = r as Versioned | null;
  return (
    !!x &&
    x.resourceType === type &&
    typeof x.id === 'string' &&
    typeof x.meta?.versionId === 'string' &&
    typeof x.meta.lastUpdated === 'string' &&
    !Number.isNaN(Date.parse(x.meta.lastUpdated))
  );
};

export function createPullWorker(deps: PullDeps) {
  const marginMs = deps.marginMs ?? 120_000;
  const at = () => deps.now().toISOString();

  function handle(entity: string, resource: Versioned, report: PullReport): void {
    const mine = deps.local.build(entity, resource.id);
    if (!mine) {
      report.skipped++; // another station's record, or one this station no longer holds
      return;
    }
    const known = deps.sync.resource(entity, resource.id);
    const versionId = resource.meta.versionId;
    if (known?.serverVersionId === versionId) {
      report.skipped++;
      return;
    }
    const hash = contentHash(resource);
    if (deps.sync.rowsOf(entity, resource.id) > 0) {
      // Our own write whose answer was lost: the next push goes over it. Anything else is a
      // change on both sides, which the push turns into a conflict with both versions.
      if (deps.sync.wasSent(entity, resource.id, hash))
        deps.sync.adoptServerVersion(entity, resource.id, resource.resourceType, versionId, at());
      report.deferred++;
      return;
    }
    if (hash === contentHash(mine.resource)) {
      deps.sync.adoptServerVersion(entity, resource.id, resource.resourceType, versionId, at());
      report.skipped++;
      return;
    }
    try {
      deps.taker.take(entity, resource, versionId);
      report.applied++;
    } catch (error) {
      if (!(error instanceof FhirMappingError)) throw error;
      deps.sync.inboundError(entity, resource.id, versionId, error.message, at());
      report.refused++;
    }
  }

  /** One type, page by page from its cursor; false when the pass must stop (network, server). */
  async function pullType(type: PulledType, report: PullReport): Promise<boolean> {
    const key = `pull_cursor:${type}`;
    const cursor = deps.sync.state(key);
    let since = cursor ? new Date(Date.parse(cursor) - marginMs).toISOString() : null;
    let pageSize = deps.pageSize ?? 200;
    let newest = cursor;
    for (;;) {
      const query: Record<string, string> = { _sort: '_lastUpdated', _count: String(pageSize) };
      if (since) query._lastUpdated = `ge${since}`;
      let answer;
      try {
        answer = await deps.client.search(type, query);
      } catch (error) {
        if (!(error instanceof FhirNetworkError)) throw error;
        report.stoppedBy = error.message;
        return false;
      }
      const bundle = answer.resource as Bundle | null;
      if (answer.status !== 200 || bundle?.resourceType !== 'Bundle') {
        report.stoppedBy = `The regional server answered ${answer.status} to the search for changed ${type} resources.`;
        return false;
      }
      const found = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Versioned => isVersioned(r, type));
      for (const resource of found) {
        handle(ENTITY[type], resource, report);
        if (!newest || resource.meta.lastUpdated > newest) newest = resource.meta.lastUpdated;
      }
      if (newest && newest !== cursor) deps.sync.setState(key, newest);
      if ((bundle.entry?.length ?? 0) < pageSize) return true;
      const last = found.at(-1)?.meta.lastUpdated;
      if (last && (!since || last > since)) {
        since = last; // the next page starts at the last time seen; repeats are skipped by version
      } else if (pageSize < MAX_PAGE) {
        pageSize *= 2; // a whole page at one instant: widen the page to get past it
      } else {
        report.stoppedBy = `More than ${MAX_PAGE} ${type} resources share one update time on the server; the pull cannot page past them.`;
        return false;
      }
    }
  }

  return {
    async runOnce(): Promise<PullReport> {
      const report: PullReport = { applied: 0, skipped: 0, deferred: 0, refused: 0, stoppedBy: null };
      for (const type of deps.types?.() ?? PULLED_TYPES) {
        if (!(await pullType(type, report))) break;
      }
      if (report.stoppedBy === null) deps.sync.setState('last_pull_at', at());
      return report;
    },
  };
}
