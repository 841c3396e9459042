// The few FHIR R4 REST calls the sync makes, over fetch, with a timeout, and answers parsed as
// input that may be garbage: a body that is not a FHIR resource is an error to report, not a crash.
// A 429 (or a 503 with Retry-After) pauses every later call until the server's date: they fail at
// once, without reaching the server, as FhirRateLimitedError.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { createHubPace, parseRetryAfter, pausedMessage, type HubPace } from '../platform/hub/hub-pace';

export interface FhirAnswer {
  status: number;
  resource: Resource | null;
  versionId: string | null;
}

export class FhirNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FhirNetworkError';
  }
}

/** The server asked to wait (429 Retry-After): not a failure of the record, nothing was sent. */
export class FhirRateLimitedError extends FhirNetworkError {
  constructor(readonly waitMs: number) {
    super(pausedMessage(waitMs));
    this.name = 'FhirRateLimitedError';
  }
}

export interface FhirClient {
  /** The pause the server asked for, shared by every call of this client (and the uploads, through the push worker). */
  pace: HubPace;
  put(resource: Resource & { id: string }, ifMatch: string | null): Promise<FhirAnswer>;
  /** Creates the resource unless one matches the search (conditional create, If-None-Exist). */
  createIfNone(resource: Resource, search: string): Promise<FhirAnswer>;
  read(resourceType: string, id: string): Promise<FhirAnswer>;
  /** A batch Bundle POSTed to the base; the answer's resource is the batch-response (push/batch-bundle.ts reads it). */
  batch(bundle: Bundle): Promise<FhirAnswer>;
  /** A type-level search; the answer's resource is the Bundle (or whatever came back). */
  search(resourceType: string, query: Record<string, string>): Promise<FhirAnswer>;
  /** The server's CapabilityStatement (GET /metadata). */
  capabilities(): Promise<FhirAnswer>;
}

export function createFhirClient(options: {
  baseUrl: string;
  token: () => string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  pace?: HubPace;
  now?: () => number;
  onUnauthorized?: () => void;
}): FhirClient {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const pace = options.pace ?? createHubPace(now);
  async function call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<FhirAnswer> {
    const wait = pace.waitMs();
    if (wait > 0) throw new FhirRateLimitedError(wait);
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}`, {
        method,
        headers: {
          Accept: 'application/fhir+json',
          Authorization: `Bearer ${options.token()}`,
          ...(body ? { 'Content-Type': 'application/fhir+json' } : {}),
          ...headers,
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new FhirNetworkError(`The regional FHIR server did not answer (${(error as Error).message}).`);
    }
    const retryAfter = response.headers.get('retry-after');
    if (response.status === 429 || (response.status === 503 && retryAfter !== null))
      pace.holdUntil(now() + parseRetryAfter(retryAfter, now()));
    if (response.status === 401) options.onUnauthorized?.();
    const text = await response.text().catch(() => '');
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    const resource =
      parsed && typeof parsed === 'object' && typeof (parsed as Resource).resourceType === 'string'
        ? (parsed as Resource)
        : null;
    const etag = /^W\/"(.+)"$/.exec(response.headers.get('etag') ?? '')?.[1] ?? null;
    return { status: response.status, resource, versionId: resource?.meta?.versionId ?? etag };
  }
  return {
    pace,
    put: (resource, ifMatch) =>
      call(
        'PUT',
        `/${resource.resourceType}/${encodeURIComponent(resource.id)}`,
        resource,
        ifMatch ? { 'If-Match': `W/"${ifMatch}"` } : {},
      ),
    createIfNone: (resource, search) =>
      call('POST', `/${resource.resourceType}`, resource, { 'If-None-Exist': search }),
    read: (type, id) => call('GET', `/${type}/${encodeURIComponent(id)}`),
    batch: (bundle) => call('POST', '', bundle),
    search: (type, query) => call('GET', `/${type}?${new URLSearchParams(query).toString()}`),
    capabilities: () => call('GET', '/metadata'),
  };
}
