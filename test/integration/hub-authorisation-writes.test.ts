// The hub's authorisation matrix for writes: each role's writes allowed or refused, and what no role may do at all.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  encounter,
  fhir,
  id,
  media,
  observation,
  patient,
  photo,
  put,
  reply,
  request,
  snapshot,
  useAuthorisationHub,
  WHO,
  type Answer,
  type Who,
} from '../helpers/hub-authorisation';

// Against a real hub on 127.0.0.1 (test/helpers/hub-authorisation.ts). Every refused case checks
// the answer's code and that nothing changed on the server (read back with the owner's token);
// every allowed case checks that it did what it says.
useAuthorisationHub();

// ---- writes ----------------------------------------------------------------------------------
type WriteCase = { name: string; w: Who; act: () => Promise<Answer>; status: number; proof: () => Promise<void> };
const unchanged = (owner: Who, type: string, rid: string) => {
  let before = '';
  return {
    before: async () => void (before = await snapshot(owner, type, rid)),
    after: async () => expect(await snapshot(owner, type, rid)).toBe(before),
  };
};
const stillFree = (type: string, rid: string) => async () => {
  // Nobody has this id: the owner-less id is created by cart A's PUT (201), not updated.
  expect((await fhir('cartA', 'GET', `/${type}/${rid}`)).status).toBe(404);
};
const repliesToA = async () =>
  ((await fhir('cartA', 'GET', `/Communication?based-on=ServiceRequest/${id.SRA}`)).json?.entry ?? []).length as number;

function writeCases(): (WriteCase & { before?: () => Promise<void> })[] {
  const pa = unchanged('cartA', 'Patient', id.PA);
  const sra = unchanged('cartA', 'ServiceRequest', id.SRA);
  const ca = unchanged('cartA', 'Communication', id.CA);
  let replies = 0;
  const countReplies = async () => void (replies = await repliesToA());
  const sameReplies = async () => expect(await repliesToA()).toBe(replies);
  const newObs = randomUUID();
  const newMedia = randomUUID();
  const newPatient = randomUUID();
  const newReply = randomUUID();
  const forged = randomUUID();
  const consultation = randomUUID(); // cart A's teleconsultation: an act without a request
  const measure = randomUUID();
  const hidden = async () => {
    expect((await fhir('derm', 'GET', `/Encounter/${consultation}`)).status).toBe(404);
    expect((await fhir('derm', 'GET', `/Observation/${measure}`)).status).toBe(404);
    expect((await fhir('cartA', 'GET', `/Observation/${measure}`)).status).toBe(200);
  };
  return [
    {
      name: 'cart B makes a request with the id of cart A’s act, to open it to dermatology',
      w: 'cartB',
      status: 201,
      before: async () => {
        const act = { ...encounter(consultation), basedOn: undefined };
        expect([200, 201]).toContain((await put('cartA', act)).status);
        expect([200, 201]).toContain((await put('cartA', observation(measure, consultation))).status);
      },
      act: () => put('cartB', request(consultation, id.PB, 'dermatologie')), // its own request (own patient): accepted...
      proof: hidden, // ...but cart A's act and measure stay out of the expert's reach
    },
    {
      name: 'cart B routes cart A’s patient to dermatology',
      w: 'cartB',
      act: () => put('cartB', request(randomUUID(), id.PA, 'dermatologie')),
      status: 403,
      proof: async () => expect((await fhir('neuro', 'GET', `/Patient/${id.PA}`)).status).toBe(404),
    },
    {
      name: 'cart B overwrites patient A',
      w: 'cartB',
      act: () => put('cartB', patient(id.PA, 'HIJACKED')),
      status: 403,
      before: pa.before,
      proof: pa.after,
    },
    {
      name: 'expert derm overwrites patient A',
      w: 'derm',
      act: () => put('derm', patient(id.PA, 'HIJACKED')),
      status: 403,
      before: pa.before,
      proof: pa.after,
    },
    {
      name: 'expert neuro re-routes request A to neurology',
      w: 'neuro',
      act: () => put('neuro', request(id.SRA, id.PA, 'neurologie')),
      status: 403,
      before: sra.before,
      proof: sra.after,
    },
    {
      name: 'expert derm overwrites cart A’s question',
      w: 'derm',
      act: () => put('derm', reply(id.CA, id.SRA, 'changed')),
      status: 403,
      before: ca.before,
      proof: ca.after,
    },
    {
      name: 'expert neuro replies to request A (not routed to her)',
      w: 'neuro',
      act: () => put('neuro', reply(randomUUID(), id.SRA)),
      status: 403,
      before: countReplies,
      proof: sameReplies,
    },
    {
      name: 'cart B slips a message into request A',
      w: 'cartB',
      act: () => put('cartB', reply(randomUUID(), id.SRA)),
      status: 403,
      before: countReplies,
      proof: sameReplies,
    },
    {
      name: 'expert derm2 (the other Dr Derm) replies to request C, named to Dr Derm',
      w: 'derm2',
      act: () => put('derm2', reply(randomUUID(), id.SRC)),
      status: 403,
      proof: async () =>
        expect(
          ((await fhir('cartB', 'GET', `/Communication?based-on=ServiceRequest/${id.SRC}`)).json?.entry ?? []).length,
        ).toBe(0),
    },
    {
      name: 'expert derm replies to request B (neurology)',
      w: 'derm',
      act: () => put('derm', reply(randomUUID(), id.SRB)),
      status: 403,
      proof: async () =>
        expect(
          ((await fhir('cartB', 'GET', `/Communication?based-on=ServiceRequest/${id.SRB}`)).json?.entry ?? []).length,
        ).toBe(0),
    },
    {
      name: 'expert derm writes an observation',
      w: 'derm',
      act: () => put('derm', observation(newObs, id.SRA)),
      status: 403,
      proof: stillFree('Observation', newObs),
    },
    {
      name: 'cart B attaches a file to act A',
      w: 'cartB',
      act: () => put('cartB', media(newMedia, id.SRA)),
      status: 403,
      proof: stillFree('Media', newMedia),
    },
    {
      name: 'expert derm creates a patient',
      w: 'derm',
      act: () => put('derm', patient(newPatient, 'NEW')),
      status: 403,
      proof: stillFree('Patient', newPatient),
    },
    {
      name: 'cart A updates its patient',
      w: 'cartA',
      act: () => put('cartA', patient(id.PA, 'ALPHA')),
      status: 200,
      proof: async () => expect((await fhir('cartA', 'GET', `/Patient/${id.PA}`)).json?.meta.versionId).not.toBe('1'),
    },
    {
      name: 'expert derm replies to request A',
      w: 'derm',
      act: () => put('derm', reply(newReply, id.SRA)),
      status: 201,
      proof: async () => expect((await fhir('cartA', 'GET', `/Communication/${newReply}`)).status).toBe(200),
    },
    {
      name: 'cart B forges meta.source as cart A',
      w: 'cartB',
      status: 201,
      act: () =>
        put('cartB', { ...patient(forged, 'FORGED'), meta: { source: 'urn:relais:peer:cart-a' } } as {
          resourceType: string;
          id: string;
        }),
      proof: async () => {
        expect((await fhir('cartA', 'GET', `/Patient/${forged}`)).status).toBe(404);
        expect((await fhir('cartB', 'GET', `/Patient/${forged}`)).json?.meta.source).toBe('urn:relais:peer:cart-b');
      },
    },
    {
      name: 'cart B conditionally creates on patient A’s identifier',
      w: 'cartB',
      status: 201,
      act: () =>
        fhir(
          'cartB',
          'POST',
          '/Patient',
          {
            resourceType: 'Patient',
            identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id.PA}` }],
            name: [{ family: 'COPY' }],
          },
          { 'If-None-Exist': `identifier=urn:ietf:rfc:3986|urn:uuid:${id.PA}` },
        ),
      before: pa.before,
      proof: pa.after, // a new patient of cart B's; patient A neither returned nor changed
    },
  ];
}

describe('hub authorisation matrix: writes', () => {
  it.each(writeCases())('$name -> $status', async ({ act, status, before, proof }) => {
    await before?.();
    const answer = await act();
    if (status === 201)
      expect([200, 201]).toContain(answer.status); // created (at a client-made id: 200 or 201)
    else expect(answer.status).toBe(status);
    if (status >= 400) expect(answer.json?.resourceType).toBe('OperationOutcome');
    else expect(answer.text).not.toContain('HIJACKED');
    if (answer.json?.resourceType === 'Patient' && status === 201) expect(answer.json.id).not.toBe(id.PA); // never patient A's
    await proof();
  });
});

// ---- refused outright, even to the owner ----------------------------------------------------
const batchPatient = randomUUID();
const outright: { name: string; method: string; path: string; body?: unknown; status: number }[] = [
  {
    name: 'a transaction bundle',
    method: 'POST',
    path: '',
    body: {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: patient(batchPatient, 'BATCH'), request: { method: 'PUT', url: `Patient/${batchPatient}` } }],
    },
    status: 405,
  },
  { name: 'the system history', method: 'GET', path: '/_history', status: 405 },
  { name: 'a type history', method: 'GET', path: '/Patient/_history', status: 405 },
  { name: 'an operation', method: 'GET', path: `/Patient/${id.PA}/$everything`, status: 405 },
  { name: 'a POST search', method: 'POST', path: '/Patient/_search', body: {}, status: 405 },
  { name: '_revinclude', method: 'GET', path: '/Patient?_revinclude=Observation:subject', status: 403 },
  { name: '_include', method: 'GET', path: '/Observation?_include=Observation:subject', status: 403 },
  { name: 'a chained search', method: 'GET', path: '/Observation?subject:Patient.name=ALPHA', status: 403 },
  { name: '_has', method: 'GET', path: '/Patient?_has:Observation:subject:status=final', status: 403 },
  {
    name: 'PATCH',
    method: 'PATCH',
    path: `/Patient/${id.PA}`,
    body: [{ op: 'replace', path: '/meta/source', value: 'x' }],
    status: 405,
  },
  { name: 'DELETE', method: 'DELETE', path: `/Patient/${id.PA}`, status: 405 },
  {
    name: 'a conditional update',
    method: 'PUT',
    path: `/Patient?identifier=urn:ietf:rfc:3986|urn:uuid:${id.PA}`,
    body: patient(id.PA, 'HIJACKED'),
    status: 405,
  },
];

describe('hub authorisation matrix: refused outright, to every role', () => {
  it.each(WHO.flatMap((w) => outright.map((o) => ({ w, ...o }))))(
    '$w: $name -> $status',
    async ({ w, method, path: p, body, status }) => {
      const before = await snapshot('cartA', 'Patient', id.PA);
      const answer = await fhir(w, method, p, body);
      expect(answer.status).toBe(status);
      expect(answer.json?.resourceType).toBe('OperationOutcome');
      expect(answer.text).not.toContain('ALPHA');
      expect(await snapshot('cartA', 'Patient', id.PA)).toBe(before);
      expect((await fhir('cartA', 'GET', `/Patient/${batchPatient}`)).status).toBe(404);
    },
  );

  it('refuses everything without a token (401)', async () => {
    for (const p of ['/metadata', `/Patient/${id.PA}`, '/Patient'])
      expect((await fhir(null, 'GET', p)).status).toBe(401);
    expect((await fetch(photo.urlA, { headers: { 'Tus-Resumable': '1.0.0' } })).status).toBe(401);
  });
});
