// The hub of the authorisation matrix and what it holds: two carts (A, B) and three experts (two
// dermatologists with the same name, a neurologist); cart A asks dermatology, cart B asks neurology
// and names one dermatologist by her identifier. Call useAuthorisationHub() at the top of a test file.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken, type NewClaims } from '../../src/hub/tokens';
import { fileSource, uploadFile } from '../../src/main/sync/resumable-upload';

const SECRET = 'authorisation-secret';
const exp = Math.floor(Date.now() / 1000) + 3600;
export const who = {
  cartA: { sub: 'cart-a', role: 'station', name: 'Chariot A', site: 'EHPAD A', specialty: null, exp },
  cartB: { sub: 'cart-b', role: 'station', name: 'Chariot B', site: 'EHPAD B', specialty: null, exp },
  derm: { sub: 'dr-derm', role: 'expert', name: 'Dr Derm', site: 'CHU', specialty: 'dermatologie', exp },
  neuro: { sub: 'dr-neuro', role: 'expert', name: 'Dr Neuro', site: 'CHU', specialty: 'neurologie', exp },
  // Another dermatologist with the same name: a request named to Dr Derm is not hers (issue 16, point 6).
  derm2: { sub: 'dr-derm-2', role: 'expert', name: 'Dr Derm', site: 'CH Morlaix', specialty: 'dermatologie', exp },
} satisfies Record<string, NewClaims>;
export type Who = keyof typeof who;
export const token = (w: Who) => issueToken(SECRET, who[w]);
export const WHO = Object.keys(who) as Who[];
/** The region's coordinator (issue 22): kept out of WHO, whose matrices are about patients' records. */
export const coordinatorToken = () =>
  issueToken(SECRET, {
    sub: 'coordination',
    role: 'coordinator',
    name: 'Coordination',
    site: 'GRADeS',
    specialty: null,
    exp,
  });

// One folder for the whole matrix (the hub and its uploads live across the cases).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-authorisation-'));
const tempDir = () => dir;
let hub: RunningHub;
export const id = {
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
/** Act A's photo, sent by cart A, and act C's photo, sent by cart B: their addresses once uploaded. */
export const photo = { urlA: '', urlC: '' };
export const bytes = randomBytes(40_000);
export const bytesC = randomBytes(30_000);

export type Answer = { status: number; json: Record<string, any> | null; text: string };
export async function fhir(
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
export const put = (w: Who, r: { resourceType: string; id: string }) => fhir(w, 'PUT', `/${r.resourceType}/${r.id}`, r);

export const patient = (pid: string, family: string) => ({
  resourceType: 'Patient',
  id: pid,
  identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${pid}` }],
  name: [{ family }],
});
/** A named expert is identified by her hub identity (her token's subject); the name is for people. */
export const request = (sid: string, pid: string, specialty: string, named?: Who) => ({
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
export const encounter = (eid: string) => ({
  resourceType: 'Encounter',
  id: eid,
  status: 'in-progress',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR' },
  subject: { reference: `Patient/${id.PA}` },
  basedOn: [{ reference: `ServiceRequest/${eid}` }],
});
export const observation = (oid: string, eid: string) => ({
  resourceType: 'Observation',
  id: oid,
  status: 'final',
  code: { text: 'SpO2' },
  subject: { reference: `Patient/${id.PA}` },
  encounter: { reference: `Encounter/${eid}` },
  valueQuantity: { value: 97, unit: '%' },
});
export const media = (mid: string, eid: string, url = photo.urlA, pid = id.PA) => ({
  resourceType: 'Media',
  id: mid,
  status: 'completed',
  subject: { reference: `Patient/${pid}` },
  encounter: { reference: `Encounter/${eid}` },
  content: { contentType: 'image/png', url },
});
export const reply = (cid: string, sid: string, text = 'Un avis') => ({
  resourceType: 'Communication',
  id: cid,
  status: 'completed',
  basedOn: [{ reference: `ServiceRequest/${sid}` }],
  payload: [{ contentString: text }],
});

export function useAuthorisationHub(): void {
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
    photo.urlA = (
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
    photo.urlC = (
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
      media(id.MC, id.SRC, photo.urlC, id.PC),
    ]) {
      expect([200, 201]).toContain((await put('cartB', r)).status);
    }
  });
  afterAll(async () => {
    await hub.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
}

/** The resource as its owner reads it now: what a refused action must not have changed. */
export const snapshot = async (owner: Who, type: string, rid: string) =>
  (await fhir(owner, 'GET', `/${type}/${rid}`)).text;
