// Téléexpertise through a real hub: a request built while the cart is cut from the region (two
// photos, urgent) leaves when the link comes back; the dermatologist's inbox shows it (a
// cardiologist's does not), she opens it and reads the photos' bytes through her station, asks a
// question; the cart answers it with a document; she answers; the cart sees each step.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { startHub } from '../../src/hub/server';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import { contractValue as value } from '../helpers/contract-value';
import { consentTo } from '../helpers/consent';
import { startInsiDouble } from '../helpers/insi-double';
import { qualifyThroughInsi } from '../helpers/insi-station';
import { startTcpProxy } from '../helpers/tcp-proxy';
import { useTempDir } from '../helpers/temp-dir';
import { MARTIN_IN_NATIONAL_BASE, validatedIdentity } from '../helpers/identities';
import { useCleanups } from '../helpers/cleanups';
import { SECRET, cartToken, dermToken, cardioToken, png, eventually, failure } from '../helpers/teleexpertise';
import { anOffer } from '../helpers/offers';

const tempDir = useTempDir();
const cleanup = useCleanups();

describe('téléexpertise round trip', () => {
  it('goes offline from the cart to the dermatologist and back, with a question on the way', async () => {
    const hub = await startHub({
      secret: SECRET,
      turnSecret: 'x',
      turnUrls: [],
      offers: [
        anOffer({
          id: 'derm',
          specialty: 'Dermatologie',
          hospital: 'CHU de Brest',
          acts: ['teleexpertise'],
          experts: ['dr-le-goff'],
          urgent: false,
        }),
      ],
    });
    cleanup(() => hub.close());
    const proxy = await startTcpProxy(hub.port);
    cleanup(() => proxy.close());
    const via = (url: string) => url.replace(`:${hub.port}/`, `:${proxy.port}/`);
    // The hospital's INSi gateway stays reachable when the region is not.
    const insi = await startInsiDouble({ people: [MARTIN_IN_NATIONAL_BASE] });
    cleanup(() => insi.close());
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
      cleanup(() => station.close());
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
});
