// The batch Bundle the push sends records in (FHIR R4 `batch`: each entry processed on its own by
// the server), and its batch-response read back as one answer per entry, the same FhirAnswer a
// single request gets, so that each record's answer is handled by the single path's own code
// (put-resource.ts `settle`). Pure: no request, no storage.
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { FhirAnswer } from '../fhir-client';

export type BatchRequest =
  /** A record at its client-made id, naming the server version it replaces. */
  | { kind: 'put'; resource: Resource & { id: string }; ifMatch: string | null }
  /** Created unless one matches the search (a Practitioner by its IdNatPS). */
  | { kind: 'create'; resource: Resource; ifNoneExist: string };

export function batchBundle(requests: readonly BatchRequest[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'batch',
    entry: requests.map((r): BundleEntry =>
      r.kind === 'put'
        ? {
            resource: r.resource,
            request: {
              method: 'PUT',
              url: `${r.resource.resourceType}/${encodeURIComponent(r.resource.id)}`,
              ...(r.ifMatch !== null ? { ifMatch: `W/"${r.ifMatch}"` } : {}),
            },
          }
        : {
            resource: r.resource,
            request: { method: 'POST', url: r.resource.resourceType, ifNoneExist: r.ifNoneExist },
          },
    ),
  };
}

const weakVersion = (etag: string | undefined): string | null => /^W\/"(.+)"$/.exec(etag ?? '')?.[1] ?? null;

/** One entry's response as the answer its single request would have had. */
export function entryAnswer(entry: BundleEntry | undefined): FhirAnswer | null {
  const status = Number(/^\s*(\d{3})\b/.exec(entry?.response?.status ?? '')?.[1] ?? NaN);
  if (!Number.isInteger(status)) return null;
  const resource = (entry?.resource ?? entry?.response?.outcome ?? null) as Resource | null;
  const stored = entry?.resource ?? null;
  return { status, resource, versionId: stored?.meta?.versionId ?? weakVersion(entry?.response?.etag) };
}

/**
 * The answers to a batch of `count` entries, in order; null when the answer is not a
 * batch-response of that many entries, each with a status (a server that does not do batches,
 * or one that refused the Bundle whole): nothing can be said of any entry.
 */
export function batchAnswers(answer: FhirAnswer, count: number): FhirAnswer[] | null {
  const bundle = answer.resource as Bundle | null;
  if (answer.status !== 200 || bundle?.resourceType !== 'Bundle' || bundle.type !== 'batch-response') return null;
  const entries = bundle.entry ?? [];
  if (entries.length !== count) return null;
  const answers = entries.map(entryAnswer);
  return answers.every((a): a is FhirAnswer => a !== null) ? answers : null;
}
