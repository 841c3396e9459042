// The signed report's PDF reaches the region as the act's document: signed on a station that
// syncs to the hub's FHIR endpoint, then read back from the server (DocumentReference and its
// Binary) and through pdftotext. A correction supersedes the first report; syncing again, or
// after a lost answer, never makes a second document; and the PDF is the one kept at signing,
// byte for byte, whatever changes on the station afterwards.
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { createEncounterRepository } from '../../src/main/acts/encounter-repository';
import { createPatientRepository } from '../../src/main/patients/patient-repository';
import { createReportPdfRepository } from '../../src/main/acts/report-pdf-repository';
import { createSyncRepository } from '../../src/main/sync/sync-repository';
import { createReportPdfService } from '../../src/main/acts/report-pdf-service';
import { createFhirClient } from '../../src/main/sync/fhir-client';
import { createPushWorker } from '../../src/main/sync/push-worker';
import type { Professional } from '../../src/shared/acts/encounter';
import { MARTIN_IN_NATIONAL_BASE, validatedIdentity } from '../helpers/identities';
import { startInsiDouble, type InsiDouble } from '../helpers/insi-double';
import { qualifyThroughInsi } from '../helpers/insi-station';
import { pdfText } from '../helpers/pdf-text';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';
import { openStationStorage } from '../../src/main/platform/storage';
import { shippedBillingCodes } from '../helpers/shipped-billing';

const SECRET = 'report-pdf-hub-secret';
const token = issueToken(SECRET, {
  sub: 'cart-7',
  role: 'station',
  name: 'Chariot 7',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const tempDir = useTempDir();
let hub: RunningHub;
let insi: InsiDouble;
beforeAll(async () => {
  hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  insi = await startInsiDouble({ people: [MARTIN_IN_NATIONAL_BASE] });
});
afterAll(async () => {
  await hub.close();
  await insi.close();
});

async function server(pathAndQuery: string): Promise<{ status: number; json: Record<string, any> }> {
  const response = await fetch(`${hub.fhirUrl}${pathAndQuery}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const sha1Base64 = (bytes: Buffer) => createHash('sha1').update(bytes).digest('base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const dermatologist: Professional = {
  name: 'Dr Le Goff',
  role: 'physician',
  rpps: '10003456789',
  specialty: 'dermatologie',
};

/** A station syncing to the hub (only when asked: sync.now), with a téléconsultation under way for a patient qualified through INSi. */
async function actUnderWay(options: { syncing: boolean }) {
  const dir = tempDir();
  // Each test's station is another station for the region (its own audit chain at the one hub):
  // under one name, the region would know rows a new data folder lacks, and hold it as missing.
  const insiOption = { insi: { url: insi.url, token: null } };
  const syncing = {
    hubToken: token,
    fhirUrl: hub.fhirUrl,
    stationName: path.basename(dir),
    syncTiming: { debounceMs: 60_000, intervalMs: 60_000 },
  };
  const station = openStation(dir, undefined, options.syncing ? { ...syncing, ...insiOption } : insiOption);
  const patient = await qualifyThroughInsi(station);
  const act = await station.value('encounters.create', {
    patientId: patient.id,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    expert: dermatologist,
    specialty: 'dermatologie',
    site: 'EHPAD Les Tilleuls',
    reason: 'Plaie du talon',
  });
  await station.value('encounters.consent', {
    encounterId: act.id,
    scope: 'act',
    decision: 'given',
    givenBy: { kind: 'patient' },
    collectedBy: 'IDE Morvan',
    collectedAt: new Date().toISOString(),
  });
  await station.value('encounters.setStatus', { id: act.id, version: 1, status: 'in_progress' });
  return { dir, station, patient, act };
}

/** The PDF a DocumentReference points at, from the server's Binary, checked against what the DocumentReference says of it. */
async function pdfOf(document: Record<string, any>): Promise<Buffer> {
  const content = document.content[0].attachment;
  expect(content).toMatchObject({
    contentType: 'application/pdf',
    language: 'fr',
    url: expect.stringMatching(/^Binary\/[0-9a-f-]{36}$/),
  });
  const binary = (await server(`/${content.url}`)).json;
  expect(binary.contentType).toBe('application/pdf');
  const bytes = Buffer.from(binary.data as string, 'base64');
  expect([bytes.length, sha1Base64(bytes), sha256(bytes)]).toEqual([
    content.size,
    content.hash,
    document.identifier[0].value,
  ]);
  return bytes;
}

describe('signed report PDF, synced', () => {
  it('reaches the region as the act’s DocumentReference pointing at the PDF that was printed; a correction supersedes it; once each', async () => {
    const { station, patient, act } = await actUnderWay({ syncing: true });
    const first = await station.value('encounters.report', {
      encounterId: act.id,
      text: 'Plaie propre, stade 2.\nPansement hydrocellulaire, réévaluation à J7.',
      author: dermatologist,
    });
    const printed = Buffer.from((await station.value('encounters.reportPdf', { reportId: first.id })).data, 'base64');
    await station.value('sync.now', {});
    expect((await station.value('station.status', {})).sync).toMatchObject({
      pending: 0,
      parked: 0,
      conflicts: 0,
      lastError: null,
    });

    const document = (await server(`/DocumentReference/${first.id}`)).json;
    expect(document).toMatchObject({
      status: 'current',
      docStatus: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '11488-4' }], text: 'Compte rendu de téléconsultation' },
      category: [{ coding: [{ system: 'urn:oid:1.2.250.1.213.1.1.4.1', code: '10' }] }],
      subject: { reference: `Patient/${patient.id}` },
      context: { encounter: [{ reference: `Encounter/${act.id}` }] },
      author: [{ display: 'Dr Le Goff', identifier: { value: '810003456789' } }],
      date: first.signedAt,
      content: [
        { attachment: { title: 'Compte rendu de téléconsultation (PDF signé)' } },
        { attachment: { contentType: 'text/plain; charset=utf-8', url: `Binary/${first.id}` } },
      ],
    });
    const sent = await pdfOf(document);
    expect(sent.equals(printed)).toBe(true); // the very bytes the patient was given
    const text = pdfText(sent);
    for (const expected of [
      'Compte rendu de téléconsultation',
      'Nom de naissance : MARTIN',
      'Prénom(s) de naissance : JEANNE LOUISE',
      'Date de naissance : 03/12/1906',
      'INS : 206127511100564 (OID 1.2.250.1.213.1.4.8) — identité qualifiée',
      'Côté expert : TC (',
      'Signé par Dr Le Goff (RPPS 10003456789)',
      'Plaie propre, stade 2.',
      'réévaluation à J7.',
    ]) {
      expect(text).toContain(expected);
    }

    // The expert corrects the report: the region gets the correction, and the first is superseded.
    const correction = await station.value('encounters.report', {
      encounterId: act.id,
      text: 'Plaie propre, stade 2.\nPansement hydrocellulaire, réévaluation à J10.',
      author: dermatologist,
      replaces: first.id,
    });
    await station.value('sync.now', {});
    expect((await station.value('station.status', {})).sync).toMatchObject({ pending: 0, parked: 0, conflicts: 0 });
    expect((await server(`/DocumentReference/${first.id}`)).json).toMatchObject({
      status: 'superseded',
      content: document.content,
    });
    const corrected = (await server(`/DocumentReference/${correction.id}`)).json;
    expect(corrected).toMatchObject({
      status: 'current',
      relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${first.id}` } }],
    });
    const correctedText = pdfText(await pdfOf(corrected));
    expect(correctedText).toContain('réévaluation à J10.');
    expect(correctedText).toContain('Ce compte rendu corrige et remplace une version précédente.');

    // Synced again: nothing goes twice; the act has its two documents, the first in two versions (current, superseded).
    await station.value('sync.now', {});
    const documents = (await server(`/DocumentReference?encounter=Encounter/${act.id}`)).json;
    expect(
      documents.entry
        .map((e: { resource: { id: string; status: string } }) => [e.resource.id, e.resource.status])
        .sort(),
    ).toEqual(
      [
        [first.id, 'superseded'],
        [correction.id, 'current'],
      ].sort(),
    );
    expect((await server(`/DocumentReference/${first.id}/_history`)).json.entry).toHaveLength(2);
    expect((await server(`/DocumentReference/${correction.id}/_history`)).json.entry).toHaveLength(1);
    await station.close();
  });

  it('keeps the PDF made at signing: a later change of the patient’s record changes neither the printed nor the sent document', async () => {
    const { station, patient, act } = await actUnderWay({ syncing: true });
    const signed = await station.value('encounters.report', {
      encounterId: act.id,
      text: 'Avis : pas de signe de gravité.',
      author: dermatologist,
    });
    const kept = (await station.value('encounters.get', { id: act.id })).reportPdfs;
    expect(kept).toEqual([
      expect.objectContaining({
        reportId: signed.id,
        fileName: expect.stringMatching(/^compte-rendu-MARTIN-JEANNE-\d{4}-\d{2}-\d{2}\.pdf$/),
      }),
    ]);
    await station.value('patients.update', {
      id: patient.id,
      version: patient.version,
      identity: validatedIdentity({ identityStatus: 'QUAL', usedName: 'Kervella' }),
    });

    const printed = Buffer.from((await station.value('encounters.reportPdf', { reportId: signed.id })).data, 'base64');
    expect([printed.length, sha256(printed)]).toEqual([kept[0]!.size, kept[0]!.sha256]);
    expect(pdfText(printed)).toContain('Nom utilisé : DURAND'); // as it was when the report was signed
    await station.value('sync.now', {});
    expect((await pdfOf((await server(`/DocumentReference/${signed.id}`)).json)).equals(printed)).toBe(true);
    await station.close();
  });

  it('makes the PDF once for a report signed before PDFs were kept, and sends that one', async () => {
    const { dir, station, act } = await actUnderWay({ syncing: true });
    // A report as an earlier Relais signed it: its row and outbox row, no PDF.
    const legacyId = randomUUID();
    const db = stationDatabase(dir);
    db.prepare(
      'INSERT INTO encounter_reports (id, encounter_id, text, author, signed_at, replaces) VALUES (?, ?, ?, ?, ?, NULL)',
    ).run(legacyId, act.id, 'Compte rendu d’avant.', JSON.stringify(dermatologist), new Date().toISOString());
    db.prepare(
      "INSERT INTO outbox (entity, entity_id, entity_version, operation, created_at) VALUES ('report', ?, 1, 'create', ?)",
    ).run(legacyId, new Date().toISOString());
    db.close();
    expect((await station.value('encounters.get', { id: act.id })).reportPdfs).toEqual([]);

    await station.value('sync.now', {});
    const kept = (await station.value('encounters.get', { id: act.id })).reportPdfs;
    expect(kept.map((p) => p.reportId)).toEqual([legacyId]);
    const sent = await pdfOf((await server(`/DocumentReference/${legacyId}`)).json);
    expect(sha256(sent)).toBe(kept[0]!.sha256);
    expect(pdfText(sent)).toContain('Compte rendu d’avant.');
    const printed = Buffer.from((await station.value('encounters.reportPdf', { reportId: legacyId })).data, 'base64');
    expect(printed.equals(sent)).toBe(true);
    await station.close();
  });

  it('makes no second document when the server’s answer to the DocumentReference is lost', async () => {
    const { dir, station, act } = await actUnderWay({ syncing: false });
    const signed = await station.value('encounters.report', {
      encounterId: act.id,
      text: 'Avis donné.',
      author: dermatologist,
    });
    let lose = true;
    const losing: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (lose && init?.method === 'PUT' && String(input).includes('/DocumentReference/')) {
        lose = false;
        throw new TypeError('socket hang up');
      }
      return response;
    };
    const db = openStationStorage(dir).db;
    const encounters = createEncounterRepository(db);
    const patients = createPatientRepository(db);
    const worker = createPushWorker({
      sync: createSyncRepository(db),
      patients,
      encounters,
      reportPdfs: createReportPdfService({
        billing: shippedBillingCodes(),
        encounters,
        patients,
        pdfs: createReportPdfRepository(db),
        now: () => new Date(),
      }),
      client: createFhirClient({ baseUrl: hub.fhirUrl, token: () => token, fetch: losing }),
      now: () => new Date(),
      random: () => 0.5,
      inTransaction: (work) => db.transaction(work)(),
    });
    expect(await worker.runOnce()).toMatchObject({ stoppedBy: expect.stringMatching(/socket hang up/) });
    expect(lose).toBe(false);
    // Later, when the report's row is due again.
    db.prepare('UPDATE outbox SET next_attempt_at = NULL').run();
    expect(await worker.runOnce()).toMatchObject({ parked: 0, conflicts: 0, stoppedBy: null });
    const documents = (await server(`/DocumentReference?subject=Patient/${act.patientId}`)).json;
    expect(documents.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([signed.id]);
    // This worker is built without the audit trail: its rows wait for the station's own worker.
    expect((db.prepare("SELECT count(*) AS n FROM outbox WHERE entity != 'audit'").get() as { n: number }).n).toBe(0);
    db.close();
    await station.close();
  });
});
