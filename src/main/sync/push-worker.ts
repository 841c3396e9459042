// Pushes the outbox to the regional FHIR server, in order. Each record goes as its current state
// at its client-made id (PUT), so a retry after a lost answer never makes a second resource; an
// update names the server version it replaces (If-Match). A 412 whose server copy is what we
// sent was our own lost write: done. Any other 412 is a conflict kept with both versions for a
// person to decide, never merged. Invalid records are parked with the reason; network trouble
// waits with exponential back-off and jitter, without breaking the order.
import type { Resource } from '@medplum/fhirtypes';
import type { CallRepository } from '../db/call-repository';
import type { EncounterRepository } from '../db/encounter-repository';
import type { PatientRepository } from '../db/patient-repository';
import type { OutboxRow, SyncRepository } from '../db/sync-repository';
import { consentToFhir } from './fhir/consent';
import { encounterToFhir } from './fhir/encounter';
import { observationToFhir } from './fhir/observation';
import { patientToFhir } from './fhir/patient';
import { FhirValidationError, validateFhir } from './fhir/validate';
import { FhirNetworkError, type FhirClient } from './fhir-client';

/** The records this worker sends today; the others wait in the outbox for their mapping. */
export const PUSHED_ENTITIES = ['patient', 'encounter', 'consent', 'observation'] as const;

export interface PushDeps {
  sync: SyncRepository;
  patients: PatientRepository;
  encounters: EncounterRepository;
  calls?: CallRepository;
  client: FhirClient;
  now: () => Date;
  random?: () => number;
  inTransaction: <T>(work: () => T) => T;
}

export interface PushReport {
  pushed: number;
  parked: number;
  conflicts: number;
  /** Why the pass stopped early (network, server), when it did. */
  stoppedBy: string | null;
}

type Built = { resource: Resource & { id: string }; version: number } | null;

/** Without meta (versions, timestamps the server sets) and in a stable key order. */
function sameContent(a: Resource | null, b: Resource | null): boolean {
  const strip = (r: Resource | null) => {
    if (!r) return null;
    const { meta: _meta, ...rest } = r as Resource & { meta?: unknown };
    return JSON.stringify(rest, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v));
  };
  return strip(a) === strip(b);
}

export function createPushWorker(deps: PushDeps) {
  const random = deps.random ?? Math.random;

  function build(row: OutboxRow): Built {
    switch (row.entity) {
      case 'patient': {
        const p = deps.patients.get(row.entity_id);
        return p ? { resource: patientToFhir(p) as Resource & { id: string }, version: p.version } : null;
      }
      case 'encounter': {
        const e = deps.encounters.get(row.entity_id);
        return e ? { resource: encounterToFhir(e) as Resource & { id: string }, version: e.version } : null;
      }
      case 'observation': {
        const o = deps.encounters.observation(row.entity_id);
        const e = o ? deps.encounters.get(o.encounterId) : null;
        return o && e ? { resource: observationToFhir(o, e) as Resource & { id: string }, version: 1 } : null;
      }
      case 'consent': {
        const c = deps.encounters.consent(row.entity_id);
        const e = c ? deps.encounters.get(c.encounterId) : null;
        return c && e ? { resource: consentToFhir(c, e) as Resource & { id: string }, version: 1 } : null;
      }
      default:
        return null;
    }
  }

  const backoffMs = (attempts: number) => Math.min(5 * 60_000, 1000 * 2 ** attempts) * (0.5 + random());

  async function pushOne(row: OutboxRow, report: PushReport): Promise<'next' | 'stop'> {
    const at = () => deps.now().toISOString();
    const built = build(row);
    if (!built) {
      deps.sync.park(row.seq, 'The record is no longer on this station.');
      report.parked++;
      return 'next';
    }
    try {
      validateFhir(built.resource);
    } catch (error) {
      deps.sync.park(row.seq, error instanceof FhirValidationError ? error.message : String(error));
      report.parked++;
      return 'next';
    }
    const known = deps.sync.resource(row.entity, row.entity_id);
    const done = (versionId: string | null) => {
      deps.inTransaction(() => deps.sync.pushed(row.entity, row.entity_id, built.version, built.resource.resourceType, versionId, at()));
      report.pushed++;
      return 'next' as const;
    };
    let answer;
    try {
      answer = await deps.client.put(built.resource, known?.serverVersionId ?? null);
      if (answer.status === 412) {
        const server = await deps.client.read(built.resource.resourceType, built.resource.id);
        if (server.status === 200 && sameContent(server.resource, built.resource)) return done(server.versionId);
        deps.inTransaction(() => {
          deps.sync.addConflict(row.entity, row.entity_id, built.resource, server.resource, at());
          deps.sync.park(row.seq, 'Changed on the regional server too: a person must choose between both versions.');
        });
        report.conflicts++;
        return 'next';
      }
    } catch (error) {
      if (!(error instanceof FhirNetworkError)) throw error;
      deps.sync.retryLater(row.seq, error.message, new Date(deps.now().getTime() + backoffMs(row.attempts)).toISOString());
      report.stoppedBy = error.message;
      return 'stop';
    }
    if (answer.status === 200 || answer.status === 201) return done(answer.versionId);
    if (answer.status === 429 || answer.status >= 500 || answer.status === 401 || answer.status === 403) {
      const why = `The regional server answered ${answer.status}.`;
      deps.sync.retryLater(row.seq, why, new Date(deps.now().getTime() + backoffMs(row.attempts)).toISOString());
      report.stoppedBy = why;
      return 'stop';
    }
    const text = answer.resource?.resourceType === 'OperationOutcome' ? (answer.resource.issue ?? []).map((i) => i.details?.text ?? i.diagnostics ?? i.code).join('; ') : '';
    deps.sync.park(row.seq, `Refused by the regional server (${answer.status})${text ? `: ${text}` : ''}.`);
    report.parked++;
    return 'next';
  }

  return {
    /** One pass over what is due; returns what happened. */
    async runOnce(limit = 500): Promise<PushReport> {
      const report: PushReport = { pushed: 0, parked: 0, conflicts: 0, stoppedBy: null };
      const rows = deps.sync.due(PUSHED_ENTITIES, deps.now().toISOString(), limit);
      const seen = new Set<string>();
      for (const row of rows) {
        // Several rows of one record (versions 1..n) go as one push of its current state.
        const key = `${row.entity}/${row.entity_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if ((await pushOne(row, report)) === 'stop') break;
      }
      if (report.stoppedBy === null && rows.length > 0) deps.sync.setLastSync(deps.now().toISOString());
      return report;
    },
  };
}
