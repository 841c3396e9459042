// Call attachments through the contract: sent in chunks, resumed at the offset the station has,
// checked by size and SHA-256 before anything is kept, stored once by content, listed with the call.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHUNK_BASE64_CHARS } from '../../src/shared/acts/attachments';
import { actForCall } from '../helpers/consent';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { mulberry32 } from '../../devices/random';
import { stationDatabase, stationFileSealer } from '../helpers/station-database';

const tempDir = useTempDir();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function withCall(dir: string) {
  const station = openStation(dir);
  // A call as the hub would have announced it (the journal only takes attachments for its calls),
  // linked to its act with the patient's consent to recording.
  const db = stationDatabase(dir);
  db.prepare(
    "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('call-1', 'outgoing', 'dr', 'Dr Kerleau', 'expert', 'CHU', '2026-11-23T10:00:00.000Z')",
  ).run();
  db.close();
  await actForCall(station, 'call-1');
  return station;
}

function bytes(n: number, seed = 1): Uint8Array {
  const random = mulberry32(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
}

const meta = (data: Uint8Array, extra: Record<string, unknown> = {}) => ({
  callId: 'call-1',
  kind: 'auscultation' as const,
  mime: 'audio/wav' as const,
  size: data.length,
  sha256: sha(data),
  bodySite: 'mitral' as const,
  device: 'Stéthoscope Littmann',
  author: 'IDE Morvan',
  takenAt: '2026-11-23T10:05:00.000Z',
  ...extra,
});

describe('call attachments', () => {
  it('takes a file in chunks, keeps it once by its SHA-256, and lists it with the call', async () => {
    const dir = tempDir();
    const station = await withCall(dir);
    const data = bytes(1_300_000); // three chunks of 512 KiB at most
    const { uploadId } = await station.value('attachments.begin', meta(data));
    const chunkBytes = (CHUNK_BASE64_CHARS / 4) * 3;
    for (let offset = 0; offset < data.length; offset += chunkBytes) {
      const part = Buffer.from(data.subarray(offset, offset + chunkBytes)).toString('base64');
      expect(await station.value('attachments.chunk', { uploadId, offset, data: part })).toEqual({
        received: Math.min(data.length, offset + chunkBytes),
      });
    }
    const attachment = await station.value('attachments.finish', { uploadId });
    expect(attachment).toMatchObject({
      callId: 'call-1',
      kind: 'auscultation',
      bodySite: 'mitral',
      size: data.length,
      sha256: sha(data),
      author: 'IDE Morvan',
    });
    const stored = path.join(dir, 'attachments', attachment.sha256.slice(0, 2), attachment.sha256);
    // Kept sealed: the bytes on disk are not the sound's, and read back as the sound with the station's key.
    expect(fs.readFileSync(stored).includes(Buffer.from(data.subarray(0, 32)))).toBe(false);
    expect(sha(stationFileSealer(dir).read(stored))).toBe(attachment.sha256);
    expect(fs.readdirSync(path.join(dir, 'uploads'))).toEqual([]); // nothing left half-way

    // The same bytes saved again (here as a snapshot) are one file, two records.
    const again = await station.value(
      'attachments.begin',
      meta(data, { kind: 'snapshot', mime: 'image/png', bodySite: null, device: 'Caméra de la salle' }),
    );
    for (let offset = 0; offset < data.length; offset += chunkBytes) {
      await station.value('attachments.chunk', {
        uploadId: again.uploadId,
        offset,
        data: Buffer.from(data.subarray(offset, offset + chunkBytes)).toString('base64'),
      });
    }
    await station.value('attachments.finish', { uploadId: again.uploadId });
    expect(fs.readdirSync(path.join(dir, 'attachments', attachment.sha256.slice(0, 2)))).toEqual([attachment.sha256]);
    const [record] = await station.value('calls.history', { limit: 1 });
    expect(record!.attachments.map((a) => [a.kind, a.bodySite, a.device])).toEqual([
      ['auscultation', 'mitral', 'Stéthoscope Littmann'],
      ['snapshot', null, 'Caméra de la salle'],
    ]);
    const status = await station.value('station.status', {});
    expect(status.sync.pending).toBeGreaterThanOrEqual(1);
    await station.close();
  });

  it('refuses a chunk at the wrong offset, saying where to resume, and loses nothing', async () => {
    const station = await withCall(tempDir());
    const data = bytes(1000, 2);
    const { uploadId } = await station.value('attachments.begin', meta(data));
    await station.value('attachments.chunk', {
      uploadId,
      offset: 0,
      data: Buffer.from(data.subarray(0, 400)).toString('base64'),
    });
    // A retry of the first chunk (its answer was lost) is refused with where the station is.
    const repeated = await station.call('attachments.chunk', {
      uploadId,
      offset: 0,
      data: Buffer.from(data.subarray(0, 400)).toString('base64'),
    });
    expect(repeated).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        fields: [{ path: 'offset', code: 'upload.wrong_offset', params: { expected: 400 } }],
      },
    });
    await station.value('attachments.chunk', {
      uploadId,
      offset: 400,
      data: Buffer.from(data.subarray(400)).toString('base64'),
    });
    expect((await station.value('attachments.finish', { uploadId })).sha256).toBe(sha(data));
    await station.close();
  });

  it('keeps nothing when the content does not match its SHA-256, or is incomplete, or belongs to no call', async () => {
    const dir = tempDir();
    const station = await withCall(dir);
    const data = bytes(500, 3);
    const { uploadId } = await station.value('attachments.begin', meta(data, { sha256: 'b'.repeat(64) }));
    await station.value('attachments.chunk', { uploadId, offset: 0, data: Buffer.from(data).toString('base64') });
    const mismatch = await station.call('attachments.finish', { uploadId });
    expect(mismatch).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'sha256', code: 'upload.hash_mismatch' }] },
    });
    expect(fs.existsSync(path.join(dir, 'attachments'))).toBe(false);

    const partial = await station.value('attachments.begin', meta(data));
    await station.value('attachments.chunk', {
      uploadId: partial.uploadId,
      offset: 0,
      data: Buffer.from(data.subarray(0, 100)).toString('base64'),
    });
    expect(await station.call('attachments.finish', { uploadId: partial.uploadId })).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'size', code: 'upload.incomplete' }] },
    });

    expect(await station.call('attachments.begin', meta(data, { callId: 'no-such-call' }))).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // A snapshot has no body site; an auscultation must have one.
    expect(await station.call('attachments.begin', meta(data, { kind: 'snapshot', mime: 'image/png' }))).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await station.call('attachments.begin', meta(data, { bodySite: null }))).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    const [record] = await station.value('calls.history', { limit: 1 });
    expect(record!.attachments).toEqual([]);
    await station.close();
  });

  // Issue 21, point 3: a photo the expert asked for is filed in the act, marked as asked by her,
  // in the name the hub gave her (the call journal's), never a name the page sends.
  it('files a photo asked by the call’s expert in the act, with her name from the call journal', async () => {
    const dir = tempDir();
    const station = await withCall(dir);
    const png = bytes(2_000, 4);
    const actId = (await station.value('calls.history', { limit: 1 }))[0]!.actId!;
    const photo = {
      ...meta(png),
      callId: null,
      encounterId: actId,
      kind: 'snapshot' as const,
      mime: 'image/png' as const,
    };
    const asked = { ...photo, bodySite: null, device: 'Dermatoscope USB', askedInCall: 'call-1' };
    const { uploadId } = await station.value('attachments.begin', asked);
    await station.value('attachments.chunk', { uploadId, offset: 0, data: Buffer.from(png).toString('base64') });
    const kept = await station.value('attachments.finish', { uploadId });
    expect(kept).toMatchObject({
      encounterId: actId,
      author: 'IDE Morvan',
      device: 'Dermatoscope USB',
      askedBy: 'Dr Kerleau',
    });
    const act = await station.value('encounters.get', { id: actId });
    expect(act.attachments.map((a) => [a.kind, a.askedBy, a.author])).toEqual([
      ['snapshot', 'Dr Kerleau', 'IDE Morvan'],
    ]);

    // SECURITY: the page names the call, not the person: a name it sends is refused, and so is a
    // call that is not in the journal.
    const forged = { ...asked, askedBy: 'Dr Quelconque' };
    expect(await station.call('attachments.begin', forged)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed' },
    });
    expect(await station.call('attachments.begin', { ...asked, askedInCall: 'no-such-call' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // A photo taken at the cart by the nurse herself is asked by nobody.
    const own = await station.value('attachments.begin', { ...photo, bodySite: null, sha256: sha(png) });
    await station.value('attachments.chunk', {
      uploadId: own.uploadId,
      offset: 0,
      data: Buffer.from(png).toString('base64'),
    });
    expect(await station.value('attachments.finish', { uploadId: own.uploadId })).toMatchObject({ askedBy: null });
    await station.close();
  });
});
