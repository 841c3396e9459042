// The hub's FHIR R4 endpoint over real HTTP: tokens required, client-made ids (PUT) so that a
// retry never makes a second resource, conditional create on an identifier, If-Match -> 412 on a
// stale version, _lastUpdated search, R4 validation of what is sent, garbage refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { patientToFhir } from '../../src/main/sync/fhir/patient';
import { qualifiedPatient } from '../unit/sync/fhir-samples';

const SECRET = 'fhir-hub-secret';
let hub: RunningHub;
const token = issueToken(SECRET, {
  sub: 'cart-1',
  role: 'station',
  name: 'Chariot 1',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
beforeAll(async () => {
  hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
});
afterAll(() => hub.close());

async function fhir(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${hub.fhirUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, any> };
}

describe('hub FHIR endpoint', () => {
  it('refuses a request without a valid token', async () => {
    const response = await fetch(`${hub.fhirUrl}/metadata`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { resourceType: string }).resourceType).toBe('OperationOutcome');
    expect((await fetch(`${hub.fhirUrl}/metadata`, { headers: { Authorization: 'Bearer forged' } })).status).toBe(401);
  });

  it('says what it supports', async () => {
    const { status, json } = await fhir('GET', '/metadata');
    expect(status).toBe(200);
    expect(json).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    expect(json.rest[0].resource.map((r: { type: string }) => r.type)).toEqual(
      expect.arrayContaining(['Patient', 'Encounter', 'Observation', 'Consent']),
    );
  });

  it('creates at a client-made id, once, however often the request is repeated', async () => {
    const patient = patientToFhir(qualifiedPatient);
    const first = await fhir('PUT', `/Patient/${patient.id}`, patient);
    expect([200, 201]).toContain(first.status);
    expect(first.headers.get('etag')).toMatch(/^W\/".+"$/);
    await fhir('PUT', `/Patient/${patient.id}`, patient); // the retry after a lost answer
    const found = await fhir('GET', `/Patient?identifier=urn:ietf:rfc:3986|urn:uuid:${patient.id}`);
    expect(found.json.entry).toHaveLength(1);
    expect(found.json.entry[0].resource.identifier[1]).toMatchObject({
      system: 'urn:oid:1.2.250.1.213.1.4.8',
      value: '256122901900168',
    });
  });

  it('creates conditionally on an identifier, and refuses a stale If-Match with 412', async () => {
    const body = {
      resourceType: 'Encounter',
      status: 'planned',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
      identifier: [{ system: 'urn:ietf:rfc:3986', value: 'urn:uuid:11111111-2222-4333-8444-555555555555' }],
    };
    const ifNone = { 'If-None-Exist': 'identifier=urn:ietf:rfc:3986|urn:uuid:11111111-2222-4333-8444-555555555555' };
    const created = await fhir('POST', '/Encounter', body, ifNone);
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toMatch(/^\/fhir\/R4\/Encounter\/.+\/_history\/.+$/);
    const again = await fhir('POST', '/Encounter', body, ifNone);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(created.json.id);

    const id = created.json.id as string;
    const version = created.json.meta.versionId as string;
    const updated = await fhir(
      'PUT',
      `/Encounter/${id}`,
      { ...created.json, status: 'in-progress' },
      { 'If-Match': `W/"${version}"` },
    );
    expect(updated.status).toBe(200);
    const stale = await fhir(
      'PUT',
      `/Encounter/${id}`,
      { ...created.json, status: 'cancelled' },
      { 'If-Match': `W/"${version}"` },
    );
    expect(stale.status).toBe(412);
    expect((await fhir('GET', `/Encounter/${id}`)).json.status).toBe('in-progress');
  });

  it('finds what changed since a moment', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const recent = await fhir('GET', `/Encounter?_lastUpdated=gt${since}`);
    expect(recent.status).toBe(200);
    expect(recent.json.entry.length).toBeGreaterThanOrEqual(1);
    const future = await fhir('GET', `/Encounter?_lastUpdated=gt${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(future.json.entry ?? []).toHaveLength(0);
  });

  it('counts a token’s own resources (_source naming it), and never anyone else’s', async () => {
    const other = issueToken(SECRET, {
      sub: 'cart-2',
      role: 'station',
      name: 'Chariot 2',
      site: 'Clinique',
      specialty: null,
      exp: Math.floor(Date.now() / 1000) + 600,
    });
    const put = (id: string, bearer: string) =>
      fetch(`${hub.fhirUrl}/Communication/${id}`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/fhir+json' },
        body: JSON.stringify({ resourceType: 'Communication', id, status: 'completed' }),
      });
    for (const id of ['count-a1', 'count-a2', 'count-a3']) expect((await put(id, token)).ok).toBe(true);
    expect((await put('count-b1', other)).ok).toBe(true);
    const own = await fhir(
      'GET',
      `/Communication?_source=${encodeURIComponent('urn:relais:peer:cart-1')}&_summary=count`,
    );
    expect(own).toMatchObject({ status: 200, json: { resourceType: 'Bundle', total: 3 } });
    // A search that is not restricted to the token’s own resources gives no total: it would count the others’.
    expect((await fhir('GET', '/Communication?_summary=count')).json.total).toBeUndefined();
    expect(
      (await fhir('GET', `/Communication?_source=${encodeURIComponent('urn:relais:peer:cart-2')}&_summary=count`)).json
        .total,
    ).toBeUndefined();
    // Which of these are here, in one request: only the token’s own come back.
    const found = await fhir('GET', '/Communication?_id=count-a1,count-b1,count-zz&_count=100');
    expect(found.json.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual(['count-a1']);
  });

  it('refuses invalid resources and garbage with an OperationOutcome, never a crash', async () => {
    const invalid = await fhir('POST', '/Patient', { resourceType: 'Patient', birthDate: '03/12/1956' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.json)).toMatch(/birthDate/);
    const notJson = await fhir('POST', '/Patient', '{ not json');
    expect(notJson).toMatchObject({ status: 400, json: { resourceType: 'OperationOutcome' } });
    const tooBig = await fhir(
      'POST',
      '/Patient',
      JSON.stringify({ resourceType: 'Patient', text: 'x'.repeat(17 * 1024 * 1024) }),
    ).catch(() => ({ status: 413 }));
    expect(tooBig.status).toBe(413);
    expect((await fhir('GET', '/metadata')).status).toBe(200); // still serving
  });
});
