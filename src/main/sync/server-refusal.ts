// What a refusal from the regional server means for the record that met it: a pause for
// everything (429), a wait without holding the others back (the region waits for something else
// first), a wait that stops the pass (the server or the token is in trouble), or a refusal a person
// must look at (parked with the server's reason).
import type { FhirAnswer } from './fhir-client';

export type RefusalVerdict =
  { kind: 'pause' } | { kind: 'later'; why: string; stop: boolean } | { kind: 'park'; why: string };

export function refusalVerdict(answer: FhirAnswer): RefusalVerdict {
  const outcome = answer.resource?.resourceType === 'OperationOutcome' ? answer.resource : null;
  const issues = outcome?.issue ?? [];
  if (answer.status === 429) return { kind: 'pause' };
  // The server may take it once something else is done (FHIR's "transient" issue: the region
  // waits for an earlier audit row): it waits, without holding the other records back.
  if (answer.status >= 400 && answer.status < 500 && issues.some((i) => i.code === 'transient')) {
    const why = issues.map((i) => i.details?.text ?? i.code).join('; ');
    return { kind: 'later', why: why || 'The regional server asked to send it again later.', stop: false };
  }
  // A 403 that says this record is forbidden (the hub's access rules: an id another station
  // holds, a request not routed here) will never pass by waiting: it is parked for a person,
  // and the rest goes on. A bare 403 (a token the region stopped accepting) waits.
  const forbiddenRecord = answer.status === 403 && issues.some((i) => i.code === 'forbidden');
  if (!forbiddenRecord && (answer.status >= 500 || answer.status === 401 || answer.status === 403)) {
    return { kind: 'later', why: `The regional server answered ${answer.status}.`, stop: true };
  }
  const text = outcome
    ? issues
        .map((i) => i.details?.text ?? i.diagnostics ?? i.code)
        .join('; ')
        .replace(/\.$/, '')
    : '';
  return { kind: 'park', why: `Refused by the regional server (${answer.status})${text ? `: ${text}` : ''}.` };
}
