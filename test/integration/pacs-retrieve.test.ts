// The station and the hospital PACS (Debian's Orthanc with DICOMweb, on 127.0.0.1): a study
// stored there by STOW-RS is found by the patient's name (QIDO-RS), retrieved (WADO-RS) into the
// patient's record through the same checks as a CD, and shown by the viewer's channels. A
// station without a PACS, or a PACS that does not answer, says so. An act's photo goes the
// other way, as a secondary capture in the patient's name.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../src/main/imaging/dicom-file';
import { createDicomWebClient } from '../../src/main/imaging/dicomweb-client';
import { startOrthanc, type RunningOrthanc } from '../helpers/orthanc';
import { consentTo } from '../helpers/consent';
import { openStation } from '../helpers/station';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
let orthanc: RunningOrthanc;
const opened: { close(): Promise<void> | void }[] = [];
beforeAll(async () => {
  orthanc = await startOrthanc();
}, 30_000);
afterAll(() => orthanc?.stop());
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const yvonne = {
  birthName: 'Kerguelen',
  firstName: 'Yvonne',
  birthDate: '1948-02-11',
  sex: 'F' as const,
  birthplaceCode: '29019',
  identityStatus: 'PROV' as const,
};

describe('the hospital PACS', () => {
  it('finds a patient’s CT by name, retrieves it into her record, and the viewer reads it', async () => {
    const drive = tempDir();
    const files = writeSyntheticCt(drive, 12, 128, 'KERGUELEN^YVONNE');
    await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).store(
      files.map((f) => new Uint8Array(fs.readFileSync(f))),
    );

    const dir = tempDir();
    const station = openStation(dir, undefined, { pacsUrl: orthanc.dicomWebUrl });
    opened.push(station);
    const created = await station.value('patients.create', { identity: yvonne });
    if (created.status !== 'created') throw new Error('patient');
    const found = await station.value('pacs.search', { patientName: 'KERGUELEN*', modality: 'CT' });
    expect(found).toEqual([
      expect.objectContaining({
        patientName: 'KERGUELEN^YVONNE',
        modalities: ['CT'],
        instances: 12,
        alreadyImported: false,
      }),
    ]);
    expect(await station.value('pacs.search', { patientName: 'NOBODY*' })).toEqual([]);

    const imported = await station.value('pacs.retrieve', {
      studyUid: found[0]!.studyUid,
      patientId: created.patient.id,
    });
    expect(imported).toMatchObject({ studies: 1, instances: 12 });
    const [study] = await station.value('imaging.studies', { patientId: created.patient.id });
    const series = await station.value('imaging.series', { seriesUid: study!.series[0]!.seriesUid });
    expect(series.images).toHaveLength(12);
    const frame = await station.value('imaging.frame', { sopInstanceUid: series.images[6]!.sopInstanceUid, frame: 0 });
    expect(frame).toMatchObject({ rows: 128, columns: 128, rescale: { intercept: -1024, unit: 'HU' } });
    expect(await station.value('pacs.search', { patientName: 'KERGUELEN*' })).toEqual([
      expect.objectContaining({ alreadyImported: true }),
    ]);
    // The retrieved files waited in the inbox only for their import.
    expect(fs.readdirSync(path.join(dir, 'pacs-inbox'))).toEqual([]);
  });

  it('holds back a study in another name until a person has checked it', async () => {
    const drive = tempDir();
    const files = writeSyntheticCt(drive, 3, 64, 'LE GALL^ANNE', '1.2.826.0.1.3680043.10.1234.77');
    await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).store(
      files.map((f) => new Uint8Array(fs.readFileSync(f))),
    );
    const station = openStation(tempDir(), undefined, { pacsUrl: orthanc.dicomWebUrl });
    opened.push(station);
    const created = await station.value('patients.create', { identity: yvonne });
    if (created.status !== 'created') throw new Error('patient');
    const [study] = await station.value('pacs.search', { patientName: 'LE*' }); // Orthanc 1.10 here matches no name with a space in it ("LE GALL*"), even sent as %20
    expect(
      await station.call('pacs.retrieve', { studyUid: study!.studyUid, patientId: created.patient.id }),
    ).toMatchObject({ ok: false, error: { fields: [{ code: 'imaging.patient_mismatch' }] } });
    expect(await station.value('imaging.studies', { patientId: created.patient.id })).toEqual([]);
  });

  it('says when there is no PACS, or when it does not answer', async () => {
    const none = openStation(tempDir());
    opened.push(none);
    expect(await none.call('pacs.search', { patientName: 'X*' })).toMatchObject({
      ok: false,
      error: { code: 'pacs_unavailable', message: expect.stringContaining('RELAIS_PACS_URL') },
    });
    const away = openStation(tempDir(), undefined, { pacsUrl: 'http://127.0.0.1:9/dicom-web' });
    opened.push(away);
    expect(await away.call('pacs.search', { patientName: 'X*' })).toMatchObject({
      ok: false,
      error: { code: 'pacs_unavailable', message: expect.stringContaining('did not answer') },
    });
  });
});

describe('photos to the PACS', () => {
  it('sends an act’s photo as a secondary capture in the patient’s name, found again by QIDO', async () => {
    const station = openStation(tempDir(), undefined, { pacsUrl: orthanc.dicomWebUrl });
    opened.push(station);
    const created = await station.value('patients.create', {
      identity: { ...yvonne, birthName: 'Kerhervé', firstName: 'Loïc', sex: 'M' },
    });
    if (created.status !== 'created') throw new Error('patient');
    const act = await station.value('encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: true,
      requester: { name: 'IDE Morvan', role: 'nurse' },
      site: 'EHPAD',
      reason: 'Plaie',
    });
    await consentTo(station, act.id, 'recording');
    await consentTo(station, act.id, 'image_sharing');
    const png = new PNG({ width: 4, height: 4 });
    png.data.fill(180);
    const data = new Uint8Array(PNG.sync.write(png));
    const sha256 = createHash('sha256').update(data).digest('hex');
    const { uploadId } = await station.value('attachments.begin', {
      encounterId: act.id,
      kind: 'snapshot',
      mime: 'image/png',
      size: data.length,
      sha256,
      bodySite: null,
      device: 'Dermatoscope',
      author: 'IDE Morvan',
      takenAt: '2026-11-23T10:12:00.000Z',
      title: 'Plaie du talon',
    });
    await station.value('attachments.chunk', { uploadId, offset: 0, data: Buffer.from(data).toString('base64') });
    const photo = await station.value('attachments.finish', { uploadId });

    expect(await station.value('pacs.status', {})).toEqual({ configured: true });
    const sent = await station.value('pacs.sendPhoto', { attachmentId: photo.id });
    const found = await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).searchStudies({
      patientName: 'KERHERV*',
    });
    // The station keeps INS traits in capitals without accents (the INS rules), so does the PACS.
    expect(found).toEqual([
      expect.objectContaining({
        patientName: 'KERHERVE^LOIC',
        modalities: ['XC'],
        instances: 1,
        description: 'Photographies de téléconsultation',
      }),
    ]);
    const [series] = await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).searchSeries(found[0]!.studyUid);
    const [file] = await createDicomWebClient({ baseUrl: orthanc.dicomWebUrl }).retrieveSeries(
      found[0]!.studyUid,
      series!.seriesUid,
    );
    expect(readDicom(file!)).toMatchObject({
      ok: true,
      instance: { sopInstanceUid: sent.sopInstanceUid, patient: { id: created.patient.id } },
    });

    // A sound is not a photo; without a PACS, nothing is sent.
    expect(await station.call('pacs.sendPhoto', { attachmentId: 'no-such-file' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const none = openStation(tempDir());
    opened.push(none);
    expect(await none.value('pacs.status', {})).toEqual({ configured: false });
  });
});
