// What the hub's FHIR endpoint serves, read off a request before anything is done with it: the
// resource types, its CapabilityStatement, the path's target (type, id, history) and the requests
// refused outright. The endpoint itself (fhir-endpoint.ts) answers what passes.
import type { CapabilityStatement, ResourceType } from '@medplum/fhirtypes';
import type http from 'node:http';
import { MAX_BATCH_ENTRIES } from './fhir-batch';

export const RESOURCE_TYPES: ResourceType[] = [
  'Patient',
  'Practitioner',
  // The region's offers (issue 22): read by every token, written only by the hub (OFFER_TYPES).
  'HealthcareService',
  'PractitionerRole',
  'Encounter',
  'ServiceRequest',
  'MedicationRequest',
  'Observation',
  'Consent',
  'Media',
  'DocumentReference',
  'Binary',
  'Communication',
  'AuditEvent',
  'ImagingStudy',
  // Scheduling (issue 22): an expert's availability and a station's bookings (scheduling/appointments.ts).
  'Schedule',
  'Slot',
  'Appointment',
];

const APPOINTMENT_RULES =
  'Booked by PUT on a client-made id, status booked, taking exactly one free Slot: a slot is given to one ' +
  'booking only, the other is answered 409 with the schedule’s next free slots (issues coded ' +
  'urn:relais:scheduling:next-free-slot). A retried PUT is not a second booking; status cancelled, with ' +
  'cancelationReason, frees the slot; a move is a cancellation and a new booking.';
const SLOT_SEARCH = [
  { name: 'schedule', type: 'reference' as const },
  { name: 'status', type: 'token' as const },
  { name: 'start', type: 'date' as const },
];

const BATCH_RULES =
  `A batch Bundle POSTed to the base, at most ${MAX_BATCH_ENTRIES} entries (GET, PUT, POST; If-Match as ` +
  'entry.request.ifMatch): each entry is processed on its own, in order, with the same rules as its single ' +
  'request, and answered in a batch-response. A batch counts as one request for the per-token rate limit. ' +
  'Transactions are not served.';

const AUDIT_EVENT_RULES =
  'Created by PUT on its id and never replaced; taken only if it follows the last row acknowledged ' +
  'in its station’s chain (src/hub/README.md).';

// The region's offers (issue 22): the hub writes them from its coordinator's offer.publish
// (scheduling/offer-store.ts); over FHIR every token reads them and nobody writes them.
export const OFFER_TYPES: ReadonlySet<string> = new Set(['HealthcareService', 'PractitionerRole']);
const OFFER_WRITE_REFUSED =
  'Offers are published by the region’s coordinator through the hub (offer.publish), not written over FHIR.';
const OFFER_SEARCH: Record<string, { name: string; type: 'token' | 'reference' }[]> = {
  HealthcareService: [
    { name: 'active', type: 'token' },
    { name: 'specialty', type: 'token' },
  ],
  PractitionerRole: [
    { name: 'active', type: 'token' },
    { name: 'service', type: 'reference' },
  ],
};

/** The offers' types: read, vread, history and search only, with what they are. */
function withOffersReadOnly(statement: CapabilityStatement): CapabilityStatement {
  for (const resource of statement.rest?.[0]?.resource ?? []) {
    if (!OFFER_TYPES.has(resource.type)) continue;
    resource.interaction = resource.interaction?.filter((i) => i.code !== 'create' && i.code !== 'update');
    resource.updateCreate = false;
    resource.conditionalCreate = false;
    resource.searchParam = [...(resource.searchParam ?? []), ...(OFFER_SEARCH[resource.type] ?? [])];
    resource.documentation = `The region’s offers, read by every token. ${OFFER_WRITE_REFUSED}`;
  }
  return statement;
}

export function capabilityStatement(): CapabilityStatement {
  return withOffersReadOnly({
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-11-23',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    software: { name: 'Relais regional hub (development FHIR server, in memory)' },
    rest: [
      {
        mode: 'server',
        interaction: [{ code: 'batch', documentation: BATCH_RULES }],
        resource: RESOURCE_TYPES.map((type) => ({
          type,
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: true,
          conditionalCreate: true,
          conditionalUpdate: false, // refused: it could match another station's resource
          interaction: ['read', 'vread', 'update', 'create', 'search-type', 'history-instance'].map((code) => ({
            code: code as 'read',
          })),
          // _source: a search restricted to the token's own resources is answered with its total.
          searchParam: [
            { name: '_lastUpdated', type: 'date' },
            { name: 'identifier', type: 'token' },
            { name: '_id', type: 'token' },
            { name: '_source', type: 'uri' },
            ...(type === 'Slot' ? SLOT_SEARCH : []),
          ],
          ...(type === 'AuditEvent' ? { documentation: AUDIT_EVENT_RULES } : {}),
          ...(type === 'Appointment' ? { documentation: APPOINTMENT_RULES } : {}),
        })),
      },
    ],
  });
}

export interface Target {
  type: ResourceType;
  id?: string;
  /** _history (the instance's) or _history/<version> (vread) */
  history?: 'all' | 'version';
  query: URLSearchParams;
}

const ID = /^[A-Za-z0-9.-]{1,64}$/;

/** The interactions the hub serves: /Type, /Type/id, /Type/id/_history, /Type/id/_history/v. */
export function parseTarget(path: string): Target | null {
  const [pathname = '', search = ''] = path.split('?', 2);
  const parts = pathname.split('/').slice(1);
  const [type, id, history, version, ...extra] = parts;
  if (!type || !RESOURCE_TYPES.includes(type as ResourceType) || extra.length > 0) return null;
  if (id !== undefined && !ID.test(id)) return null;
  if (history !== undefined && history !== '_history') return null;
  if (version !== undefined && !ID.test(version)) return null;
  return {
    type: type as ResourceType,
    ...(id ? { id } : {}),
    ...(history ? { history: version ? 'version' : 'all' } : {}),
    query: new URLSearchParams(search),
  };
}

// SECURITY: what cannot be filtered per resource is refused outright: transaction bundles
// (a batch, POST /, is answered entry by entry through these same checks: fhir-batch.ts), system and type-level history (which would list others' changes),
// operations ($everything...), PATCH (could rewrite meta.source), DELETE, conditional update and
// delete, and searches that reach other resources (_include, _revinclude, _has, chains).
export function whyRefused(
  method: string,
  target: Target | null,
  _headers: http.IncomingHttpHeaders,
): { status: number; text: string } | null {
  if (!target)
    return {
      status: 405,
      text: 'Only read, vread, instance history, search by type, create and update by id, and batches of them (POST to the base), are served here: transactions, system or type history and operations are refused.',
    };
  if (method !== 'GET' && OFFER_TYPES.has(target.type)) return { status: 403, text: OFFER_WRITE_REFUSED };
  if (method === 'GET') {
    if (target.id !== undefined) return null;
    for (const key of target.query.keys()) {
      if (
        /^_(include|revinclude|has|contained)/.test(key) ||
        key.includes('.') ||
        (key.includes(':') && !/:(missing|exact|contains|not|text|above|below)$/.test(key))
      ) {
        return {
          status: 403,
          text: `The search parameter ${key} is refused: a search returns only resources of its own type.`,
        };
      }
    }
    return null;
  }
  if (method === 'POST' && target.id === undefined && target.query.size === 0) return null;
  if (method === 'PUT' && target.id !== undefined && !target.history && target.query.size === 0) return null;
  return {
    status: 405,
    text: `${method} is not served on this path: create with POST /${target.type}, update with PUT /${target.type}/<id>.`,
  };
}
