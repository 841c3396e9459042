// The region's FHIR R4 server for development and tests, mounted by the hub under /fhir/R4:
// @medplum/fhir-router over its in-memory repository, behind the hub's access tokens (Bearer),
// with every created or updated resource validated against R4 (the repository itself accepts
// anything, a real regional server does not), request bodies size-limited, JSON errors answered
// with an OperationOutcome, ETag and Location headers as FHIR clients expect, and a
// CapabilityStatement at /metadata so that clients can see what it supports.
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  isDataTypeLoaded,
  validateResource,
  OperationOutcomeError,
} from '@medplum/core';
import definitions from '../../resources/fhir/r4-definitions.json' with { type: 'json' };
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import {
  FhirRouter,
  MemoryRepository,
  type FhirRepository,
  type FhirRequest,
  type HttpMethod,
} from '@medplum/fhir-router';
import type http from 'node:http';
import { createAuditChains, type AuditChains } from './audit-chains';
import { createFhirAccess, sourceOf } from './fhir-access';
import { answerBatch, isBatchPath } from './fhir-batch';
import { capabilityStatement, parseTarget, whyRefused } from './fhir-requests';
import { outcome, reply, type BodySource, type FhirReply, type OneRequest } from './fhir-reply';
import type { RateLimiter } from './rate-limit';
import { createAppointmentDesk, type DeskAnswer } from './scheduling/appointments';
import type { Claims, Verified } from './tokens';

export const FHIR_BASE_PATH = '/fhir/R4';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

// @medplum/core's index is per process: the station's validator (same process in browser mode)
// may have loaded the structure definitions already; search parameters are the hub's own need.
let searchParametersLoaded = false;
export function loadDefinitions(): void {
  // Relais' own cut of R4 (resources/fhir/, scripts/fhir-definitions.mjs): the types it serves.
  if (!isDataTypeLoaded('Patient')) {
    indexStructureDefinitionBundle(definitions.types as Bundle);
    indexStructureDefinitionBundle(definitions.resources as Bundle);
  }
  if (!searchParametersLoaded) {
    indexSearchParameterBundle(definitions.searchParameters as Bundle<SearchParameter>);
    searchParametersLoaded = true;
  }
}

export interface FhirEndpoint {
  /** Answers the request if it is for the FHIR endpoint; false otherwise. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** Whether this token may download an upload another token (its owner) sent (see fhir-access.ts). */
  canReadUpload(uploadId: string, owner: string, claims: Claims): Promise<boolean>;
  /** Each station's audit chain as the region acknowledged it (audit-chains.ts). */
  auditChains: AuditChains;
  /** The repository itself, for what the hub writes on its own: the region's offers (scheduling/offer-store.ts). */
  repository: FhirRepository;
}

export interface FhirEndpointOptions {
  /** Verifies a Bearer token: signature, expiry and the revocation list. */
  authenticate: (token: string | undefined) => Verified;
  /** The hub's clock (ms), for the audit chains' acknowledgement times. */
  now: () => number;
  limiter?: RateLimiter;
  log: (event: string, detail?: Record<string, unknown>) => void;
}

export function createFhirEndpoint(options: FhirEndpointOptions): FhirEndpoint {
  // Loaded at start (a tenth of a second of CPU) rather than on the first request, which would stall
  // everything else the process does at that moment (in browser mode: the station's devices).
  loadDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  const access = createFhirAccess(repo);
  const auditChains = createAuditChains({ now: options.now, log: options.log });
  const appointments = createAppointmentDesk(repo, options.now);

  const send = (res: http.ServerResponse, answer: FhirReply) => {
    res.writeHead(answer.status, { 'Content-Type': 'application/fhir+json; charset=utf-8', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  };

  /** A request's body read from the wire and parsed, or the refusal to answer (too large, not JSON). */
  function bodyOf(req: http.IncomingMessage): BodySource {
    return async () => {
      let raw: Buffer;
      try {
        raw = await readBody(req);
      } catch {
        return { refused: reply(413, outcome('too-costly', `The request body is over ${MAX_BODY_BYTES} bytes.`)) };
      }
      try {
        return { body: JSON.parse(raw.toString('utf8')) as unknown };
      } catch {
        return { refused: reply(400, outcome('structure', 'The request body is not JSON.')) };
      }
    };
  }

  function readBody(req: http.IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          reject(new Error('too_large'));
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  /** Runs a request through the router and makes its answer (with ETag, Location). */
  async function route(
    request: FhirRequest,
    claims: Claims,
    after?: (resource: Resource) => Promise<Resource | null>,
    created = false,
  ): Promise<FhirReply> {
    const [result, resource] = await router.handleRequest(request, repo);
    // An update that creates answers 201 (FHIR's update as create): the router answers 200.
    const status = created && getStatus(result) === 200 ? 201 : getStatus(result);
    if (!resource) return reply(status, result);
    if (status < 300 && request.method !== 'GET') {
      access.wrote(resource, claims);
      if (resource.resourceType === 'AuditEvent') auditChains.acknowledged(claims.sub, resource);
    }
    const shown = after ? await after(resource) : resource;
    if (!shown) return reply(404, outcome('not-found', 'Not found.'));
    const headers: Record<string, string> = {};
    const versionId = shown.meta?.versionId;
    if (versionId) headers.ETag = `W/"${versionId}"`;
    if (shown.meta?.lastUpdated) headers['Last-Modified'] = new Date(shown.meta.lastUpdated).toUTCString();
    if (status === 201 && shown.id)
      headers.Location = `${FHIR_BASE_PATH}/${shown.resourceType}/${shown.id}${versionId ? `/_history/${versionId}` : ''}`;
    return reply(status, shown, headers);
  }

  /**
   * Keeps only the entries this token may read. The total would count the others: it is dropped,
   * unless the search was restricted to the token's own resources (ownOnly).
   */
  async function filterBundle(bundle: Resource, claims: Claims, ownOnly = false): Promise<Resource> {
    if (bundle.resourceType !== 'Bundle') return bundle;
    const entries = [];
    for (const entry of bundle.entry ?? [])
      if (entry.resource && (await access.canRead(entry.resource, claims))) entries.push(entry);
    const { total, ...rest } = bundle;
    return { ...rest, entry: entries, ...(ownOnly && total !== undefined ? { total } : {}) };
  }

  /**
   * SECURITY: a search whose only _source is this token's own (meta.source, set by the hub from
   * the writer's token at each write, and nobody overwrites another's resource) matches only what
   * the token wrote: its total counts nothing of anyone else's, so it is given. It lets a station
   * check cheaply that the region still holds what it sent (`_summary=count`, its reconciliation).
   */
  const searchesOwnOnly = (query: URLSearchParams, claims: Claims): boolean => {
    const sources = [...query.entries()].filter(([key]) => key.startsWith('_source'));
    return sources.length === 1 && sources[0]![0] === '_source' && sources[0]![1] === sourceOf(claims.sub);
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<unknown> {
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const verified = options.authenticate(auth);
    if (!verified.ok)
      return send(
        res,
        reply(401, outcome('login', `Access token ${verified.reason}.`), { 'WWW-Authenticate': 'Bearer' }),
      );
    const claims = verified.claims;
    // SECURITY: a flood from one token is answered 429 before anything is read or parsed. A
    // batch counts as one request: its size is bounded instead (fhir-batch.ts).
    if (options.limiter && !options.limiter.take(claims.sub))
      return send(
        res,
        reply(429, outcome('throttled', 'Too many requests with this token: slow down.'), { 'Retry-After': '1' }),
      );
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    if (method === 'POST' && isBatchPath(path))
      return send(res, await answerBatch(bodyOf(req), (request) => answer(request, claims), options.log));
    return send(res, await answer({ method, path, headers: req.headers, body: bodyOf(req) }, claims));
  }

  /**
   * One FHIR interaction, from a request on the wire or an entry of a batch (fhir-batch.ts): the
   * same refusals, validation, access rules, versioning (If-Match) and audit chains for both.
   */
  async function answer(one: OneRequest, claims: Claims): Promise<FhirReply> {
    const { method, path, headers: given } = one;
    if (method === 'GET' && (path === '/metadata' || path.startsWith('/metadata?')))
      return reply(200, capabilityStatement());
    const target = parseTarget(path);
    const refused = whyRefused(method, target, given);
    if (refused)
      return reply(refused.status, outcome(refused.status === 405 ? 'not-supported' : 'forbidden', refused.text));
    const { type, id } = target!;
    let body: unknown;
    if (method === 'POST' || method === 'PUT') {
      const read = await one.body();
      if ('refused' in read) return read.refused;
      body = read.body;
      try {
        const issues = validateResource(body as Resource).filter(
          (i) => i.severity === 'error' || i.severity === 'fatal',
        );
        if (issues.length > 0) return reply(400, { resourceType: 'OperationOutcome', issue: issues });
      } catch (error) {
        if (error instanceof OperationOutcomeError) return reply(400, error.outcome);
        return reply(400, outcome('invalid', 'The resource could not be validated.'));
      }
      const resource = body as Resource;
      if (resource.resourceType !== type || (method === 'PUT' && resource.id !== id))
        return reply(400, outcome('invalid', `The body must be a ${type}${method === 'PUT' ? ` with id ${id}` : ''}.`));
      // SECURITY: the writer is recorded by the hub from the token, whatever the body says.
      resource.meta = { ...resource.meta, source: sourceOf(claims.sub) };
      const why = await access.whyNotWrite(resource, claims);
      if (why) return reply(403, outcome('forbidden', why));
    }
    const request = (url: string, headers: http.IncomingHttpHeaders = given): FhirRequest => ({
      method,
      url,
      pathname: '',
      body,
      params: {},
      query: {},
      headers,
    });
    if (type === 'AuditEvent' && method !== 'GET') {
      return auditChains.serialized(claims.sub, () => writeAuditEvent(request(path), claims));
    }
    if ((type === 'Appointment' || type === 'Slot' || type === 'Schedule') && method !== 'GET')
      return writeScheduling(request(path), claims);
    if (method === 'POST' && given['if-none-exist']) {
      // SECURITY: a conditional create matches only what this token may read; another station's
      // match is not revealed, a new resource is created instead.
      const criteria = String(given['if-none-exist']);
      const [, found] = await router.handleRequest(
        { ...request(`/${type}?${criteria}`), method: 'GET', body: undefined },
        repo,
      );
      const mine = found ? (((await filterBundle(found, claims)) as Bundle).entry ?? []) : [];
      if (mine.length > 1) return reply(412, outcome('multiple-matches', 'Several resources match If-None-Exist.'));
      if (mine[0]?.resource)
        return reply(
          200,
          mine[0].resource,
          mine[0].resource.meta?.versionId ? { ETag: `W/"${mine[0].resource.meta.versionId}"` } : {},
        );
      const { 'if-none-exist': _dropped, ...headers } = given;
      return route(request(`/${type}`, headers), claims);
    }
    if (method === 'GET' && id === undefined)
      return route(request(path), claims, (bundle) =>
        filterBundle(bundle, claims, searchesOwnOnly(target!.query, claims)),
      );
    if (method === 'GET') {
      // SECURITY: read, vread and history of what this token may not read answer 404, like
      // a resource that does not exist: nothing is leaked, not even that it exists.
      const current = await repo.readResource(type, id!).catch(() => null);
      if (!current || !(await access.canRead(current, claims)))
        return reply(404, outcome('not-found', `${type}/${id} is not found.`));
      return route(request(path), claims);
    }
    return route(request(path), claims);
  }

  /**
   * SECURITY: an AuditEvent is created by PUT on its id and never replaced (FHIR advises that audit
   * records are not updated); it must follow the last row the region acknowledged for this sender.
   * The answer, the stored AuditEvent with its chain extension, is the station's acknowledgement.
   */
  async function writeAuditEvent(request: FhirRequest, claims: Claims): Promise<FhirReply> {
    const body = request.body as Resource;
    if (request.method !== 'PUT') {
      return reply(
        405,
        outcome(
          'not-supported',
          'An AuditEvent is sent with PUT on its own id, so that sending it again replaces nothing.',
        ),
      );
    }
    const held = await repo.readResource('AuditEvent', body.id!).catch(() => null);
    const verdict = auditChains.check(claims.sub, body.id!, body, held);
    if (verdict.kind === 'refused') return reply(verdict.status, outcome(verdict.code, verdict.text));
    if (verdict.kind === 'already_held')
      return reply(200, held!, held!.meta?.versionId ? { ETag: `W/"${held!.meta.versionId}"` } : {});
    return route(request, claims);
  }

  /**
   * Scheduling (scheduling/appointments.ts): an Appointment is booked by PUT on its client-made id
   * through the desk, which gives each slot to one booking only; a booked Slot is not rewritten. A
   * PUT that creates answers 201, so that a booking's first PUT is told from its retries.
   */
  async function writeScheduling(request: FhirRequest, claims: Claims): Promise<FhirReply> {
    const body = request.body as Resource;
    let written: FhirReply | null = null;
    const write = async (created: boolean) => {
      written = await route(request, claims, undefined, created);
      return written.status;
    };
    let refused: DeskAnswer = null;
    if (body.resourceType === 'Schedule')
      await write(request.method === 'POST' || !(await repo.readResource('Schedule', body.id!).catch(() => null)));
    else if (body.resourceType === 'Slot') refused = await appointments.writeSlot(body, write);
    else if (request.method !== 'PUT')
      refused = {
        status: 405,
        outcome: outcome(
          'not-supported',
          'An Appointment is booked with PUT on its own id, so that a retry books nothing twice.',
        ),
      };
    else refused = await appointments.put(body, write);
    if (refused) return reply(refused.status, refused.outcome);
    return written ?? reply(500, outcome('exception', 'The booking desk answered nothing.'));
  }

  return {
    auditChains,
    repository: repo,
    canReadUpload: (uploadId, owner, claims) => access.canReadUpload(uploadId, owner, claims),
    handle(req, res) {
      const url = req.url ?? '';
      if (url !== FHIR_BASE_PATH && !url.startsWith(`${FHIR_BASE_PATH}/`) && !url.startsWith(`${FHIR_BASE_PATH}?`))
        return false;
      loadDefinitions();
      const path = url.slice(FHIR_BASE_PATH.length) || '/';
      serve(req, res, path).catch((error: unknown) => {
        options.log('hub.fhir_error', { error: (error as Error).message });
        if (!res.headersSent) send(res, reply(500, outcome('exception', 'The FHIR server failed on this request.')));
      });
      return true;
    },
  };
}
