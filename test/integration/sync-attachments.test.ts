// Photos and sounds of a call reach the region once the call is linked to an act: the file by
// resumable upload, checked by SHA-256, then a Media pointing at it for the act's patient; a file
// of a call without an act waits, without holding back the other records.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import { consentTo } from '../helpers/consent';
import { validatedIdentity } from '../helpers/identities';
import { contractValue } from '../helpers/contract-value';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir();
const SECRET = 'attachments-secret';
const token = issueToken(SECRET, {
  sub: 'cart-5',
  role: 'station',
  name: 'Chariot 5',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const value = contractValue;

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('attachment sync', () => {
  it('uploads an auscultation of an act and publishes it as a Media for the patient', async () => {
    const hub: RunningHub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const dir = tempDir();
    const station = createStation({
      dataDir: dir,
      mode: 'browser',
      logger: silentLogger,
      hubToken: token,
      fhirUrl: hub.fhirUrl,
      uploadsUrl: hub.uploadsUrl,
      syncTiming: { debounceMs: 5, intervalMs: 100 },
    });
    cleanups.push(() => station.close());
    // A call in the journal, as the hub would have announced it.
    const db = stationDatabase(dir);
    for (const id of ['call-with-act', 'call-alone']) {
      db.prepare(
        "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES (?, 'outgoing', 'dr', 'Dr Le Goff', 'expert', 'CHU', ?)",
      ).run(id, new Date().toISOString());
    }
    db.close();

    const wav = randomBytes(700_000);
    const sha256 = createHash('sha256').update(wav).digest('hex');
    const send = async (callId: string, bytes: Buffer, hash: string) => {
      const { uploadId } = await value(station, 'attachments.begin', {
        callId,
        kind: 'auscultation',
        mime: 'audio/wav',
        size: bytes.length,
        sha256: hash,
        bodySite: 'mitral',
        device: 'Stéthoscope',
        author: 'IDE Morvan',
        takenAt: new Date().toISOString(),
      });
      for (let offset = 0; offset < bytes.length; offset += 300_000) {
        await value(station, 'attachments.chunk', {
          uploadId,
          offset,
          data: bytes.subarray(offset, offset + 300_000).toString('base64'),
        });
      }
      return value(station, 'attachments.finish', { uploadId });
    };
    const uploadsSeen: { attachmentId: string; sentBytes: number; totalBytes: number }[] = [];
    station.events.on('station.statusChanged', (s) => uploadsSeen.push(...s.sync.uploads));
    // The nurse links the call to the patient's act and records her consent to recording: only then is a sound kept.
    const created = await value(station, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    const encounter = await value(station, 'encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Souffle ?',
      callId: 'call-with-act',
    });
    await consentTo(station, encounter.id);
    const withAct = await send('call-with-act', wav, sha256);
    // A call without an act has no consent: nothing of it is recorded (CSP R6316-2).
    const other = randomBytes(1000);
    await expect(send('call-alone', other, createHash('sha256').update(other).digest('hex'))).rejects.toThrow(
      /linked to no act/,
    );

    // A message written during each call: it goes with the act, like the files.
    await value(station, 'calls.chat', {
      callId: 'call-with-act',
      id: 'line-1',
      direction: 'received',
      author: 'Dr Le Goff',
      text: 'Souffle systolique 2/6 au foyer mitral.',
      at: new Date().toISOString(),
    });
    await value(station, 'calls.chat', {
      callId: 'call-alone',
      id: 'line-1',
      direction: 'sent',
      author: 'IDE Morvan',
      text: 'Je vous rappelle.',
      at: new Date().toISOString(),
    });

    const media = await waitFor(
      () =>
        fetch(`${hub.fhirUrl}/Media/${withAct.id}`, { headers: { Authorization: `Bearer ${token}` } }).then(
          async (r) => ({ status: r.status, json: (await r.json()) as Record<string, any> }),
        ),
      (r) => r.status === 200,
      'the Media on the server',
    );
    expect(media.json).toMatchObject({
      status: 'completed',
      type: { coding: [{ code: 'audio' }] },
      subject: { reference: `Patient/${created.patient.id}` },
      encounter: { reference: `Encounter/${encounter.id}` },
      bodySite: { text: 'Foyer mitral' },
      identifier: [expect.anything(), { system: 'urn:relais:sha256', value: sha256 }],
      content: { contentType: 'audio/wav', size: wav.length, hash: createHash('sha1').update(wav).digest('base64') },
    });
    // Its progress was on the status (the progress bars), and is gone once sent.
    expect(uploadsSeen.length).toBeGreaterThan(0);
    expect(
      uploadsSeen.every(
        (u) => u.attachmentId === withAct.id && u.totalBytes === wav.length && u.sentBytes <= u.totalBytes,
      ),
    ).toBe(true);
    expect((await value(station, 'station.status', {})).sync.uploads).toEqual([]);
    // The file behind content.url is the same bytes.
    const stored = fs.readFileSync(hub.uploads.fileOf(String(media.json.content.url).split('/').pop()!));
    expect(createHash('sha256').update(stored).digest('hex')).toBe(sha256);

    // The message of the call with an act went as a Communication of the act.
    const messages = await waitFor(
      () =>
        fetch(`${hub.fhirUrl}/Communication?_count=100`, { headers: { Authorization: `Bearer ${token}` } }).then(
          async (r) => (await r.json()) as { entry?: { resource: Record<string, any> }[] },
        ),
      (b) => (b.entry?.length ?? 0) > 0,
      'the Communication on the server',
    );
    expect(messages.entry!.map((e) => e.resource)).toEqual([
      expect.objectContaining({
        status: 'completed',
        encounter: { reference: `Encounter/${encounter.id}` },
        subject: { reference: `Patient/${created.patient.id}` },
        sender: { display: 'Dr Le Goff' },
        payload: [{ contentString: 'Souffle systolique 2/6 au foyer mitral.' }],
      }),
    ]);

    // The message of the call without an act waits apart, not counted as waiting for sync.
    const status = await waitFor(
      () => value(station, 'station.status', {}),
      (s) => s.sync.pending === 0 && s.sync.waitingForAct === 1,
      'the lone call’s message waiting for an act',
    );
    expect(status.sync).toMatchObject({ parked: 0, conflicts: 0 });
    const check = stationDatabase(dir, { readonly: true });
    // Audit rows come with every call the test makes (a read is audited too) and leave with the next pass: not counted here.
    expect(
      check.prepare("SELECT entity, waiting_for, last_error FROM outbox WHERE entity != 'audit' ORDER BY seq").all(),
    ).toEqual([
      {
        entity: 'call_chat',
        waiting_for: 'act',
        last_error: 'Waiting for its act: link the call to an act to send this message.',
      },
    ]);
    check.close();

    // Once the nurse links that call to an act, it goes at once (not at the next 10-minute try).
    await value(station, 'encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Rappel',
      callId: 'call-alone',
    });
    const settled = await waitFor(
      () => value(station, 'station.status', {}),
      (s) => s.sync.pending === 0 && s.sync.waitingForAct === 0,
      'nothing left waiting',
    );
    expect(settled.sync).toMatchObject({ parked: 0, conflicts: 0 });
  });

  it('sends a PDF and a dermatoscope photo added to an act, without any call, and refuses files for a closed act', async () => {
    const hub: RunningHub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
    cleanups.push(() => hub.close());
    const station = createStation({
      dataDir: tempDir(),
      mode: 'browser',
      logger: silentLogger,
      hubToken: token,
      fhirUrl: hub.fhirUrl,
      uploadsUrl: hub.uploadsUrl,
      syncTiming: { debounceMs: 5, intervalMs: 100 },
    });
    cleanups.push(() => station.close());
    const created = await value(station, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    const act = await value(station, 'encounters.create', {
      patientId: created.patient.id,
      act: 'teleexpertise',
      assisted: false,
      requester: { name: 'Dr Guillou', role: 'physician' },
      site: 'Cabinet',
      reason: 'Naevus du dos',
    });
    await consentTo(station, act.id, 'recording', 'Dr Guillou');
    const add = async (
      bytes: Buffer,
      meta: {
        kind: 'document' | 'snapshot';
        mime: 'application/pdf' | 'image/jpeg';
        title: string | null;
        device: string;
      },
      encounterId = act.id,
    ) => {
      const { uploadId } = await value(station, 'attachments.begin', {
        encounterId,
        bodySite: null,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        author: 'Dr Guillou',
        takenAt: new Date().toISOString(),
        ...meta,
      });
      await value(station, 'attachments.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
      return value(station, 'attachments.finish', { uploadId });
    };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(200_000)]);
    const letter = await add(pdf, {
      kind: 'document',
      mime: 'application/pdf',
      title: 'Courrier du dermatologue (2025)',
      device: 'Import',
    });
    const photo = await add(randomBytes(90_000), {
      kind: 'snapshot',
      mime: 'image/jpeg',
      title: null,
      device: 'Dermatoscope',
    });
    expect(
      (await value(station, 'encounters.get', { id: act.id })).attachments.map((a) => [
        a.id,
        a.kind,
        a.encounterId,
        a.callId,
      ]),
    ).toEqual([
      [letter.id, 'document', act.id, null],
      [photo.id, 'snapshot', act.id, null],
    ]);

    const document = await waitFor(
      () =>
        fetch(`${hub.fhirUrl}/DocumentReference/${letter.id}`, { headers: { Authorization: `Bearer ${token}` } }).then(
          async (r) => ({ status: r.status, json: (await r.json()) as Record<string, any> }),
        ),
      (r) => r.status === 200,
      'the DocumentReference on the server',
    );
    expect(document.json).toMatchObject({
      status: 'current',
      type: { text: 'Courrier du dermatologue (2025)' },
      context: { encounter: [{ reference: `Encounter/${act.id}` }] },
      content: [{ attachment: { contentType: 'application/pdf', size: pdf.length } }],
    });
    const stored = fs.readFileSync(
      hub.uploads.fileOf(String(document.json.content[0].attachment.url).split('/').pop()!),
    );
    expect(stored.equals(pdf)).toBe(true);
    await waitFor(
      () => fetch(`${hub.fhirUrl}/Media/${photo.id}`, { headers: { Authorization: `Bearer ${token}` } }),
      (r) => r.status === 200,
      'the photo as a Media',
    );

    // A closed act takes no more files; a file names a call or an act, not neither.
    await value(station, 'encounters.setStatus', { id: act.id, version: 1, status: 'closed' });
    const late = await station.dispatch('attachments.begin', {
      encounterId: act.id,
      kind: 'document',
      mime: 'application/pdf',
      title: 'Trop tard',
      bodySite: null,
      size: 10,
      sha256: 'c'.repeat(64),
      device: 'Import',
      author: 'Dr Guillou',
      takenAt: new Date().toISOString(),
    });
    expect(late).toMatchObject({ ok: false, error: { fields: [{ path: 'encounterId', code: 'encounter.closed' }] } });
    const nowhere = await station.dispatch('attachments.begin', {
      kind: 'document',
      mime: 'application/pdf',
      title: 'Orphelin',
      bodySite: null,
      size: 10,
      sha256: 'c'.repeat(64),
      device: 'Import',
      author: 'Dr Guillou',
      takenAt: new Date().toISOString(),
    });
    expect(nowhere).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('holds back a file past the station’s quota on the hub, saying why and what to do', async () => {
    const hub: RunningHub = await startHub({
      secret: SECRET,
      turnSecret: 'x',
      turnUrls: [],
      offers: [],
      uploadQuotaBytes: 100_000,
    });
    cleanups.push(() => hub.close());
    const station = createStation({
      dataDir: tempDir(),
      mode: 'browser',
      logger: silentLogger,
      hubToken: token,
      fhirUrl: hub.fhirUrl,
      uploadsUrl: hub.uploadsUrl,
      syncTiming: { debounceMs: 5, intervalMs: 100 },
    });
    cleanups.push(() => station.close());
    const created = await value(station, 'patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('no patient');
    const act = await value(station, 'encounters.create', {
      patientId: created.patient.id,
      act: 'teleexpertise',
      assisted: false,
      requester: { name: 'Dr Guillou', role: 'physician' },
      site: 'Cabinet',
      reason: 'Naevus du dos',
    });
    await consentTo(station, act.id, 'recording', 'Dr Guillou');
    const bytes = randomBytes(150_000);
    const { uploadId } = await value(station, 'attachments.begin', {
      encounterId: act.id,
      kind: 'snapshot',
      mime: 'image/jpeg',
      title: null,
      bodySite: null,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      device: 'Dermatoscope',
      author: 'Dr Guillou',
      takenAt: new Date().toISOString(),
    });
    await value(station, 'attachments.chunk', { uploadId, offset: 0, data: bytes.toString('base64') });
    const photo = await value(station, 'attachments.finish', { uploadId });
    const details = await waitFor(
      () => value(station, 'sync.details', {}),
      (d) => d.parked.some((r) => r.entityId === photo.id),
      'the photo held back',
    );
    const why = details.parked.find((r) => r.entityId === photo.id)!.error;
    expect(why).toContain('The regional server refused this file: its quota for this station is full');
    expect(why).toContain('Le serveur régional refuse ce fichier : le quota de ce poste est plein');
    expect(why).toContain('RELAIS_HUB_UPLOAD_QUOTA_GB');
  });
});
