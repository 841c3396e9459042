// The hub's authorisation matrix, against a real hub on 127.0.0.1: role x action -> allowed or
// refused, for the FHIR endpoint, the uploads and the calls. Two carts (A, B) and three experts
// (two dermatologists with the same name, a neurologist); cart A asks dermatology, cart B asks
// neurology and names one dermatologist by her identifier. Every refused case checks the answer's code
// and that nothing changed on the server (read back with the owner's token); every allowed case
// checks that it did what it says.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { fileSource, uploadFile } from '../../src/main/sync/resumable-upload';

const SECRET = 'authorisation-secret';
const exp = Math.floor(Date.now() / 1000) + 3600;
const who = {
  cartA: { sub: 'cart-a', role: 'station', name: 'Chariot A', site: 'EHPAD A', specialty: null, exp },
  cartB: { sub: 'cart-b', role: 'station', name: 'Chariot B', site: 'EHPAD B', specialty: null, exp },
  derm: { sub: 'dr-derm', role: 'expert', name: 'Dr Derm', site: 'CHU', specialty: 'dermatologie', exp },
  neuro: { sub: 'dr-neuro', role: 'expert', name: 'Dr Neuro', site: 'CHU', specialty: 'neurologie', exp },
  // Another dermatologist with the same name: a request named to Dr Derm is not hers (issue 16, point 6).
  derm2: { sub: 'dr-derm-2', role: 'expert', name: 'Dr Derm', site: 'CH Morlaix', specialty: 'dermatologie', exp },
} satisfies Record<string, NewClaims>;
type Who = keyof typeof who;
const token = (w: Who) => issueToken(SECRET, who[w]);
const WHO = Object.keys(who) as Who[];

// One folder for the whole matrix (the hub and its uploads live across the cases).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-authorisation-'));
const tempDir = () => dir;
let hub: RunningHub;
const id = {
  PA: randomUUID(),
  SRA: randomUUID(),
  OA: randomUUID(),
  MA: randomUUID(),
  CA: randomUUID(),
  CE: randomUUID(),
  PB: randomUUID(),
  SRB: randomUUID(),
  PC: randomUUID(),
  SRC: randomUUID(),
  MC: randomUUID(),
};
let uploadUrl = ''; // act A's photo, sent by cart A
let uploadUrlC = ''; // act C's photo, sent by cart B
const bytes = randomBytes(40_000);
const bytesC = randomBytes(30_000);

type Answer = { status: number; json: Record<string, any> | null; text: string };
async function fhir(
  w: Who | null,
  method: string,
  p: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${hub.fhirUrl}${p}`, {
    method,
    headers: {
      ...(w ? { Authorization: `Bearer ${token(w)}` } : {}),
      'Content-Type': 'application/fhir+json',
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  let json: Record<string, any> | null;
  try {
    json = JSON.parse(text) as Record<string, any>;
  } catch {
    json = null; // not JSON (the tests then fail on what they expect)
  }
  return { status: response.status, json, text };
}
const put = (w: Who, r: { resourceType: string; id: string }) => fhir(w, 'PUT', `/${r.resourceType}/${r.id}`, r);

const patient = (pid: string, family: string) => ({
  resourceType: 'Patient',
  id: pid,
  identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${pid}` }],
  name: [{ family }],
});
/** A named expert is identified by her hub identity (her token's subject); the name is for people. */
const request = (sid: string, pid: string, specialty: string, named?: Who) => ({
  resourceType: 'ServiceRequest',
  id: sid,
  status: 'active',
  intent: 'order',
  subject: { reference: `Patient/${pid}` },
  performerType: { coding: [{ system: 'https://relais.example/specialty', code: specialty }], text: specialty },
  ...(named
    ? {
        performer: [{ display: who[named].name, identifier: { system: 'urn:relais:hub-peer', value: who[named].sub } }],
      }
    : {}),
});
const encounter = (eid: string) => ({
  resourceType: 'Encounter',
  id: eid,
  status: 'in-progress',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
  subject: { reference: `Patient/${id.PA}` },
  basedOn: [{ reference: `ServiceRequest/${eid}` }],
});
const observation = (oid: string, eid: string) => ({
  resourceType: 'Observation',
  id: oid,
  status: 'final',
  code: { text: 'SpO2' },
  subject: { reference: `Patient/${id.PA}` },
  encounter: { reference: `Encounter/${eid}` },
  valueQuantity: { value: 97, unit: '%' },
});
const media = (mid: string, eid: string, url = uploadUrl, pid = id.PA) => ({
  resourceType: 'Media',
  id: mid,
  status: 'completed',
  subject: { reference: `Patient/${pid}` },
  encounter: { reference: `Encounter/${eid}` },
  content: { contentType: 'image/png', url },
});
const reply = (cid: string, sid: string, text = 'Un avis') => ({
  resourceType: 'Communication',
  id: cid,
  status: 'completed',
  basedOn: [{ reference: `ServiceRequest/${sid}` }],
  payload: [{ contentString: text }],
});

beforeAll(async () => {
  hub = await startHub({
    secret: SECRET,
    turnSecret: 'x',
    turnUrls: [],
    offers: [],
    uploadsDir: path.join(tempDir(), 'uploads'),
    httpBurst: 100_000,
  });
  const file = path.join(tempDir(), 'photo.png');
  fs.writeFileSync(file, bytes);
  uploadUrl = (
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token: token('cartA'),
      source: fileSource(file),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      contentType: 'image/png',
    })
  ).url;
  const fileC = path.join(tempDir(), 'photo-c.png');
  fs.writeFileSync(fileC, bytesC);
  uploadUrlC = (
    await uploadFile({
      endpoint: hub.uploadsUrl,
      token: token('cartB'),
      source: fileSource(fileC),
      sha256: createHash('sha256').update(bytesC).digest('hex'),
      contentType: 'image/png',
    })
  ).url;
  // Cart A asks dermatology about patient A, with a measure, a photo and a question.
  for (const r of [
    patient(id.PA, 'ALPHA'),
    request(id.SRA, id.PA, 'dermatologie'),
    encounter(id.SRA),
    observation(id.OA, id.SRA),
    media(id.MA, id.SRA),
    reply(id.CA, id.SRA, 'Une question'),
  ]) {
    expect([200, 201]).toContain((await put('cartA', r)).status);
  }
  expect([200, 201]).toContain((await put('derm', reply(id.CE, id.SRA, 'Ma réponse'))).status); // the expert's reply
  // Cart B asks neurology about patient B, and names Dr Derm (the first one) for patient C, with a photo.
  for (const r of [
    patient(id.PB, 'BRAVO'),
    request(id.SRB, id.PB, 'neurologie'),
    patient(id.PC, 'CHARLIE'),
    request(id.SRC, id.PC, 'neurologie', 'derm'),
    media(id.MC, id.SRC, uploadUrlC, id.PC),
  ]) {
    expect([200, 201]).toContain((await put('cartB', r)).status);
  }
});
afterAll(async () => {
  await hub.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The resource as its owner reads it now: what a refused action must not have changed. */
const snapshot = async (owner: Who, type: string, rid: string) => (await fhir(owner, 'GET', `/${type}/${rid}`)).text;

// ---- reads: every resource of cart A's request, by everyone, three ways --------------------
const readable: Record<Who, (key: keyof typeof id) => boolean> = {
  cartA: (k) => ['PA', 'SRA', 'OA', 'MA', 'CA', 'CE'].includes(k), // its own, and the reply to its request
  cartB: (k) => ['PB', 'SRB', 'PC', 'SRC', 'MC'].includes(k),
  derm: (k) => ['PA', 'SRA', 'OA', 'MA', 'CA', 'CE', 'PC', 'SRC', 'MC'].includes(k), // routed by specialty, or named
  neuro: (k) => ['PB', 'SRB'].includes(k), // SRC names Dr Derm: not routed to neurology
  derm2: (k) => ['PA', 'SRA', 'OA', 'MA', 'CA', 'CE'].includes(k), // her specialty's; SRC names the other Dr Derm
};
const typeOf: Record<keyof typeof id, string> = {
  PA: 'Patient',
  SRA: 'ServiceRequest',
  OA: 'Observation',
  MA: 'Media',
  CA: 'Communication',
  CE: 'Communication',
  PB: 'Patient',
  SRB: 'ServiceRequest',
  PC: 'Patient',
  SRC: 'ServiceRequest',
  MC: 'Media',
};
const readCases = WHO.flatMap((w) =>
  (Object.keys(id) as (keyof typeof id)[]).flatMap((k) =>
    (['read', 'vread', 'history'] as const).map((how) => ({ w, k, how, allowed: readable[w](k) })),
  ),
);

describe('hub authorisation matrix: reads (read, vread, instance history)', () => {
  it.each(readCases)('$w $how $k -> allowed: $allowed', async ({ w, k, how, allowed }) => {
    const type = typeOf[k];
    const owner: Who = k === 'CE' ? 'derm' : readable.cartA(k) ? 'cartA' : 'cartB';
    const before = await snapshot(owner, type, id[k]);
    const version = (JSON.parse(before) as { meta: { versionId: string } }).meta.versionId;
    const suffix = how === 'read' ? '' : how === 'vread' ? `/_history/${version}` : '/_history';
    const answer = await fhir(w, 'GET', `/${type}/${id[k]}${suffix}`);
    if (allowed) {
      expect(answer.status).toBe(200);
      const resource = how === 'history' ? answer.json?.entry?.[0]?.resource : answer.json;
      expect(resource).toMatchObject({ resourceType: type, id: id[k] });
    } else {
      // Refused as if it did not exist: 404 and an OperationOutcome, nothing of the resource.
      expect(answer.status).toBe(404);
      expect(answer.json?.resourceType).toBe('OperationOutcome');
      expect(answer.text).not.toContain('ALPHA');
      expect(answer.text).not.toContain('BRAVO');
      expect(answer.text).not.toContain('CHARLIE');
      expect(await snapshot(owner, type, id[k])).toBe(before);
    }
  });
});

// ---- searches: filtered by the hub, whatever the query -------------------------------------
const searches: { query: string; matches: (keyof typeof id)[] }[] = [
  { query: 'Patient', matches: ['PA', 'PB', 'PC'] },
  { query: `Patient?_id=${id.PA}`, matches: ['PA'] },
  { query: 'ServiceRequest?status=active&_count=500', matches: ['SRA', 'SRB', 'SRC'] },
  { query: 'ServiceRequest?performer-type=https://relais.example/specialty|dermatologie', matches: ['SRA'] },
  { query: `Communication?based-on=ServiceRequest/${id.SRA}`, matches: ['CA', 'CE'] },
  { query: `Media?encounter=Encounter/${id.SRA}`, matches: ['MA'] },
  { query: `Media?encounter=Encounter/${id.SRC}`, matches: ['MC'] },
  { query: `Observation?encounter=Encounter/${id.SRA}`, matches: ['OA'] },
];
const searchCases = WHO.flatMap((w) =>
  searches.map((s) => ({ w, ...s, expected: s.matches.filter((k) => readable[w](k)) })),
);

describe('hub authorisation matrix: searches (filtered on the hub, no total)', () => {
  it.each(searchCases)('$w searches $query -> sees $expected', async ({ w, query, expected }) => {
    const answer = await fhir(w, 'GET', `/${query}`);
    expect(answer.status).toBe(200);
    const ids = (answer.json?.entry ?? []).map((e: { resource: { id: string } }) => e.resource.id).sort();
    expect(ids).toEqual(expected.map((k) => id[k]).sort());
    expect(answer.json?.total).toBeUndefined(); // a count would tell what is hidden
  });
});

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
    expect((await fetch(uploadUrl, { headers: { 'Tus-Resumable': '1.0.0' } })).status).toBe(401);
  });
});

// ---- uploads -----------------------------------------------------------------------------
const uploadAsk = async (
  w: Who,
  method: string,
  headers: Record<string, string> = {},
  body?: Buffer,
  url = uploadUrl,
) => {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token(w)}`, 'Tus-Resumable': '1.0.0', ...headers },
    ...(body ? { body } : {}),
  });
  return {
    status: response.status,
    bytes: Buffer.from(await response.arrayBuffer()),
    offset: response.headers.get('upload-offset'),
  };
};
const uploadCases = [
  ...WHO.map((w) => ({ w, method: 'GET', allowed: w === 'cartA' || w === 'derm' || w === 'derm2' })), // the experts read the files of a request routed to them
  ...(['cartB', 'derm', 'neuro'] as Who[]).flatMap((w) =>
    ['HEAD', 'PATCH', 'DELETE'].map((method) => ({ w, method, allowed: false })),
  ),
  { w: 'cartA' as Who, method: 'HEAD', allowed: true },
];

describe('hub authorisation matrix: uploads', () => {
  it.each(uploadCases)('$w $method the photo of act A -> allowed: $allowed', async ({ w, method, allowed }) => {
    const extra: Record<string, string> =
      method === 'PATCH'
        ? { 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': String(bytes.length) }
        : {};
    const answer = await uploadAsk(w, method, extra, method === 'PATCH' ? Buffer.from('more') : undefined);
    if (allowed) {
      expect(answer.status).toBe(200);
      if (method === 'GET') expect(answer.bytes.equals(bytes)).toBe(true);
      else expect(answer.offset).toBe(String(bytes.length));
    } else {
      expect(answer.status).toBe(404);
      expect(answer.bytes.includes(bytes.subarray(0, 64))).toBe(false);
    }
    // The owner's file is untouched either way.
    const mine = await uploadAsk('cartA', 'GET');
    expect(mine.status).toBe(200);
    expect(mine.bytes.equals(bytes)).toBe(true);
  });
});

describe('hub authorisation matrix: uploads of a request named to an expert', () => {
  // Request C names Dr Derm (dr-derm) by identifier; the other Dr Derm (dr-derm-2) is not her.
  it.each(WHO.map((w) => ({ w, allowed: w === 'cartB' || w === 'derm' })))(
    '$w GET the photo of act C -> allowed: $allowed',
    async ({ w, allowed }) => {
      const answer = await uploadAsk(w, 'GET', {}, undefined, uploadUrlC);
      if (allowed) {
        expect(answer.status).toBe(200);
        expect(answer.bytes.equals(bytesC)).toBe(true);
      } else {
        expect(answer.status).toBe(404);
        expect(answer.bytes.includes(bytesC.subarray(0, 64))).toBe(false);
      }
    },
  );
});

describe('hub authorisation matrix: an upload is read by its owner, not through a pointer', () => {
  it('refuses a station its own Media pointing at another station’s upload (404), and the experts of its request', async () => {
    // Cart B writes, on its own act B (routed to neurology), a Media whose URL is cart A's photo.
    const pointer = media(randomUUID(), id.SRB, uploadUrl, id.PB);
    expect([200, 201]).toContain((await put('cartB', pointer)).status);
    for (const w of ['cartB', 'neuro'] as Who[]) {
      const answer = await uploadAsk(w, 'GET');
      expect(answer.status).toBe(404);
      expect(answer.bytes.includes(bytes.subarray(0, 64))).toBe(false);
    }
    // The owner and the expert of the owner's request still read it.
    for (const w of ['cartA', 'derm'] as Who[]) expect((await uploadAsk(w, 'GET')).bytes.equals(bytes)).toBe(true);
  });
});
