// FHIR batch Bundles on the hub's endpoint (POST to the base): each entry answered on its own, in
// order, with the rules of its single request (versioning, validation, who may write what); a
// batch counts as one request for the rate limit but holds at most MAX_BATCH_ENTRIES; a Bundle of
// the wrong shape is refused whole, with nothing applied.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH_ENTRIES } from '../../src/hub/fhir-batch';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { patientToFhir } from '../../src/main/sync/fhir/patient';
import { qualifiedPatient } from '../unit/sync/fhir-samples';

const SECRET = 'fhir-batch-secret';
const claims = (sub: string) => ({
  sub,
  role: 'station' as const,
  name: sub,
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const cartA = issueToken(SECRET, claims('cart-a'));
const cartB = issueToken(SECRET, claims('cart-b'));
let hub: RunningHub;
// A slow bucket (2 requests, then one every 1,000 s): each request counts.
let slowHub: RunningHub;
beforeAll(async () => {
  hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  slowHub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    httpRatePerSecond: 0.001,
    httpBurst: 2,
  });
});
afterAll(async () => {
  await hub.close();
  await slowHub.close();
});

async function fhir(method: string, path: string, body?: unknown, bearer = cartA, base = hub.fhirUrl) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/fhir+json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as Record<string, any> };
}
const batch = (entry: unknown[]) => ({ resourceType: 'Bundle', type: 'batch', entry });
const encounter = (id: string, status = 'planned') => ({
  resourceType: 'Encounter',
  id,
  status,
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
});
const put = (resource: { resourceType: string; id?: string }, ifMatch?: string) => ({
  resource,
  request: { method: 'PUT', url: `${resource.resourceType}/${resource.id}`, ...(ifMatch ? { ifMatch } : {}) },
});

describe('hub FHIR batch', () => {
  it('says it serves batches in its CapabilityStatement', async () => {
    const { json } = await fhir('GET', '/metadata');
    expect(json.rest[0].interaction).toEqual([
      expect.objectContaining({
        code: 'batch',
        documentation: expect.stringContaining(`${MAX_BATCH_ENTRIES} entries`),
      }),
    ]);
  });

  it('answers each entry on its own, in order: created, conflict, invalid, forbidden, read, conditional create', async () => {
    const patient = patientToFhir(qualifiedPatient);
    const act = randomUUID();
    const first = await fhir('PUT', `/Encounter/${act}`, encounter(act));
    await fhir('PUT', `/Encounter/${act}`, encounter(act, 'in-progress')); // version 2 now
    const theirs = randomUUID();
    expect((await fhir('PUT', `/Encounter/${theirs}`, encounter(theirs), cartB)).status).toBe(200);
    const broken = randomUUID();
    const practitioner = {
      resourceType: 'Practitioner',
      identifier: [{ system: 'urn:oid:1.2.250.1.71.4.2.1', value: `8${Date.now()}` }],
    };

    const { status, json } = await fhir(
      'POST',
      '',
      batch([
        put(patient),
        put(encounter(act, 'finished'), `W/"${first.json.meta.versionId}"`), // stale
        put({ resourceType: 'Observation', id: broken, status: 'final' } as never), // no code: invalid R4
        put(encounter(theirs, 'cancelled')), // cart B's
        { request: { method: 'GET', url: `Encounter/${act}` } },
        conditionalCreate(practitioner),
      ]),
    );
    expect(status).toBe(200);
    expect(json).toMatchObject({ resourceType: 'Bundle', type: 'batch-response' });
    const [created, stale, invalid, forbidden, read, conditional] = json.entry as any[];
    // An update that creates answers 200, as the single PUT does on this hub (bookings aside).
    expect(created.response).toMatchObject({
      status: '200 OK',
      etag: `W/"${created.resource.meta.versionId}"`,
      lastModified: created.resource.meta.lastUpdated,
    });
    expect(created.resource).toMatchObject({ resourceType: 'Patient', id: patient.id });
    expect(stale.response).toMatchObject({
      status: '412 Precondition Failed',
      outcome: { resourceType: 'OperationOutcome' },
    });
    expect(invalid.response).toMatchObject({
      status: '400 Bad Request',
      outcome: { resourceType: 'OperationOutcome' },
    });
    expect(JSON.stringify(invalid.response.outcome)).toMatch(/code/);
    expect(forbidden.response).toMatchObject({
      status: '403 Forbidden',
      outcome: { issue: [{ details: { text: expect.stringMatching(/written by someone else/) } }] },
    });
    expect(read).toMatchObject({ response: { status: '200 OK' }, resource: { id: act, status: 'in-progress' } });
    expect(conditional.response).toMatchObject({
      status: '201 Created',
      location: expect.stringMatching(new RegExp(`Practitioner/${conditional.resource.id}/_history/.+$`)),
    });

    // What each answer says is what the server holds.
    expect((await fhir('GET', `/Patient/${patient.id}`)).status).toBe(200);
    expect((await fhir('GET', `/Encounter/${act}`)).json.status).toBe('in-progress');
    expect((await fhir('GET', `/Observation/${broken}`)).status).toBe(404);
    expect((await fhir('GET', `/Encounter/${theirs}`, undefined, cartB)).json.status).toBe('planned');
    // The same conditional create again finds the practitioner: none twice.
    const again = await fhir('POST', '', batch([conditionalCreate(practitioner)]));
    expect(again.json.entry[0].response.status).toBe('200 OK');
    expect(again.json.entry[0].resource.id).toBe(conditional.resource.id);
  });

  it('updates with entry.request.ifMatch the version it names, as a single PUT does', async () => {
    const act = randomUUID();
    const created = await fhir('POST', '', batch([put(encounter(act))]));
    const etag = created.json.entry[0].response.etag as string;
    const updated = await fhir('POST', '', batch([put(encounter(act, 'in-progress'), etag)]));
    expect(updated.json.entry[0].response).toMatchObject({ status: '200 OK', etag: expect.not.stringMatching(etag) });
    // The same Bundle sent again (its answer lost): the version it names is gone.
    const retried = await fhir('POST', '', batch([put(encounter(act, 'in-progress'), etag)]));
    expect(retried.json.entry[0].response.status).toBe('412 Precondition Failed');
  });

  it(`counts a batch as one request for the rate limit, and refuses more than ${MAX_BATCH_ENTRIES} entries (413)`, async () => {
    const full = () => Array.from({ length: MAX_BATCH_ENTRIES }, () => put(encounter(randomUUID())));
    const one = await fhir('POST', '', batch(full()), cartA, slowHub.fhirUrl);
    expect(one.json.entry.map((e: any) => e.response.status)).toEqual(Array(MAX_BATCH_ENTRIES).fill('200 OK'));
    const tooMany = [...full(), put(encounter(randomUUID()))];
    const refused = await fhir('POST', '', batch(tooMany), cartA, slowHub.fhirUrl);
    expect(refused.status).toBe(413);
    expect(refused.json.issue[0].details.text).toMatch(
      `at most ${MAX_BATCH_ENTRIES} entries; this one has ${MAX_BATCH_ENTRIES + 1}`,
    );
    expect((await fhir('GET', `/Encounter/${tooMany[0]!.resource.id}`, undefined, cartA, hub.fhirUrl)).status).toBe(
      404,
    );
    // Two requests were the bucket: the third waits, whatever its size.
    expect((await fhir('POST', '', batch([]), cartA, slowHub.fhirUrl)).status).toBe(429);
  });

  it('refuses a Bundle of the wrong shape whole, with a clear OperationOutcome, and applies none of it', async () => {
    const fine = randomUUID();
    const first = put(encounter(fine));
    const cases: [unknown, number, RegExp][] = [
      ['{ not json', 400, /not JSON/],
      [encounter(fine), 400, /Bundle of type batch/],
      [{ resourceType: 'Bundle', type: 'collection', entry: [first] }, 400, /of type batch, not "collection"/],
      [{ resourceType: 'Bundle', type: 'transaction', entry: [first] }, 405, /Transactions are not served/],
      [{ resourceType: 'Bundle', type: 'batch', entry: first }, 400, /Bundle.entry is a list/],
      [batch([first, { resource: encounter(randomUUID()) }]), 400, /Entry 2 has no request/],
      [
        batch([first, { ...put(encounter(randomUUID())), request: { method: 'DELETE', url: 'Encounter/x' } }]),
        400,
        /"DELETE" is not served/,
      ],
      [
        batch([first, { resource: batch([]), request: { method: 'POST', url: 'Bundle' } }]),
        400,
        /Entry 2: Bundles inside a batch/,
      ],
      [
        batch([first, { ...first, request: { method: 'PUT', url: `${hub.fhirUrl}/Encounter/${fine}` } }]),
        400,
        /relative to the FHIR base/,
      ],
      [
        batch([first, { request: { method: 'PUT', url: `Encounter/${fine}` } }]),
        400,
        /Entry 2: a PUT carries its resource/,
      ],
      [batch([first, { ...first, request: { ...first.request, ifMatch: 3 } }]), 400, /request.ifMatch is a string/],
    ];
    for (const [body, status, text] of cases) {
      const answer = await fhir('POST', '', body);
      expect({ status: answer.status, type: answer.json.resourceType }).toEqual({ status, type: 'OperationOutcome' });
      expect(answer.json.issue[0].details.text).toMatch(text);
    }
    expect((await fhir('GET', `/Encounter/${fine}`)).status).toBe(404);
  });
});

const conditionalCreate = (practitioner: { identifier: { system: string; value: string }[] }) => ({
  resource: practitioner,
  request: {
    method: 'POST',
    url: 'Practitioner',
    ifNoneExist: `identifier=${practitioner.identifier[0]!.system}|${practitioner.identifier[0]!.value}`,
  },
});
