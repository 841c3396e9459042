// The batch Bundle the push sends records in, and its batch-response read back as one answer per
// entry: the answer a single request would have had, so that the single path's handling applies.
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { batchAnswers, batchBundle, entryAnswer } from '../../../src/main/sync/push/batch-bundle';
import { refusalVerdict } from '../../../src/main/sync/server-refusal';

const patient = { resourceType: 'Patient', id: 'p-1' } as Resource & { id: string };
const observation = { resourceType: 'Observation', id: 'o-1' } as Resource & { id: string };
const practitioner = { resourceType: 'Practitioner', identifier: [{ value: '810001234567' }] } as Resource;
const answerOf = (bundle: Partial<Bundle>, status = 200) => ({
  status,
  resource: { resourceType: 'Bundle', type: 'batch-response', ...bundle } as Resource,
  versionId: null,
});

describe('batch Bundle', () => {
  it('puts each record at its own id, naming the version it replaces, and creates a practitioner only if none', () => {
    expect(
      batchBundle([
        { kind: 'create', resource: practitioner, ifNoneExist: 'identifier=urn:oid:1.2.250.1.71.4.2.1|810001234567' },
        { kind: 'put', resource: patient, ifMatch: '3' },
        { kind: 'put', resource: observation, ifMatch: null },
      ]),
    ).toEqual({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          resource: practitioner,
          request: {
            method: 'POST',
            url: 'Practitioner',
            ifNoneExist: 'identifier=urn:oid:1.2.250.1.71.4.2.1|810001234567',
          },
        },
        { resource: patient, request: { method: 'PUT', url: 'Patient/p-1', ifMatch: 'W/"3"' } },
        { resource: observation, request: { method: 'PUT', url: 'Observation/o-1' } }, // never acknowledged: no If-Match
      ],
    });
  });

  it('reads each entry’s answer as the single request’s: status, stored copy, version, refusal', () => {
    const stored = { ...patient, meta: { versionId: '4' } };
    const refusal = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'required', details: { text: 'Observation.code: missing' } }],
    };
    const answers = batchAnswers(
      answerOf({
        entry: [
          { resource: stored, response: { status: '200 OK', etag: 'W/"4"' } },
          { response: { status: '201 Created', etag: 'W/"1"', location: 'Observation/o-1/_history/1' } },
          { response: { status: '412 Precondition Failed', outcome: refusal as never } },
          { response: { status: '400', outcome: refusal as never } },
        ],
      }),
      4,
    );
    expect(answers).toEqual([
      { status: 200, resource: stored, versionId: '4' },
      { status: 201, resource: null, versionId: '1' }, // the version from the etag when no copy came back
      { status: 412, resource: refusal, versionId: null },
      { status: 400, resource: refusal, versionId: null },
    ]);
    // A refused entry is parked with the server's words, as a single 400 would be.
    expect(refusalVerdict(answers![3]!)).toEqual({
      kind: 'park',
      why: 'Refused by the regional server (400): Observation.code: missing.',
    });
  });

  it('says nothing of any entry when the answer is not a batch-response of as many entries', () => {
    const ok = { response: { status: '200 OK' } };
    expect(batchAnswers(answerOf({ entry: [ok, ok] }), 2)).toHaveLength(2);
    expect(batchAnswers(answerOf({ entry: [ok] }), 2)).toBeNull(); // an entry missing
    expect(batchAnswers(answerOf({ entry: [ok, ok] }, 201), 2)).toBeNull();
    expect(batchAnswers(answerOf({ type: 'batch', entry: [ok, ok] }), 2)).toBeNull();
    expect(batchAnswers(answerOf({ entry: [ok, { response: { status: 'fine' } }] }), 2)).toBeNull();
    expect(batchAnswers(answerOf({ entry: [ok, {}] }), 2)).toBeNull();
    const outcome = { resourceType: 'OperationOutcome', issue: [] } as Resource;
    expect(batchAnswers({ status: 405, resource: outcome, versionId: null }, 2)).toBeNull();
    expect(batchAnswers({ status: 200, resource: null, versionId: null }, 0)).toBeNull();
    expect(entryAnswer(undefined)).toBeNull();
  });
});
