// DICOMweb against a real PACS: Debian's Orthanc with its DICOMweb plugin, started on
// 127.0.0.1. A study is stored by STOW-RS, found by QIDO-RS (patient, date, modality), and
// retrieved by WADO-RS; the files retrieved read as the same images, down to the pixels the
// viewer shows. Garbage from a PACS is an
// error with its reason.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDicom } from '../../src/main/imaging/dicom-file';
import { readFrame } from '../../src/main/imaging/pixel-frame';
import { createDicomWebClient, DicomWebError, parseMultipart } from '../../src/main/imaging/dicomweb-client';
import { startOrthanc, type RunningOrthanc } from '../helpers/orthanc';

const DATA = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
let orthanc: RunningOrthanc;
beforeAll(async () => {
  orthanc = await startOrthanc();
}, 30_000);
afterAll(() => orthanc?.stop());

describe('DICOMweb with Orthanc', () => {
  it('stores a study (STOW-RS), finds it (QIDO-RS) and retrieves it (WADO-RS)', async () => {
    const client = createDicomWebClient({ baseUrl: orthanc.dicomWebUrl });
    const ct = new Uint8Array(fs.readFileSync(path.join(DATA, 'CT_small.dcm')));
    const mr = new Uint8Array(fs.readFileSync(path.join(DATA, 'MR_small.dcm')));
    const local = readDicom(ct);
    if (!local.ok) throw new Error('CT_small');

    const stored = await client.store([ct, mr]);
    expect(stored.failed).toEqual([]);
    expect(stored.stored).toContain(local.instance.sopInstanceUid);

    const byPatient = await client.searchStudies({ patientId: local.instance.patient.id! });
    expect(byPatient).toEqual([
      expect.objectContaining({ studyUid: local.instance.studyInstanceUid, modalities: ['CT'], instances: 1 }),
    ]);
    expect(await client.searchStudies({ modality: 'CT' })).toHaveLength(1);
    expect(await client.searchStudies({ patientId: 'nobody-here' })).toEqual([]);

    const series = await client.searchSeries(local.instance.studyInstanceUid);
    expect(series).toEqual([expect.objectContaining({ seriesUid: local.instance.seriesInstanceUid, modality: 'CT' })]);
    const files = await client.retrieveSeries(local.instance.studyInstanceUid, local.instance.seriesInstanceUid);
    expect(files).toHaveLength(1);
    const retrieved = readDicom(files[0]!);
    expect(retrieved).toMatchObject({
      ok: true,
      instance: { sopInstanceUid: local.instance.sopInstanceUid, image: { rows: 128, columns: 128 } },
    });
    // What the viewer would show: the retrieved image's pixels, rescale and window are the original's.
    const [shown, original] = await Promise.all([readFrame(files[0]!, 0), readFrame(ct, 0)]);
    if (!shown.ok || !original.ok) throw new Error('frame');
    expect(Buffer.from(shown.frame.data).equals(Buffer.from(original.frame.data))).toBe(true);
    expect({ ...shown.frame, data: null }).toEqual({ ...original.frame, data: null });
  });

  it('says what is wrong when the PACS refuses or answers garbage', async () => {
    const client = createDicomWebClient({ baseUrl: orthanc.dicomWebUrl });
    await expect(client.retrieveSeries('1.2.3', '4.5.6')).rejects.toThrow(DicomWebError);
    const garbage = createDicomWebClient({
      baseUrl: 'http://127.0.0.1:9',
      fetch: async () =>
        new Response('<html>proxy login</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
    });
    await expect(garbage.searchStudies({})).rejects.toThrow(/not JSON/);
    await expect(garbage.retrieveSeries('1', '2')).rejects.toThrow(/text\/html where DICOM files were asked for/);
    const offline = createDicomWebClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    await expect(offline.searchStudies({})).rejects.toThrow(/did not answer/);
    expect(() =>
      parseMultipart(
        new TextEncoder().encode('--b\r\nContent-Type: application/dicom\r\n\r\nabc'),
        'multipart/related; boundary=b',
      ),
    ).toThrow(/cut in the middle/);
  });
});
