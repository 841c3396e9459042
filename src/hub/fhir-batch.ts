// A FHIR R4 batch POSTed to the FHIR base: each entry is answered on its own, in the Bundle's
// order, by the endpoint's single-request path (fhir-endpoint.ts `answer`: the same refusals,
// validation, access rules, If-Match versioning and audit chains), and the answers come back in a
// batch-response Bundle. A Bundle whose shape is wrong is refused whole before any entry is run:
// nothing is half-applied. Transactions (all or nothing) are not served.
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { HttpMethod } from '@medplum/fhir-router';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { outcome, reply, type BodySource, type FhirReply, type OneRequest } from './fhir-reply';

/**
 * The most entries a batch may hold. A batch counts as one request for the per-token rate limit
 * (50 a second by default), so this bounds what one token can ask of the hub: at most 5,000
 * writes a second, ten times what a station needs to send a day offline within a minute. The hub
 * runs a batch's entries one after another at about 1 to 2 ms each (R4 validation, access
 * checks), so 100 entries answer in well under a second, far within the station's 15 s timeout,
 * and the hub serves its other connections between entries. 100 typical records are a few
 * hundred kB, far below the 16 MB body limit.
 */
export const MAX_BATCH_ENTRIES = 100;

const METHODS: readonly string[] = ['GET', 'PUT', 'POST'];
/** The conditional headers a batch entry may carry (entry.request), as the single request's headers. */
const CONDITIONS = {
  ifMatch: 'if-match',
  ifNoneExist: 'if-none-exist',
  ifNoneMatch: 'if-none-match',
  ifModifiedSince: 'if-modified-since',
} as const;

/** POST to the FHIR base itself. */
export const isBatchPath = (path: string): boolean => path === '/';

type Checked = { entries: OneRequestOf[] } | { refused: FhirReply };
type OneRequestOf = Omit<OneRequest, 'body'> & { resource: Resource | undefined };

const invalid = (text: string) => ({ refused: reply(400, outcome('invalid', text)) });

/** The Bundle's shape, every entry checked before any is run. */
export function checkBatch(body: unknown): Checked {
  const bundle = body as Partial<Bundle> | null;
  if (!bundle || typeof bundle !== 'object' || Array.isArray(bundle) || bundle.resourceType !== 'Bundle')
    return invalid('POST to the FHIR base takes a Bundle of type batch.');
  if (bundle.type === 'transaction')
    return {
      refused: reply(
        405,
        outcome(
          'not-supported',
          'Transactions are not served here: send a Bundle of type batch, whose entries are each processed on their own.',
        ),
      ),
    };
  if (bundle.type !== 'batch')
    return invalid(`A Bundle POSTed to the FHIR base is of type batch, not ${JSON.stringify(bundle.type ?? null)}.`);
  const entries: unknown = bundle.entry ?? [];
  if (!Array.isArray(entries)) return invalid('Bundle.entry is a list.');
  if (entries.length > MAX_BATCH_ENTRIES)
    return {
      refused: reply(
        413,
        outcome(
          'too-costly',
          `A batch holds at most ${MAX_BATCH_ENTRIES} entries; this one has ${entries.length}: send it in several.`,
        ),
      ),
    };
  const checked: OneRequestOf[] = [];
  for (const [index, entry] of (entries as BundleEntry[]).entries()) {
    const at = `Entry ${index + 1}`;
    const request = entry && typeof entry === 'object' ? entry.request : undefined;
    if (!request || typeof request !== 'object')
      return invalid(`${at} has no request (method and url): every entry of a batch says what to do.`);
    const method = request.method as string | undefined;
    if (typeof method !== 'string' || !METHODS.includes(method))
      return invalid(`${at}: ${JSON.stringify(method ?? null)} is not served in a batch; only GET, PUT and POST are.`);
    const url = request.url as unknown;
    if (typeof url !== 'string' || !/^\/?[A-Z][A-Za-z]*([/?].*)?$/.test(url))
      return invalid(`${at}: request.url is a path relative to the FHIR base, such as Patient/<id>.`);
    const headers: http.IncomingHttpHeaders = {};
    for (const [field, header] of Object.entries(CONDITIONS)) {
      const value = (request as unknown as Record<string, unknown>)[field];
      if (value === undefined) continue;
      if (typeof value !== 'string') return invalid(`${at}: request.${field} is a string.`);
      headers[header] = value;
    }
    const resource = entry.resource as Resource | undefined;
    if (resource !== undefined && (typeof resource !== 'object' || resource === null || Array.isArray(resource)))
      return invalid(`${at}: its resource is a FHIR resource (a JSON object).`);
    if (resource?.resourceType === 'Bundle') return invalid(`${at}: Bundles inside a batch are not served.`);
    if (method === 'GET' && resource !== undefined) return invalid(`${at}: a GET carries no resource.`);
    if (method !== 'GET' && resource === undefined) return invalid(`${at}: a ${method} carries its resource.`);
    checked.push({ method: method as HttpMethod, path: url.startsWith('/') ? url : `/${url}`, headers, resource });
  }
  return { entries: checked };
}

/** One entry's answer, as R4's batch-response says it: status line, location, etag, lastModified, outcome. */
export function responseEntry(answer: FhirReply): BundleEntry {
  const { status, body, headers } = answer;
  const ok = status < 300 && body.resourceType !== 'OperationOutcome';
  const lastUpdated = ok ? body.meta?.lastUpdated : undefined;
  return {
    ...(ok ? { resource: body } : {}),
    response: {
      status: `${status} ${http.STATUS_CODES[status] ?? ''}`.trim(),
      ...(headers.Location ? { location: headers.Location } : {}),
      ...(headers.ETag ? { etag: headers.ETag } : {}),
      ...(lastUpdated ? { lastModified: lastUpdated } : {}),
      ...(ok ? {} : { outcome: body as OperationOutcome }),
    },
  };
}

/**
 * Reads, checks and runs a batch: each entry through `answerOne` (the single request's path), in
 * order, one at a time; between two entries the hub serves its other connections.
 */
export async function answerBatch(
  body: BodySource,
  answerOne: (request: OneRequest) => Promise<FhirReply>,
  log: (event: string, detail?: Record<string, unknown>) => void,
): Promise<FhirReply> {
  const read = await body();
  if ('refused' in read) return read.refused;
  const checked = checkBatch(read.body);
  if ('refused' in checked) return checked.refused;
  const entries: BundleEntry[] = [];
  for (const entry of checked.entries) {
    if (entries.length > 0) await new Promise((resolve) => setImmediate(resolve));
    let answer: FhirReply;
    try {
      answer = await answerOne({ ...entry, body: async () => ({ body: entry.resource }) });
    } catch (error) {
      log('hub.fhir_error', { error: (error as Error).message, batchEntry: entries.length + 1 });
      answer = reply(500, outcome('exception', 'The FHIR server failed on this entry.'));
    }
    entries.push(responseEntry(answer));
  }
  const response: Bundle = { resourceType: 'Bundle', id: randomUUID(), type: 'batch-response', entry: entries };
  return reply(200, response);
}
