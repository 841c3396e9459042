// What the regional server says it can do (its CapabilityStatement, GET /metadata), turned into
// the few decisions the sync makes: which records it may send, whether updates can name the
// version they replace (If-Match), whether records may go many to a request (batch), and which
// types it may pull by _lastUpdated. Where a feature is missing the sync does less, and says so
// in words, instead of failing record after record.
import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { PulledType } from './pull-worker';

export interface ServerCapabilities {
  /** Why records of this type cannot be sent to this server; null when they can. */
  refuses(resourceType: string): string | null;
  /** Updates carry If-Match (the server rejects a write over a version we have not seen). */
  versionedUpdate(resourceType: string): boolean;
  pullTypes: readonly PulledType[];
  /** The server creates a Practitioner only if none has that IdNatPS (conditional create). */
  createsPractitioners: boolean;
  /** The server takes batch Bundles (rest.interaction batch): records go many to a request. */
  batch: boolean;
  /** What the station does not do with this server, and why, for the sync screen. */
  notes: string[];
}

const SENT_TYPES = [
  'Patient',
  'Encounter',
  'ServiceRequest',
  'MedicationRequest',
  'Observation',
  'Consent',
  'Media',
  'DocumentReference',
  'Binary',
  'Communication',
] as const;
const PULL_TYPES: readonly PulledType[] = ['Patient', 'Encounter'];

/**
 * Everything a standard server must offer: a server whose statement could not be read. Batches
 * are optional in FHIR R4: without the server saying so, records go one request each.
 */
export function fullCapabilities(notes: string[] = []): ServerCapabilities {
  return {
    refuses: () => null,
    versionedUpdate: () => true,
    pullTypes: PULL_TYPES,
    createsPractitioners: true,
    batch: false,
    notes,
  };
}

export function readCapabilities(statement: unknown): ServerCapabilities {
  const cs = statement as CapabilityStatement | null;
  if (cs?.resourceType !== 'CapabilityStatement' || !Array.isArray(cs.rest)) {
    return fullCapabilities([
      'The regional server’s CapabilityStatement could not be read: the station assumes a standard FHIR R4 server.',
    ]);
  }
  const rest = cs.rest.find((r) => r.mode === 'server') ?? cs.rest[0];
  const resources = new Map<string, CapabilityStatementRestResource>(
    (rest?.resource ?? []).filter((r) => typeof r.type === 'string').map((r) => [r.type!, r]),
  );
  const can = (r: CapabilityStatementRestResource | undefined, code: string) =>
    !!r?.interaction?.some((i) => i.code === code);
  const notes: string[] = [];
  const refusal = new Map<string, string>();
  const versioned = new Map<string, boolean>();

  for (const type of SENT_TYPES) {
    const r = resources.get(type);
    if (!r || !can(r, 'update')) {
      refusal.set(
        type,
        `The regional server does not accept ${type} updates (its CapabilityStatement): these records wait here.`,
      );
    } else if (r.updateCreate === false) {
      // Sending without duplicates rests on ids chosen here (PUT creates); a server that picks
      // its own ids would make a retry after a lost answer a second resource.
      refusal.set(
        type,
        `The regional server does not let the station choose ${type} ids (updateCreate): these records wait here, as sending them could duplicate them.`,
      );
    }
    versioned.set(type, r?.versioning === 'versioned-update');
    // A Binary (a signed report's text) never changes once sent: no version to check.
    if (r && type !== 'Binary' && !refusal.has(type) && r.versioning !== 'versioned-update') {
      notes.push(
        `The regional server does not check versions on ${type} updates: the station reads the server’s copy before writing over it, and a change made between the two cannot be detected.`,
      );
    }
  }
  for (const type of SENT_TYPES) {
    const why = refusal.get(type);
    if (why) notes.push(why);
  }

  const pullTypes = PULL_TYPES.filter((type) => {
    const r = resources.get(type);
    const params = r?.searchParam?.map((p) => p.name) ?? [];
    // Many servers list only their specific parameters; _lastUpdated is common to all. An
    // explicit list without it, or no type-level search at all, means no pull.
    const ok = can(r, 'search-type') && (params.length === 0 || params.includes('_lastUpdated'));
    if (!ok)
      notes.push(
        `The regional server cannot be searched for changed ${type} resources (_lastUpdated): changes made there are not brought back here.`,
      );
    return ok;
  });

  const practitioner = resources.get('Practitioner');
  const createsPractitioners = can(practitioner, 'create') && practitioner?.conditionalCreate === true;
  if (!createsPractitioners)
    notes.push(
      'The regional server cannot create a Practitioner only when none exists (conditional create): professionals are named by their IdNatPS only.',
    );

  const batch = !!rest?.interaction?.some((i) => i.code === 'batch');
  if (!batch)
    notes.push(
      'The regional server does not take batch Bundles: records go one request each, which its rate limit may slow down.',
    );

  return {
    refuses: (type) => refusal.get(type) ?? null,
    createsPractitioners,
    batch,
    versionedUpdate: (type) => versioned.get(type) ?? false,
    pullTypes,
    notes,
  };
}
