// A study is never filed under the wrong patient (issue 18, point 13). Identity vigilance asks
// that a document be attached to a record only once its identity traits were compared with the
// record's (Référentiel national d'identitovigilance, RNIV volet 1 "principes communs", 2021:
// the strict traits, birth name, first names, birth date, sex); DICOM carries them in the
// Patient module (PS3.3 C.7.1.1: Patient's Name, Patient ID, Birth Date, Sex). A drive holding
// three people's studies (Debian's pydicom DICOMDIR test set: Peter Doe, Archibald Doe, Jan
// Citizen) files only the chosen patient's, unless a named person confirms one other study,
// for that study only; each such confirmation is in the audit trail with who and which study.
import { afterEach, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/shared/imaging/imaging';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const DRIVE = '/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests';
const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function setup() {
  const station = openStation(tempDir());
  opened.push(station);
  const created = await station.value('patients.create', {
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
  const scan: ScanReport = await station.value('imaging.scan', { folder: DRIVE });
  const of = (name: string) => scan.studies.filter((s) => s.patient.name === name).map((s) => s.studyUid);
  const [peter, archibald, jan] = [of('Doe^Peter'), of('Doe^Archibald'), of('Citizen^Jan')];
  expect([peter.length, archibald.length, jan.length]).toEqual([4, 2, 1]);
  const archibaldCt = scan.studies.find(
    (s) => s.patient.name === 'Doe^Archibald' && s.modalities.includes('CT'),
  )!.studyUid;
  return { station, patient: created.patient, scan, peter, archibald, jan, archibaldCt };
}

const mismatchedStudies = (result: {
  ok: boolean;
  error?: { fields?: { code: string; params?: Record<string, unknown> }[] };
}) =>
  (result.error?.fields ?? [])
    .filter((f) => f.code === 'imaging.patient_mismatch')
    .map((f) => f.params?.study)
    .sort();

describe('a drive holding three people’s studies (RNIV strict traits, DICOM PS3.3 C.7.1.1)', () => {
  it('files none of the others’ studies without a confirmation for each, and nothing meanwhile', async () => {
    const { station, patient, scan, peter, archibald, jan } = await setup();
    const all = [...peter, ...archibald, ...jan];
    const refused = await station.call('imaging.import', {
      scanId: scan.scanId,
      studyUids: all,
      patientId: patient.id,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(mismatchedStudies(refused)).toEqual([...archibald, ...jan].sort());
    expect(await station.value('imaging.studies', { patientId: patient.id })).toEqual([]);
  });

  it('a confirmation attaches that study only: a name typed once never spreads to the other people’s studies', async () => {
    const { station, patient, scan, peter, archibald, jan, archibaldCt } = await setup();
    const confirmations = [{ studyUid: archibaldCt, checkedBy: 'IDE Morvan' }];
    const all = await station.call('imaging.import', {
      scanId: scan.scanId,
      studyUids: [...peter, ...archibald, ...jan],
      patientId: patient.id,
      confirmations,
    });
    expect(mismatchedStudies(all)).toEqual([...archibald.filter((uid) => uid !== archibaldCt), ...jan].sort());
    expect(await station.value('imaging.studies', { patientId: patient.id })).toEqual([]);

    await station.value('imaging.import', {
      scanId: scan.scanId,
      studyUids: [...peter, archibaldCt],
      patientId: patient.id,
      confirmations,
    });
    const filed = await station.value('imaging.studies', { patientId: patient.id });
    expect(filed.map((s) => s.studyUid).sort()).toEqual([...peter, archibaldCt].sort());
    expect(
      filed.filter((s) => s.mismatchAcceptedBy).map((s) => [s.studyUid, s.mismatchAcceptedBy, s.dicomPatient.name]),
    ).toEqual([[archibaldCt, 'IDE Morvan', 'Doe^Archibald']]);

    // The audit trail: one override, with who confirmed it, the study and the patient it was filed under.
    const overrides = (await station.value('audit.recent', { limit: 50 })).filter(
      (e) => e.event === 'imaging.identity_override',
    );
    expect(overrides).toHaveLength(1);
    expect(overrides[0]).toMatchObject({
      entityType: 'imaging_study',
      entityId: archibaldCt,
      person: 'IDE Morvan',
      patientIds: [patient.id],
      outcome: 'success',
    });
    expect(overrides[0]!.detail).toMatch(/Doe\^Archibald.*first_name/);
  });

  it('refuses the old one-name-for-every-study field, and a confirmation for a study not imported', async () => {
    const { station, patient, scan, peter, archibald, jan, archibaldCt } = await setup();
    // One typed name for the whole import: it used to attach Archibald's and Jan's studies to Peter.
    const oldWay = await station.call('imaging.import', {
      scanId: scan.scanId,
      studyUids: [...archibald, ...jan],
      patientId: patient.id,
      acceptMismatchBy: 'IDE Morvan',
    } as never);
    expect(await station.value('imaging.studies', { patientId: patient.id })).toEqual([]);
    expect(oldWay).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const elsewhere = await station.call('imaging.import', {
      scanId: scan.scanId,
      studyUids: peter,
      patientId: patient.id,
      confirmations: [{ studyUid: archibaldCt, checkedBy: 'IDE Morvan' }],
    });
    expect(elsewhere).toMatchObject({
      ok: false,
      error: {
        fields: [{ path: 'confirmations', code: 'imaging.confirmation_without_study', params: { study: archibaldCt } }],
      },
    });
    const twice = [
      { studyUid: archibaldCt, checkedBy: 'IDE Morvan' },
      { studyUid: archibaldCt, checkedBy: 'Dr Kerleau' },
    ];
    expect(
      await station.call('imaging.import', {
        scanId: scan.scanId,
        studyUids: [archibaldCt],
        patientId: patient.id,
        confirmations: twice,
      }),
    ).toMatchObject({
      ok: false,
      error: { fields: [{ path: 'confirmations', code: 'imaging.confirmation_twice' }] },
    });
    expect(await station.value('imaging.studies', { patientId: patient.id })).toEqual([]);
  });

  it('gives the viewer what it overlays: the record’s patient, the study’s date, the name its images carry', async () => {
    const { station, patient, scan, archibaldCt } = await setup();
    await station.value('imaging.import', {
      scanId: scan.scanId,
      studyUids: [archibaldCt],
      patientId: patient.id,
      confirmations: [{ studyUid: archibaldCt, checkedBy: 'IDE Morvan' }],
    });
    const [study] = await station.value('imaging.studies', { patientId: patient.id });
    const series = await station.value('imaging.series', { seriesUid: study!.series[0]!.seriesUid });
    expect(series).toMatchObject({
      patient: { birthName: 'DOE', firstName: 'PETER', birthDate: '1960-05-04', sex: 'M' },
      study: { date: '19950903', dicomPatientName: 'Doe^Archibald', mismatchAcceptedBy: 'IDE Morvan' },
    });
  });
});
