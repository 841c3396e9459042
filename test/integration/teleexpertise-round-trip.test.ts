// Téléexpertise through a real hub: a request built while the cart is cut from the region (two
// photos, urgent) leaves when the link comes back; the dermatologist's inbox shows it (a
// cardiologist's does not), she opens it and reads the photos' bytes through her station, asks a
// question; the cart answers it with a document; she answers; the cart sees each step.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { startHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation, type Station } from '../../src/main/station';
import type { Channel, ChannelInput, ChannelOutput } from '../../src/shared/contract';
import { contractValue as value } from '../helpers/contract-value';
import { consentTo } from '../helpers/consent';
import { MARTIN_IN_NATIONAL_BASE, validatedIdentity } from '../helpers/identities';
import { startInsiDouble } from '../helpers/insi-double';
import { qualifyThroughInsi } from '../helpers/insi-station';
import { openStation } from '../helpers/station';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir();
const SECRET = 'teleexpertise-secret';
const exp = Math.floor(Date.now() / 1000) + 600;
const cartToken = issueToken(SECRET, {
  sub: 'cart-7',
  role: 'station',
  name: 'Chariot 7',
  site: 'EHPAD Les Tilleuls',
  specialty: null,
  exp,
});
const dermToken = issueToken(SECRET, {
  sub: 'dr-le-goff',
  role: 'expert',
  name: 'Dr Le Goff',
  site: 'CHU de Brest',
  specialty: 'Dermatologie',
  exp,
});
const cardioToken = issueToken(SECRET, {
  sub: 'dr-caradec',
  role: 'expert',
  name: 'Dr Caradec',
  site: 'CHU de Brest',
  specialty: 'cardiologie',
  exp,
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A small real PNG, one colour, so that two photos differ. */
function png(red: number): Buffer {
  const image = new PNG({ width: 8, height: 8 });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([red, 80, 120, 255], i);
  return PNG.sync.write(image);
}

async function eventually<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < 300; i++) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

async function failure<C extends Channel>(station: Station, channel: C, input: ChannelInput<C>) {
  const result = await station.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} should have failed`);
  return result.error;
}

describe('téléexpertise round trip', () => {
  it('goes offline from the cart to the dermatologist and back, with a question on the way', async () => {
    const hub = await startHub({
      secret: SECRET,
      turnSecret: 'x',
      turnUrls: [],
      offers: [
        {
          id: 'derm',
          specialty: 'Dermatologie',
          hospital: 'CHU de Brest',
          act: 'teleexpertise',
          hours: 'lun-ven',
          experts: ['dr-le-goff'],
          urgent: false,
        },
      ],
    });
    cleanups.push(() => hub.close());
    const proxy = await startTcpProxy(hub.port);
    cleanups.push(() => proxy.close());
    const via = (url: string) => url.replace(`:${hub.port}/`, `:${proxy.port}/`);
    // The hospital's INSi gateway stays reachable when the region is not.
    const insi = await startInsiDouble({ people: [MARTIN_IN_NATIONAL_BASE] });
    cleanups.push(() => insi.close());
    const open = (token: string, urls: { hub: string; fhir: string; uploads: string }) => {
      const station = createStation({
        dataDir: tempDir(),
        mode: 'browser',
        logger: silentLogger,
        hubUrl: urls.hub,
        hubToken: token,
        fhirUrl: urls.fhir,
        uploadsUrl: urls.uploads,
        insi: { url: insi.url, token: null },
        syncTiming: { debounceMs: 5, intervalMs: 200, pullIntervalMs: 300 },
      });
      cleanups.push(() => station.close());
      return station;
    };
    const cart = open(cartToken, { hub: via(hub.url), fhir: via(hub.fhirUrl), uploads: via(hub.uploadsUrl) });
    const derm = open(dermToken, { hub: hub.url, fhir: hub.fhirUrl, uploads: hub.uploadsUrl });
    const cardio = open(cardioToken, { hub: hub.url, fhir: hub.fhirUrl, uploads: hub.uploadsUrl });

    // The cart saw the directory once; cut from the region, it still offers its specialties.
    await eventually(
      () => value(cart, 'teleexpertise.specialties', {}),
      (s) => s.includes('Dermatologie'),
      'the directory',
    );
    proxy.cut();
    await eventually(
      () => value(cart, 'calls.hub', {}),
      (h) => h.link !== 'online',
      'the cart offline',
    );
    expect(await value(cart, 'teleexpertise.specialties', {})).toEqual(['Dermatologie']);

    // Qualified through INSi: her INS goes with the request.
    const created = { patient: await qualifyThroughInsi({ value: (channel, input) => value(cart, channel, input) }) };
    const nurse = { name: 'IDE Morvan', role: 'nurse' as const };
    const act = await value(cart, 'teleexpertise.create', {
      patientId: created.patient.id,
      specialty: 'Dermatologie',
      requester: nurse,
      site: 'EHPAD Les Tilleuls',
      question: 'Naevus du dos modifié en 3 mois : exérèse ?',
      context: 'Patiente de 70 ans, pas d’antécédent de mélanome.',
      priority: 'urgent',
    });
    // The patient consents to her photos being taken and shared with the expert (CSP R6316-2).
    await consentTo(cart, act.id, 'recording');
    await consentTo(cart, act.id, 'image_sharing');
    const photos = [png(200), png(40)];
    const sent: string[] = [];
    for (const [i, bytes] of photos.entries()) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const { uploadId } = await value(cart, 'attachments.begin', {
        encounterId: act.id,
        kind: 'snapshot',
        mime: 'image/png',
        size: bytes.length,
        sha256,
        bodySite: null,
        device: 'Dermatoscope',
        author: 'IDE Morvan',
        takenAt: new Date().toISOString(),
        title: `Dos, vue ${i + 1}`,
      });
      await value(cart, 'attachments.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
      sent.push((await value(cart, 'attachments.finish', { uploadId })).id);
    }
    expect((await value(cart, 'teleexpertise.get', { encounterId: act.id })).state).toBe('draft');
    // Without the patient's consent the request does not go, and nothing is half done.
    expect((await failure(cart, 'teleexpertise.submit', { encounterId: act.id, version: act.version })).fields).toEqual(
      [{ path: 'status', code: 'encounter.consent_missing' }],
    );
    const submitted = await value(cart, 'teleexpertise.submit', {
      encounterId: act.id,
      version: act.version,
      consentBy: 'IDE Morvan',
    });
    expect(submitted.state).toBe('pending_send');
    expect(
      (
        await failure(cart, 'teleexpertise.submit', {
          encounterId: act.id,
          version: act.version + 1,
          consentBy: 'IDE Morvan',
        })
      ).fields?.[0]?.code,
    ).toBe('teleexpertise.already_sent');

    // The link comes back: everything leaves with the sync.
    proxy.restore();
    await eventually(
      () => value(cart, 'teleexpertise.get', { encounterId: act.id }),
      (v) => v.state === 'sent',
      'the request on the server',
    );

    // The dermatologist's inbox shows it, urgent; the cardiologist's does not.
    await eventually(
      () => value(derm, 'calls.hub', {}),
      (h) => h.you !== null,
      'the expert welcomed',
    );
    await eventually(
      () => value(cardio, 'calls.hub', {}),
      (h) => h.you !== null,
      'the cardiologist welcomed',
    );
    const inbox = await value(derm, 'teleexpertise.inbox', {});
    expect(inbox).toEqual([
      expect.objectContaining({
        requestId: act.id,
        priority: 'urgent',
        state: 'sent',
        specialty: 'Dermatologie',
        question: 'Naevus du dos modifié en 3 mois : exérèse ?',
        patientName: expect.stringContaining('ANNE'),
        requester: 'IDE Morvan',
      }),
    ]);
    expect(await value(cardio, 'teleexpertise.inbox', {})).toEqual([]);
    expect((await failure(cardio, 'teleexpertise.open', { requestId: act.id })).code).toBe('not_found');

    // She opens it: identity traits, context, and the two photos' bytes, checked.
    const opened = await value(derm, 'teleexpertise.open', { requestId: act.id });
    expect(opened.patient).toMatchObject({
      birthDate: validatedIdentity().birthDate,
      ins: created.patient.ins?.matricule,
      identityStatus: 'QUAL',
    });
    expect(opened.context).toBe('Patiente de 70 ans, pas d’antécédent de mélanome.');
    expect(opened.files.map((f) => [f.id, f.kind, f.mime])).toEqual(sent.map((id) => [id, 'snapshot', 'image/png']));
    for (const [i, id] of sent.entries()) {
      const file = await value(derm, 'teleexpertise.file', { requestId: act.id, fileId: id });
      expect(Buffer.from(file.data, 'base64').equals(photos[i]!)).toBe(true);
    }

    // A question back: the cart sees it, answers with a letter; the request is hers again.
    const question = await value(derm, 'teleexpertise.reply', {
      requestId: act.id,
      kind: 'information_request',
      author: { name: 'Dr Le Goff', role: 'physician' },
      text: 'A-t-elle un antécédent familial ?',
    });
    await eventually(
      () => value(cart, 'teleexpertise.get', { encounterId: act.id }),
      (v) => v.state === 'information_requested',
      'the question on the cart',
    );
    const letter = Buffer.from('%PDF-1.4\n% courrier du médecin traitant\n%%EOF\n');
    const { uploadId } = await value(cart, 'attachments.begin', {
      encounterId: act.id,
      kind: 'document',
      mime: 'application/pdf',
      size: letter.length,
      sha256: createHash('sha256').update(letter).digest('hex'),
      bodySite: null,
      device: 'Import',
      author: 'IDE Morvan',
      takenAt: new Date().toISOString(),
      title: 'Courrier du médecin traitant',
    });
    await value(cart, 'attachments.chunk', { uploadId, offset: 0, data: letter.toString('base64') });
    const letterId = (await value(cart, 'attachments.finish', { uploadId })).id;
    await value(cart, 'teleexpertise.provideInformation', {
      encounterId: act.id,
      inResponseTo: question.id,
      author: nurse,
      text: 'Sa sœur : mélanome à 50 ans.',
      attachmentIds: [letterId],
    });
    expect(
      (
        await failure(cart, 'teleexpertise.provideInformation', {
          encounterId: act.id,
          inResponseTo: question.id,
          author: nurse,
          text: 'Encore ?',
        })
      ).fields?.[0]?.code,
    ).toBe('teleexpertise.question_answered');
    const back = await eventually(
      () => value(derm, 'teleexpertise.open', { requestId: act.id }),
      (v) => v.item.state === 'sent' && v.files.length === 3,
      'the answer and letter with the expert',
    );
    expect(back.messages.map((m) => [m.kind, m.text])).toEqual([
      ['information_request', 'A-t-elle un antécédent familial ?'],
      ['information_provided', 'Sa sœur : mélanome à 50 ans.'],
    ]);
    expect(back.messages[1]!.files).toEqual([{ id: letterId, kind: 'document' }]);

    // Her structured answer reaches the cart.
    await value(derm, 'teleexpertise.reply', {
      requestId: act.id,
      kind: 'answer',
      author: { name: 'Dr Le Goff', role: 'physician', rpps: '10003456789' },
      text: 'Lésion suspecte.',
      recommendations: 'Exérèse avec marges de 2 mm.',
      followUp: 'in_person',
    });
    const answered = await eventually(
      () => value(cart, 'teleexpertise.get', { encounterId: act.id }),
      (v) => v.state === 'answered',
      'the answer on the cart',
    );
    expect(answered.messages.at(-1)).toMatchObject({
      kind: 'answer',
      text: 'Lésion suspecte.',
      recommendations: 'Exérèse avec marges de 2 mm.',
      followUp: 'in_person',
      author: { name: 'Dr Le Goff', rpps: '10003456789' },
    });
    expect((await value(derm, 'teleexpertise.inbox', {}))[0]).toMatchObject({
      requestId: act.id,
      state: 'answered',
      unsentReplies: 0,
    });

    // Or she would rather see the patient: the cart sees the proposal.
    await value(derm, 'teleexpertise.reply', {
      requestId: act.id,
      kind: 'teleconsultation_proposed',
      author: { name: 'Dr Le Goff', role: 'physician' },
      text: 'Je préfère la voir en téléconsultation.',
    });
    await eventually(
      () => value(cart, 'teleexpertise.get', { encounterId: act.id }),
      (v) => v.state === 'converted',
      'the conversion on the cart',
    );

    // A message on the server the cart cannot read as a téléexpertise message is shown to a person, not taken.
    const foreign = {
      resourceType: 'Communication',
      id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      status: 'completed',
      basedOn: [{ reference: `ServiceRequest/${act.id}` }],
      subject: { reference: `Patient/${created.patient.id}` },
      sent: new Date().toISOString(),
      sender: { display: 'Secrétariat' },
      payload: [{ contentString: 'RDV fixé' }],
      category: [{ text: 'Secrétariat' }],
    };
    await fetch(`${hub.fhirUrl}/Communication/${foreign.id}`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${cartToken}`, 'Content-Type': 'application/fhir+json' },
      body: JSON.stringify(foreign),
    });
    const refused = await eventually(
      () => value(cart, 'sync.details', {}),
      (d) => d.refused.some((r) => r.entityId === foreign.id),
      'the foreign message refused',
    );
    expect(refused.refused.find((r) => r.entityId === foreign.id)).toMatchObject({
      entity: 'expertise_message',
      error: expect.stringMatching(/no téléexpertise message/),
    });
    expect((await value(cart, 'teleexpertise.get', { encounterId: act.id })).messages.map((m) => m.id)).not.toContain(
      foreign.id,
    );
  }, 60_000);

  it('routes a request named to an expert by her hub identity: her namesake of the same specialty does not see it', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const open = (token: string) => {
      const station = createStation({
        dataDir: tempDir(),
        mode: 'browser',
        logger: silentLogger,
        hubUrl: hub.url,
        hubToken: token,
        fhirUrl: hub.fhirUrl,
        uploadsUrl: hub.uploadsUrl,
        syncTiming: { debounceMs: 5, intervalMs: 200, pullIntervalMs: 300 },
      });
      cleanups.push(() => station.close());
      return station;
    };
    const namesakeToken = issueToken(SECRET, {
      sub: 'dr-le-goff-morlaix',
      role: 'expert',
      name: 'Dr Le Goff',
      site: 'CH de Morlaix',
      specialty: 'Dermatologie',
      exp,
    });
    const [cart, derm, namesake] = [open(cartToken), open(dermToken), open(namesakeToken)];
    for (const s of [cart, derm, namesake])
      await eventually(
        () => value(s, 'calls.hub', {}),
        (h) => h.you !== null,
        'welcomed by the hub',
      );
    const created = await value(cart, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    const act = await value(cart, 'teleexpertise.create', {
      patientId: created.patient.id,
      specialty: 'Dermatologie',
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD Les Tilleuls',
      expert: { name: 'Dr Le Goff', role: 'physician', hubId: 'dr-le-goff' },
      question: 'Naevus du dos ?',
      priority: 'routine',
    });
    await value(cart, 'teleexpertise.submit', { encounterId: act.id, version: act.version, consentBy: 'IDE Morvan' });
    await eventually(
      () => value(cart, 'teleexpertise.get', { encounterId: act.id }),
      (v) => v.state === 'sent',
      'the request on the server',
    );
    expect(await value(derm, 'teleexpertise.inbox', {})).toEqual([
      expect.objectContaining({ requestId: act.id, toMe: true }),
    ]);
    expect(await value(namesake, 'teleexpertise.inbox', {})).toEqual([]);
    expect((await failure(namesake, 'teleexpertise.open', { requestId: act.id })).code).toBe('not_found');
  }, 30_000);

  it('keeps a request on the station while it cannot leave, and says when part of it is held back', async () => {
    const dir = tempDir();
    const station = openStation(dir);
    cleanups.push(() => station.close());
    const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    const nurse = { name: 'IDE Morvan', role: 'nurse' as const };
    const base = {
      patientId: created.patient.id,
      assisted: false,
      requester: nurse,
      site: 'EHPAD',
      reason: 'Naevus ?',
    };
    // A téléconsultation is no request; a téléexpertise opened with the general act form is a routine one.
    const visit = await station.value('encounters.create', { ...base, act: 'teleconsultation' });
    expect((await failure(station, 'teleexpertise.get', { encounterId: visit.id })).code).toBe('not_found');
    const plain = await station.value('encounters.create', {
      ...base,
      act: 'teleexpertise',
      specialty: 'dermatologie',
    });
    expect(await station.value('teleexpertise.get', { encounterId: plain.id })).toMatchObject({
      state: 'draft',
      blocked: false,
      details: { priority: 'routine', submittedAt: null },
    });
    expect(
      (
        await failure(station, 'teleexpertise.provideInformation', {
          encounterId: plain.id,
          inResponseTo: plain.id,
          author: nurse,
          text: 'x',
        })
      ).fields?.[0]?.code,
    ).toBe('teleexpertise.not_sent');
    const sent = await station.value('teleexpertise.submit', {
      encounterId: plain.id,
      version: plain.version,
      consentBy: 'IDE Morvan',
    });
    expect(sent).toMatchObject({
      state: 'pending_send',
      details: { priority: 'routine', submittedAt: expect.any(String) },
    });
    // The request went to the outbox with its act, at the act's new version, in one go.
    const db = stationDatabase(dir);
    cleanups.push(() => void db.close());
    const rows = db
      .prepare('SELECT entity, entity_version FROM outbox WHERE entity_id = ? AND entity_version = 2 ORDER BY seq')
      .all(plain.id);
    expect(rows).toEqual([
      { entity: 'service_request', entity_version: 2 },
      { entity: 'encounter', entity_version: 2 },
    ]);
    // A part refused by the region waits for a person: the request says so.
    db.prepare(
      "UPDATE outbox SET parked = 1, last_error = 'Refused' WHERE entity = 'service_request' AND entity_id = ?",
    ).run(plain.id);
    expect((await station.value('teleexpertise.get', { encounterId: plain.id })).blocked).toBe(true);
  });

  it('sends its token only to its own upload endpoint, whatever a file’s address says', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const derm = createStation({
      dataDir: tempDir(),
      mode: 'browser',
      logger: silentLogger,
      hubUrl: hub.url,
      hubToken: dermToken,
      fhirUrl: hub.fhirUrl,
      uploadsUrl: hub.uploadsUrl,
    });
    cleanups.push(() => derm.close());
    await eventually(
      () => value(derm, 'calls.hub', {}),
      (h) => h.you !== null,
      'the expert welcomed',
    );
    const headers = { Authorization: `Bearer ${cartToken}`, 'Content-Type': 'application/fhir+json' };
    const put = (resource: { resourceType: string; id: string }) =>
      fetch(`${hub.fhirUrl}/${resource.resourceType}/${resource.id}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify(resource),
      });
    const requestId = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
    await put({
      resourceType: 'Patient',
      id: '1a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d',
      name: [{ family: 'Test' }],
    } as never);
    await put({
      resourceType: 'ServiceRequest',
      id: requestId,
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/1a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' },
      performerType: {
        coding: [{ system: 'urn:relais:CodeSystem:specialty', code: 'dermatologie' }],
        text: 'dermatologie',
      },
    } as never);
    const media = (id: string, url: string) => ({
      resourceType: 'Media',
      id,
      status: 'completed',
      content: { contentType: 'image/png', url },
      encounter: { reference: `Encounter/${requestId}` },
    });
    let seenAuthorization: string | undefined = 'none yet';
    const { createServer } = await import('node:http');
    const elsewhere = createServer((req, res) => {
      seenAuthorization = req.headers.authorization;
      res.end('stolen');
    });
    await new Promise<void>((r) => elsewhere.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise<void>((r) => elsewhere.close(() => r())));
    const port = (elsewhere.address() as { port: number }).port;
    await put(media('2a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', `http://127.0.0.1:${port}/somewhere/else`) as never);
    await put(
      media('3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', `http://127.0.0.1:${port}/uploads/../../etc/passwd`) as never,
    );
    await put(media('4a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', `http://127.0.0.1:${port}/uploads/abc`) as never);
    for (const id of ['2a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d', '3a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d']) {
      expect((await failure(derm, 'teleexpertise.file', { requestId, fileId: id })).code).toBe('not_found');
    }
    // Same path under the upload endpoint: read from this station's own endpoint (which has no such upload).
    expect(
      (await failure(derm, 'teleexpertise.file', { requestId, fileId: '4a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' })).code,
    ).toBe('not_found');
    expect(seenAuthorization).toBe('none yet');
  }, 30_000);
});

export type { ChannelOutput };
