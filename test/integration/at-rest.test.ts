// Encryption at rest, as issue 8 asks it to be shown: after a patient, an act, a photo and a CT
// brought in by drag and drop, no file under the data folder holds any of it in the clear (name
// in every spelling the station stores, INS, the act's reason, the photo's bytes, the DICOM's
// patient name), while the station runs and after it stops. A copy of the folder without its key
// ("a stolen disk") is refused; with the key, everything is there.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataKeyError, defaultKeyFile } from '../../src/main/platform/security/data-key';
import { validatedIdentity } from '../helpers/identities';
import { consentTo } from '../helpers/consent';
import { openStation } from '../helpers/station';
import { stationDatabase, stationFileSealer } from '../helpers/station-database';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir('relais-at-rest-');
const opened: { close(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const station of opened.splice(0)) await station.close();
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const REASON = 'Ulcère variqueux KERMARQUEUR';
const PHOTO_MARK = 'PHOTO-DERMATO-7F3A';

/** Every file under a folder, however deep. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Each needle in the forms a file could hold it: as given, upper and lower case, UTF-8 and UTF-16. */
function forms(needle: string | Buffer): Buffer[] {
  if (Buffer.isBuffer(needle)) return [needle];
  const texts = [...new Set([needle, needle.toUpperCase(), needle.toLowerCase()])];
  return texts.flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le')]);
}

/** Which needles are found in which files, in the clear. */
function plaintextIn(dir: string, needles: (string | Buffer)[]): string[] {
  const found: string[] = [];
  for (const file of filesUnder(dir)) {
    const bytes = fs.readFileSync(file);
    for (const needle of needles)
      if (forms(needle).some((f) => bytes.includes(f)))
        found.push(`${path.relative(dir, file)}: ${Buffer.isBuffer(needle) ? 'photo bytes' : needle}`);
  }
  return found;
}

async function recordEverything(dataDir: string) {
  const station = openStation(dataDir);
  opened.push(station);
  const created = await station.value('patients.create', {
    identity: validatedIdentity({
      birthName: 'Kerguelen',
      firstName: 'Maëlys',
      birthFirstNames: 'Maëlys Anne',
      usedName: 'Tréguier',
    }),
  });
  if (created.status !== 'created') throw new Error('patient not created');
  const patientId = created.patient.id;
  const act = await station.value('encounters.create', {
    patientId,
    act: 'teleconsultation',
    assisted: true,
    requester: { name: 'IDE Morvan', role: 'nurse' },
    site: 'EHPAD Les Tilleuls',
    specialty: 'dermatologie',
    reason: REASON,
    expert: null,
  });

  await consentTo(station, act.id);
  // A photo of the act, sent in two chunks.
  const photo = Buffer.concat([randomBytes(200_000), Buffer.from(PHOTO_MARK), randomBytes(100_000)]);
  const { uploadId } = await station.value('attachments.begin', {
    encounterId: act.id,
    kind: 'snapshot',
    mime: 'image/png',
    size: photo.length,
    sha256: sha(photo),
    bodySite: null,
    device: 'Dermatoscope',
    author: 'IDE Morvan',
    takenAt: '2026-11-23T10:05:00.000Z',
  });
  await station.value('attachments.chunk', {
    uploadId,
    offset: 0,
    data: photo.subarray(0, 150_000).toString('base64'),
  });
  // Half-way through the transfer, nothing is in the clear either.
  const midTransfer = plaintextIn(dataDir, [PHOTO_MARK, photo.subarray(0, 64)]);
  await station.value('attachments.chunk', {
    uploadId,
    offset: 150_000,
    data: photo.subarray(150_000).toString('base64'),
  });
  await station.value('attachments.finish', { uploadId });

  // A CT in her name, dropped on the import screen, then imported.
  const ct = writeSyntheticCt(
    path.join(path.dirname(dataDir), 'cd-rom'),
    3,
    32,
    'KERGUELEN^MAELYS',
    '1.2.826.0.1.3680043.10.777',
  );
  const { dropId } = await station.value('imaging.dropBegin', {});
  for (const [i, file] of ct.entries())
    await station.value('imaging.dropChunk', {
      dropId,
      file: i,
      offset: 0,
      data: fs.readFileSync(file).toString('base64'),
    });
  const midDrop = plaintextIn(dataDir, ['KERGUELEN^MAELYS']);
  const scan = await station.value('imaging.dropScan', { dropId });
  expect(scan.studies).toHaveLength(1);
  await station.value('imaging.import', {
    scanId: scan.scanId,
    studyUids: [scan.studies[0]!.studyUid],
    patientId,
    encounterId: act.id,
    confirmations: [{ studyUid: scan.studies[0]!.studyUid, checkedBy: 'Dr Kerleau' }],
  });
  // A backup of the database in the data folder (issue 17, point 3): encrypted like the database.
  await station.value('database.backup', {});
  return { station, patientId, photo, midTransfer, midDrop };
}

// Names as the station keeps them (INS rules: capitals, no diacritics), the matricule, the act's
// words, the photo's mark and raw bytes, and the DICOM's patient name.
const NEEDLES = (photo: Buffer) => [
  'Kerguelen',
  'MAELYS',
  'TREGUIER',
  '206127511100564',
  REASON,
  'KERMARQUEUR',
  PHOTO_MARK,
  photo.subarray(100_000, 100_064),
  'KERGUELEN^MAELYS',
];

describe('encryption at rest', () => {
  it('leaves no plaintext of the patient, the act, the photo or the images in any file under the data folder', async () => {
    const dataDir = path.join(tempDir(), 'Relais');
    const { station, patientId, photo, midTransfer, midDrop } = await recordEverything(dataDir);
    expect(midTransfer).toEqual([]);
    expect(midDrop).toEqual([]);

    // The needles are the right ones: what the station gives back holds every one of them.
    const control = path.join(tempDir(), 'control');
    fs.mkdirSync(control);
    fs.writeFileSync(
      path.join(control, 'patient.json'),
      JSON.stringify(await station.value('patients.get', { id: patientId })),
    );
    fs.writeFileSync(path.join(control, 'photo.png'), photo);
    fs.writeFileSync(
      path.join(control, 'act.json'),
      JSON.stringify(await station.value('encounters.forPatient', { patientId })),
    );
    fs.copyFileSync(
      writeSyntheticCt(path.join(tempDir(), 'ct'), 1, 32, 'KERGUELEN^MAELYS')[0]!,
      path.join(control, 'ct.dcm'),
    );
    const db = stationDatabase(dataDir, { readonly: true });
    fs.writeFileSync(
      path.join(control, 'tokens.json'),
      JSON.stringify(db.prepare('SELECT * FROM patient_name_tokens').all()),
    );
    db.close();
    const inControl = new Set(plaintextIn(control, NEEDLES(photo)).map((f) => f.split(': ')[1]));
    expect(
      NEEDLES(photo)
        .map((n) => (Buffer.isBuffer(n) ? 'photo bytes' : n))
        .filter((n) => !inControl.has(n)),
    ).toEqual([]);

    // The station's folder, while it runs (WAL and shared memory included, and its backup), then once stopped.
    expect(filesUnder(dataDir).length).toBeGreaterThan(6);
    const [backup] = await station.value('database.backups', {});
    expect(await station.value('database.checkBackup', { name: backup!.name })).toMatchObject({
      ok: true,
      patients: 1,
      encounters: 1,
    });
    expect(plaintextIn(dataDir, NEEDLES(photo))).toEqual([]);
    opened.splice(0);
    await station.close();
    expect(plaintextIn(dataDir, NEEDLES(photo))).toEqual([]);
  });

  it('refuses a copy of the folder without its key, and opens it whole with the key', async () => {
    const dataDir = path.join(tempDir(), 'Relais');
    const { station, patientId } = await recordEverything(dataDir);
    opened.splice(0);
    await station.close();

    const stolen = path.join(tempDir(), 'Relais');
    fs.cpSync(dataDir, stolen, { recursive: true });
    expect(() => openStation(stolen)).toThrow(DataKeyError);
    expect(() => openStation(stolen)).toThrow(/are encrypted, but their key is not at/);
    expect(fs.existsSync(defaultKeyFile(stolen))).toBe(false);

    fs.copyFileSync(defaultKeyFile(dataDir), defaultKeyFile(stolen));
    const restored = openStation(stolen);
    opened.push(restored);
    expect(await restored.value('patients.search', { name: 'Kerguelen' })).toEqual([
      expect.objectContaining({ id: patientId }),
    ]);
    const [study] = await restored.value('imaging.studies', { patientId });
    const series = await restored.value('imaging.series', { seriesUid: study!.series[0]!.seriesUid });
    const frame = await restored.value('imaging.frame', { sopInstanceUid: series.images[0]!.sopInstanceUid, frame: 0 });
    expect(frame).toMatchObject({ rows: 32, columns: 32 });
  });

  it('encrypts, on its first start, the folder of a station that kept its records in the clear', async () => {
    const dataDir = path.join(tempDir(), 'Relais');
    const { station, patientId, photo } = await recordEverything(dataDir);
    opened.splice(0);
    await station.close();
    // The folder as a version before encryption left it: database and files in the clear, no key.
    const sealer = stationFileSealer(dataDir);
    const db = stationDatabase(dataDir);
    db.pragma('journal_mode = DELETE');
    db.pragma("rekey = ''");
    db.close();
    for (const file of filesUnder(path.join(dataDir, 'attachments'))) fs.writeFileSync(file, sealer.read(file));
    fs.rmSync(defaultKeyFile(dataDir));
    expect(plaintextIn(dataDir, ['KERGUELEN', PHOTO_MARK, 'KERGUELEN^MAELYS']).length).toBeGreaterThanOrEqual(3);

    const upgraded = openStation(dataDir);
    opened.push(upgraded);
    expect(plaintextIn(dataDir, NEEDLES(photo))).toEqual([]);
    expect(await upgraded.value('patients.search', { name: 'Kerguelen' })).toEqual([
      expect.objectContaining({ id: patientId }),
    ]);
    const [study] = await upgraded.value('imaging.studies', { patientId });
    const series = await upgraded.value('imaging.series', { seriesUid: study!.series[0]!.seriesUid });
    expect(
      await upgraded.value('imaging.frame', { sopInstanceUid: series.images[0]!.sopInstanceUid, frame: 0 }),
    ).toMatchObject({ rows: 32 });
    const kept = filesUnder(path.join(dataDir, 'attachments')).map((f) => stationFileSealer(dataDir).read(f));
    expect(kept.some((bytes) => bytes.equals(photo))).toBe(true);
  });
});
