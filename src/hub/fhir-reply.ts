// An answer of the hub's FHIR endpoint before it is sent, and the request it answers: the same
// for a request on the wire (fhir-endpoint.ts) and for an entry of a batch (fhir-batch.ts), so
// that both go through one code path.
import type { OperationOutcome, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import type { HttpMethod } from '@medplum/fhir-router';
import type http from 'node:http';

export interface FhirReply {
  status: number;
  body: Resource;
  headers: Record<string, string>;
}

/** A request's body, read when the request has passed the checks that need no body. */
export type BodySource = () => Promise<{ body: unknown } | { refused: FhirReply }>;

/** One FHIR interaction: a request on the wire, or an entry of a batch. */
export interface OneRequest {
  method: HttpMethod;
  /** The path under the FHIR base, with its query: /Patient/123, /Observation?_lastUpdated=gt... */
  path: string;
  headers: http.IncomingHttpHeaders;
  body: BodySource;
}

export const reply = (status: number, body: Resource, headers: Record<string, string> = {}): FhirReply => ({
  status,
  body,
  headers,
});

export const outcome = (code: OperationOutcomeIssue['code'], text: string): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, details: { text } }],
});
