// Who may read and write what on the hub's FHIR endpoint, decided by the hub from the token's
// claims, never from what the client sends. A station reads and writes what it wrote (and the
// replies to its own requests); an expert reads the téléexpertise requests routed to her (her
// specialty, or named to her by her identifier) and what they point to, and writes only replies
// to them, and her signed reports addressed to a station. A message addressed to a station or an
// expert by hub subject is read by its writer and that recipient only. Everyone writes her own
// audit trail (AuditEvent).
// Modelled on FHIR compartments and SMART scopes (patient/*.rs narrowed to a compartment), and
// on Medplum's access policies ("readonly" / "criteria" per resource type), kept to what the
// stations do.
import { Operator } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import type { FhirRepository } from '@medplum/fhir-router';
import { addressedKind, addressedTo, EXPERT_SIGNED_KINDS, type AddressedKind } from '../shared/addressed-message';
import { HUB_PEER_SYSTEM, regionSourceOf } from '../shared/region-source';
import { namedExpertId, routedTo } from '../shared/teleexpertise/teleexpertise';
import { whyNotOwnAuditEvent } from './audit-chains';
import { canReadScheduling, isSchedulingType, whyNotWriteScheduling } from './scheduling/appointment-access';
import type { Claims } from './tokens';
import { createUploadPointers } from './upload-pointers';

/** meta.source of every resource written through the hub: who wrote it (the token's subject). */
export const sourceOf = regionSourceOf;

// SECURITY: the directory of professionals and the region's offers (HealthcareService,
// PractitionerRole, which only the hub writes: fhir-requests.ts) are shared: every token reads them.
const SHARED_TYPES = new Set(['Practitioner', 'HealthcareService', 'PractitionerRole']);

type AnyResource = Resource & { id?: string; [key: string]: unknown };
const refId = (reference: unknown, type: string): string | null => {
  if (typeof reference !== 'string') return null;
  const m = new RegExp(`^${type}/([A-Za-z0-9.-]{1,64})$`).exec(reference);
  return m?.[1] ?? null;
};

export interface FhirAccess {
  /** Records the writer of a resource (the hub calls it after each successful write). */
  wrote(resource: Resource, claims: Claims): void;
  /** The writer of an existing resource, or null when nobody wrote it (it does not exist). */
  writerOf(type: string, id: string): string | null;
  canRead(resource: Resource, claims: Claims): Promise<boolean>;
  /** Null when allowed, else why not (answered 403). */
  whyNotWrite(resource: Resource, claims: Claims): Promise<string | null>;
  /** Whether a Media or DocumentReference written by the upload's owner, and readable by this token, points at it. */
  canReadUpload(uploadId: string, owner: string, claims: Claims): Promise<boolean>;
}

export function createFhirAccess(repo: FhirRepository): FhirAccess {
  // SECURITY: the writer of each resource, set by the hub from the token at each write; a body's
  // meta.source is overwritten, so a client cannot claim another station's resource.
  const writers = new Map<string, string>();
  const writerOf = (type: string, id: string) => writers.get(`${type}/${id}`) ?? null;
  const pointers = createUploadPointers();

  async function read(type: string, id: string): Promise<AnyResource | null> {
    try {
      return (await repo.readResource(type, id)) as AnyResource;
    } catch {
      return null;
    }
  }

  /** The ServiceRequest ids a resource belongs to (a téléexpertise shares its act's id). */
  function requestIdsOf(r: AnyResource): string[] {
    const refs: unknown[] = [];
    const list = (v: unknown) => (Array.isArray(v) ? v : v ? [v] : []) as { reference?: unknown }[];
    switch (r.resourceType) {
      case 'ServiceRequest':
        return r.id ? [r.id] : [];
      case 'Encounter':
        if (r.id) refs.push(`ServiceRequest/${r.id}`);
        for (const b of list(r.basedOn)) refs.push(b.reference);
        break;
      case 'Communication':
        for (const b of list(r.basedOn)) refs.push(b.reference);
        break;
      case 'Media':
      case 'Observation':
      case 'ImagingStudy':
        for (const e of list(r.encounter))
          refs.push(typeof e.reference === 'string' ? e.reference.replace(/^Encounter\//, 'ServiceRequest/') : null);
        break;
      case 'DocumentReference':
        for (const e of list((r.context as { encounter?: unknown } | undefined)?.encounter))
          refs.push(typeof e.reference === 'string' ? e.reference.replace(/^Encounter\//, 'ServiceRequest/') : null);
        break;
    }
    return [...new Set(refs.map((x) => refId(x, 'ServiceRequest')).filter((x): x is string => x !== null))];
  }

  function routedToExpert(sr: AnyResource, claims: Claims): boolean {
    const performerType = sr.performerType as { text?: string; coding?: { code?: string }[] } | undefined;
    const specialty = performerType?.text ?? performerType?.coding?.[0]?.code ?? null;
    // SECURITY: a named expert is her token's subject, never her display name.
    const expertId = namedExpertId(sr.performer as Parameters<typeof namedExpertId>[0]);
    return routedTo({ specialty, expertId }, { id: claims.sub, specialty: claims.specialty }).routed;
  }

  /** A request routed to this expert among these ids; when a writer is given, one it wrote. */
  async function anyRouted(ids: string[], claims: Claims, writer?: string | null): Promise<boolean> {
    for (const id of ids) {
      // SECURITY: an act's resources are reached only through a request of the same writer: a
      // station cannot open another's act to an expert by making a request with the act's id.
      if (writer !== undefined && writerOf('ServiceRequest', id) !== writer) continue;
      const sr = await read('ServiceRequest', id);
      if (sr && routedToExpert(sr, claims)) return true;
    }
    return false;
  }

  async function expertCanRead(r: AnyResource, claims: Claims): Promise<boolean> {
    if (r.resourceType === 'Patient') {
      // SECURITY: a patient is visible to an expert only through a request routed to her.
      const requests = (await repo.searchResources({
        resourceType: 'ServiceRequest',
        filters: [{ code: 'subject', operator: Operator.EQUALS, value: `Patient/${r.id}` }],
        count: 1000,
      })) as AnyResource[];
      const writer = writerOf('Patient', r.id ?? '');
      return requests.some(
        (sr) => sr.id !== undefined && writerOf('ServiceRequest', sr.id) === writer && routedToExpert(sr, claims),
      );
    }
    // A reply may come from the expert: it was checked against the request when it was written.
    return anyRouted(
      requestIdsOf(r),
      claims,
      r.resourceType === 'Communication' || !r.id ? undefined : writerOf(r.resourceType, r.id),
    );
  }

  async function canRead(resource: Resource, claims: Claims): Promise<boolean> {
    const r = resource as AnyResource;
    if (SHARED_TYPES.has(r.resourceType)) return true;
    if (r.id && writerOf(r.resourceType, r.id) === claims.sub) return true;
    // Schedules, Slots and Appointments have their own rules (scheduling/appointment-access.ts).
    if (isSchedulingType(r.resourceType))
      return canReadScheduling(r, claims, r.id ? writerOf(r.resourceType, r.id) : null);
    // SECURITY: a message addressed to a station or an expert by her hub subject (the expert's
    // report after the call, its receipt) is read by its writer and that recipient only.
    if (addressedKind(r) !== null) return addressedTo(r) === claims.sub;
    if (claims.role === 'expert') return expertCanRead(r, claims);
    // SECURITY: a station also reads the replies (Communication) to its own requests.
    if (r.resourceType === 'Communication')
      return requestIdsOf(r).some((id) => writerOf('ServiceRequest', id) === claims.sub);
    return false;
  }

  async function whyNotWrite(resource: Resource, claims: Claims): Promise<string | null> {
    const r = resource as AnyResource;
    if (r.id) {
      const writer = writerOf(r.resourceType, r.id);
      // SECURITY: nobody overwrites a resource another token wrote (403: the id, a random UUID,
      // is taken; nothing of its content is told).
      if (writer !== null && writer !== claims.sub)
        return `${r.resourceType}/${r.id} was written by someone else: it cannot be overwritten with this token.`;
    }
    if (r.resourceType === 'AuditEvent') {
      // SECURITY: every station and every expert sends her own audit trail, and only her own. Its
      // references open nothing (an AuditEvent is read by its writer only), so it may name another's
      // record: a refused read of someone else's id is recorded at the region, not refused.
      return whyNotOwnAuditEvent(r, claims);
    }
    // SECURITY: the region's coordinator keeps no patient's record: her token writes nothing else
    // over FHIR (she publishes offers through the hub).
    if (claims.role === 'coordinator')
      return `A coordinator’s token writes only her own audit trail over FHIR, not ${r.resourceType}: offers are published through the hub (offer.publish).`;
    // Schedules, Slots and Appointments have their own rules (scheduling/appointment-access.ts).
    const scheduling = isSchedulingType(r.resourceType) ? await whyNotWriteScheduling(r, claims, read) : null;
    if (scheduling) return scheduling;
    const kind = addressedKind(r);
    if (kind !== null) {
      const why = whyNotAddressed(kind, r, claims);
      if (why) return why;
    } else if (claims.role === 'expert' && !SHARED_TYPES.has(r.resourceType) && !isSchedulingType(r.resourceType)) {
      // SECURITY: an expert writes only replies to the requests routed to her.
      if (r.resourceType !== 'Communication')
        return `An expert's token writes only Communications (replies), not ${r.resourceType}.`;
      const ids = requestIdsOf(r);
      if (ids.length === 0 || !(await anyRouted(ids, claims)))
        return 'This Communication is not based on a request routed to you.';
    }
    // SECURITY: a resource may only point to what its writer may read (no message slipped into
    // another station's request, no file attached to another's act). Targets not yet on the
    // server are allowed: the outbox may send a file before its act.
    for (const reference of referencesIn(r)) {
      const [type, id] = reference.split('/') as [string, string];
      const target = await read(type, id);
      if (target && !(await canRead(target, claims))) return `${reference} is not yours to point to.`;
    }
    return null;
  }

  return {
    wrote(resource, claims) {
      if (resource.id && !writers.has(`${resource.resourceType}/${resource.id}`))
        writers.set(`${resource.resourceType}/${resource.id}`, claims.sub);
      pointers.wrote(resource);
    },
    writerOf,
    canRead,
    whyNotWrite,
    async canReadUpload(uploadId, owner, claims) {
      for (const key of pointers.of(uploadId)) {
        const [type, id] = key.split('/') as [string, string];
        // SECURITY: only a pointer written by the upload's owner opens it: a URL is not a key,
        // and another station's Media naming this upload gives nobody its bytes.
        if (writerOf(type, id) !== owner) continue;
        const r = await read(type, id);
        if (r && (await canRead(r, claims))) return true;
      }
      return false;
    },
  };
}

/**
 * SECURITY: an addressed message names exactly one recipient by hub subject; only an expert sends
 * a report or a prescription (the requesting station still checks she is its act's expert), only a
 * station answers one, and no request is needed: the report comes after a call, not a téléexpertise request.
 */
function whyNotAddressed(kind: AddressedKind, r: AnyResource, claims: Claims): string | null {
  const recipient = addressedTo(r);
  if (recipient === null)
    return `A ${kind} Communication names exactly one recipient, by identifier ${HUB_PEER_SYSTEM}|<hub subject>.`;
  if (recipient === claims.sub) return `A ${kind} Communication is addressed to someone else, not to its writer.`;
  const signed = EXPERT_SIGNED_KINDS.includes(kind);
  if (signed && claims.role !== 'expert') return `Only an expert’s token sends an ${kind}.`;
  if (!signed && claims.role === 'expert') return 'Only the requesting station answers what an expert signed.';
  return null;
}

/** Every relative reference (Type/id) anywhere in a resource. */
function referencesIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, found);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string' && /^[A-Z][A-Za-z]+\/[A-Za-z0-9.-]{1,64}$/.test(v)) found.add(v);
      else referencesIn(v, found);
    }
  }
  return found;
}
