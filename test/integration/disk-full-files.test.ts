// A file of an act sent while the disk fills (issue 17, point 1): a chunk is written whole or not
// at all, the station checks the sealed copy it stored (not only the bytes it received), and a
// damaged stored copy is replaced when the same file is added again. The data folder is a small
// tmpfs, filled for real; the region is the real hub on loopback.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import type { Result } from '../../src/shared/result';
import { consentTo } from '../helpers/consent';
import { validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { stationFileSealer } from '../helpers/station-database';
import { useTmpfs } from '../helpers/tmpfs';
import { useTempDir } from '../helpers/temp-dir';
import { writeSyntheticCt } from '../helpers/synthetic-ct';

const SECRET = 'disk-full-secret';
const token = issueToken(SECRET, {
  sub: 'cart-17',
  role: 'station',
  name: 'Chariot 17',
  site: 'EHPAD',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const tmpfs = useTmpfs();
const tempDir = useTempDir();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const CHUNK = 360_000;

/** No reserve kept for the records here: the disk fills under a transfer already admitted (another program, the records). */
/** An act with the patient's consent to its photos (no recording without it). */
async function actWithConsent(station: ReturnType<typeof openStation>) {
  const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
  if (created.status !== 'created') throw new Error('no patient');
  const act = await station.value('encounters.create', {
    patientId: created.patient.id,
    act: 'teleexpertise',
    assisted: false,
    requester: { name: 'Dr Guillou', role: 'physician' },
    site: 'Cabinet',
    reason: 'Naevus du dos',
  });
  await consentTo(station, act.id, 'recording', 'Dr Guillou');
  return act;
}

async function stationWithHub(dataDir: string, existing?: { id: string; patientId: string }) {
  const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
  cleanups.push(() => hub.close());
  const station = openStation(dataDir, undefined, {
    hubToken: token,
    fhirUrl: hub.fhirUrl,
    uploadsUrl: hub.uploadsUrl,
    syncTiming: { debounceMs: 5, intervalMs: 100 },
    disk: { reserveBytes: 0 },
  });
  cleanups.push(() => station.close());
  const act = existing ?? (await actWithConsent(station));
  const media = (id: string) =>
    fetch(`${hub.fhirUrl}/Media/${id}`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);
  return { station, act, media };
}

type Station = Awaited<ReturnType<typeof stationWithHub>>['station'];
const begin = (station: Station, encounterId: string, bytes: Buffer) =>
  station.value('attachments.begin', {
    encounterId,
    kind: 'snapshot',
    mime: 'image/jpeg',
    size: bytes.length,
    sha256: sha(bytes),
    bodySite: null,
    title: null,
    device: 'Dermatoscope',
    author: 'Dr Guillou',
    takenAt: new Date().toISOString(),
  });
const chunk = (
  station: Station,
  uploadId: string,
  bytes: Buffer,
  offset: number,
): Promise<Result<{ received: number }>> =>
  station.call('attachments.chunk', {
    uploadId,
    offset,
    data: bytes.subarray(offset, offset + CHUNK).toString('base64'),
  });

async function add(station: Station, encounterId: string, bytes: Buffer) {
  const { uploadId } = await begin(station, encounterId, bytes);
  for (let offset = 0; offset < bytes.length; offset += CHUNK)
    expect(await chunk(station, uploadId, bytes, offset)).toMatchObject({ ok: true });
  return station.value('attachments.finish', { uploadId });
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const storedPath = (dataDir: string, sha256: string) => path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);

describe('a file sent while the disk fills', () => {
  it('keeps no torn record: resent after space comes back, the stored copy reads whole and reaches the region', async () => {
    const disk = tmpfs(8);
    const dataDir = path.join(disk.root, 'data');
    const { station, act, media } = await stationWithHub(dataDir);
    const photo = randomBytes(3 * CHUNK);
    const { uploadId } = await begin(station, act.id, photo);
    expect(await chunk(station, uploadId, photo, 0)).toEqual({ ok: true, value: { received: CHUNK } });

    // The disk fills while the second chunk is written: a part of its record fits, not the rest.
    disk.fill(100_000);
    const refused = await chunk(station, uploadId, photo, CHUNK);
    expect(refused).toMatchObject({ ok: false, error: { code: 'disk_full' } });

    // Space comes back; the page sends the same chunk again, then the rest.
    disk.release();
    expect(await chunk(station, uploadId, photo, CHUNK)).toEqual({ ok: true, value: { received: 2 * CHUNK } });
    expect(await chunk(station, uploadId, photo, 2 * CHUNK)).toEqual({ ok: true, value: { received: 3 * CHUNK } });
    const attachment = await station.value('attachments.finish', { uploadId });
    expect(attachment.sha256).toBe(sha(photo));

    // What is on disk is the photo, whole: it reads back, and the region gets it.
    expect(sha(stationFileSealer(dataDir).read(storedPath(dataDir, attachment.sha256)))).toBe(sha(photo));
    await until(
      () => media(attachment.id),
      (status) => status === 200,
      'the photo at the region',
    );
    const status = await station.value('station.status', {});
    expect(status.sync.parked).toBe(0);
  });

  it('checks the sealed copy it stored at finish, not only the bytes it received', async () => {
    const dataDir = tempDir();
    const { station, act } = await stationWithHub(dataDir);
    const photo = randomBytes(2 * CHUNK);
    const { uploadId } = await begin(station, act.id, photo);
    for (const offset of [0, CHUNK]) await chunk(station, uploadId, photo, offset);
    // The transfer's file changed under the station (a failing disk): one byte of its first record.
    const part = path.join(dataDir, 'uploads', `${uploadId}.part`);
    const sealed = fs.readFileSync(part);
    sealed[1000] = sealed[1000]! ^ 0xff;
    fs.writeFileSync(part, sealed);

    const finished = await station.call('attachments.finish', { uploadId });
    expect(finished).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('stored copy') },
    });
    // Nothing was kept: neither the file nor its record.
    expect(fs.existsSync(storedPath(dataDir, sha(photo)))).toBe(false);
    expect((await station.value('encounters.get', { id: act.id })).attachments).toEqual([]);
  });

  it('replaces a damaged stored copy when the same file is added again, and sends the parked one again', async () => {
    const dataDir = tempDir();
    // A photo kept before the region was configured; meanwhile its stored copy is damaged (as an
    // earlier version's torn write left it): once the region is there, the sync parks it.
    const offline = openStation(dataDir);
    const act = await actWithConsent(offline);
    const photo = randomBytes(CHUNK + 1000);
    const parkedOne = await add(offline, act.id, photo);
    await offline.close();
    const file = storedPath(dataDir, parkedOne.sha256);
    const sealed = fs.readFileSync(file);
    sealed[CHUNK / 2] = sealed[CHUNK / 2]! ^ 0xff;
    fs.writeFileSync(file, sealed);
    const { station, media } = await stationWithHub(dataDir, act);
    await until(
      () => station.value('station.status', {}),
      (s) => s.sync.parked === 1,
      'the damaged file parked',
    );
    expect((await station.value('sync.details', {})).parked).toEqual([
      expect.objectContaining({
        entity: 'attachment',
        entityId: parkedOne.id,
        error: expect.stringContaining('damaged'),
      }),
    ]);

    // The same photo added again (to the act): its good copy replaces the damaged one, and the parked file goes again.
    const again = await add(station, act.id, photo);
    expect(sha(stationFileSealer(dataDir).read(file))).toBe(sha(photo));
    await until(
      () => media(again.id),
      (status) => status === 200,
      'the photo added again at the region',
    );
    await until(
      () => media(parkedOne.id),
      (status) => status === 200,
      'the parked photo at the region',
    );
    expect((await station.value('station.status', {})).sync.parked).toBe(0);
  });

  it('keeps no torn record in images dropped on the page either: resent, they scan and import whole', async () => {
    const disk = tmpfs(8);
    const dataDir = path.join(disk.root, 'data');
    const { station, act } = await stationWithHub(dataDir);
    const slices = writeSyntheticCt(path.join(tempDir(), 'ct'), 3, 256, 'DURAND^JEANNE').map((file) =>
      fs.readFileSync(file),
    );
    const { dropId } = await station.value('imaging.dropBegin', {});
    const dropChunk = (file: number, offset: number) =>
      station.call('imaging.dropChunk', {
        dropId,
        file,
        offset,
        data: slices[file]!.subarray(offset, offset + 100_000).toString('base64'),
      });
    expect(await dropChunk(0, 0)).toMatchObject({ ok: true });
    disk.fill(8_000);
    expect(await dropChunk(0, 100_000)).toMatchObject({ ok: false, error: { code: 'disk_full' } });
    disk.release();
    for (const [file, bytes] of slices.entries()) {
      for (let offset = file === 0 ? 100_000 : 0; offset < bytes.length; offset += 100_000)
        expect(await dropChunk(file, offset)).toMatchObject({ ok: true });
    }
    const scan = await station.value('imaging.dropScan', { dropId });
    expect(scan.refused).toEqual([]);
    expect(scan.studies.map((s) => s.instances)).toEqual([3]);
    const imported = await station.value('imaging.import', {
      scanId: scan.scanId,
      studyUids: [scan.studies[0]!.studyUid],
      patientId: act.patientId,
      encounterId: act.id,
      confirmations: [{ studyUid: scan.studies[0]!.studyUid, checkedBy: 'Dr Guillou' }],
    });
    expect(imported.instances).toBe(3);
  });
});
