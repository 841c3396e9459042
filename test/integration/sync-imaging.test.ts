// An imaging study imported into an act reaches the region as an ImagingStudy for the patient
// and the act, with every series and instance by its DICOM UID; imported again (nothing new),
// it is still one resource.
import { afterEach, describe, expect, it } from 'vitest';
import { startHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { silentLogger } from '../../src/main/platform/logger';
import { createStation } from '../../src/main/station';
import { imagingStudyResourceId } from '../../src/main/sync/fhir/imaging-study';
import { contractValue } from '../helpers/contract-value';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const SECRET = 'imaging-sync-secret';
const token = issueToken(SECRET, {
  sub: 'cart-6',
  role: 'station',
  name: 'Chariot 6',
  site: 'CH Morlaix',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 600,
});
const DRIVE = '/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests';
const PETER_CT = '1.3.6.1.4.1.5962.1.1.0.0.0.1196533885.18148.0.1';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const value = contractValue;

describe('imaging sync', () => {
  it('sends an imported study as an ImagingStudy of the patient and the act', async () => {
    const hub = await startHub({ secret: SECRET, turnSecret: 'x', turnUrls: [], offers: [] });
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
    const created = await value(station, 'patients.create', {
      identity: {
        birthName: 'Doe',
        firstName: 'Peter',
        birthDate: '1960-05-04',
        sex: 'M',
        birthplaceCode: '29019',
        identityStatus: 'PROV',
      },
    });
    if (created.status !== 'created') throw new Error('patient');
    const act = await value(station, 'encounters.create', {
      patientId: created.patient.id,
      act: 'teleconsultation',
      assisted: false,
      requester: { name: 'Dr Urgences', role: 'physician' },
      site: 'CH Morlaix',
      reason: 'Céphalées brutales',
    });
    const scan = await value(station, 'imaging.scan', { folder: DRIVE });
    await value(station, 'imaging.import', {
      scanId: scan.scanId,
      studyUids: [PETER_CT],
      patientId: created.patient.id,
      encounterId: act.id,
    });

    const url = `${hub.fhirUrl}/ImagingStudy/${imagingStudyResourceId(PETER_CT)}`;
    let study: Record<string, any> | null = null;
    for (let i = 0; i < 250 && !study; i++) {
      const r = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      if (r.status === 200) study = (await r.json()) as Record<string, any>;
      else await new Promise((done) => setTimeout(done, 20));
    }
    expect(study).toMatchObject({
      resourceType: 'ImagingStudy',
      status: 'available',
      subject: { reference: `Patient/${created.patient.id}` },
      encounter: { reference: `Encounter/${act.id}` },
      numberOfSeries: 3,
      numberOfInstances: 11,
      identifier: expect.arrayContaining([{ system: 'urn:dicom:uid', value: `urn:oid:${PETER_CT}` }]),
    });
    expect((study!.series as { instance: unknown[] }[]).reduce((n, s) => n + s.instance.length, 0)).toBe(11);

    // The same study imported again: nothing new, still one resource.
    const again = await value(station, 'imaging.scan', { folder: DRIVE });
    await value(station, 'imaging.import', {
      scanId: again.scanId,
      studyUids: [PETER_CT],
      patientId: created.patient.id,
      encounterId: act.id,
    });
    await station.dispatch('sync.now', {});
    const search = (await (
      await fetch(`${hub.fhirUrl}/ImagingStudy?_count=50`, { headers: { Authorization: `Bearer ${token}` } })
    ).json()) as { entry?: unknown[] };
    expect(search.entry).toHaveLength(1);
  });
});
