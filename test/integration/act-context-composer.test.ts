// The act's context composed in main for the expert (issue 21, point 1), on a real station: the
// act, its patient's banner traits (the INS only once qualified through INSi, never a typed one),
// its consents with who gave and collected them, its measurements with time and device, and its
// files named, never their bytes. `encounters.context` answers it for the page to send.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActContextSchema } from '../../src/shared/calls/act-context';
import { MARTIN_IN_NATIONAL_BASE, PARIS_1906_MATRICULE, validatedIdentity } from '../helpers/identities';
import { startInsiDouble, type InsiDouble } from '../helpers/insi-double';
import { qualifyThroughInsi } from '../helpers/insi-station';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { INS_OID } from '../../src/shared/patients/ins';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
let insi: InsiDouble;
beforeAll(async () => {
  insi = await startInsiDouble({ people: [MARTIN_IN_NATIONAL_BASE] });
});
afterAll(() => insi.close());
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const nurse = { name: 'IDE Morvan', role: 'nurse' as const, rpps: '10003456789' };

async function actFor(station: ReturnType<typeof openStation>, patientId: string) {
  return station.value('encounters.create', {
    patientId,
    act: 'teleconsultation',
    assisted: true,
    requester: nurse,
    site: 'EHPAD Ker Anna',
    reason: 'Plaie du talon gauche',
  });
}

describe('the act context composed for the expert', () => {
  it('carries the act, the qualified patient with her INS, the consent, a vital and a photo named only', async () => {
    const station = openStation(tempDir(), undefined, { insi: { url: insi.url, token: null } });
    opened.push(station);
    const patient = await qualifyThroughInsi(station);
    const act = await actFor(station, patient.id);
    for (const scope of ['act', 'recording'] as const)
      await station.value('encounters.consent', {
        encounterId: act.id,
        scope,
        decision: 'given',
        givenBy: { kind: 'trusted_person', name: 'Paul Durand' },
        collectedBy: 'IDE Morvan',
        collectedAt: '2026-11-23T09:41:00.000Z',
      });
    await station.value('encounters.observe', {
      encounterId: act.id,
      vital: { code: 'blood_pressure', systolic: 131, diastolic: 79, unit: 'mm[Hg]' },
      takenAt: '2026-11-23T09:42:00.000Z',
      method: 'device',
      device: 'Omron M7',
      takenBy: 'IDE Morvan',
    });
    const photo = randomBytes(2048);
    const { uploadId } = await station.value('attachments.begin', {
      encounterId: act.id,
      kind: 'snapshot',
      mime: 'image/png',
      size: photo.length,
      sha256: createHash('sha256').update(photo).digest('hex'),
      bodySite: null,
      title: null,
      device: 'Dermatoscope',
      author: 'IDE Morvan',
      takenAt: '2026-11-23T09:43:00.000Z',
    });
    await station.value('attachments.chunk', { uploadId, offset: 0, data: photo.toString('base64') });
    await station.value('attachments.finish', { uploadId });

    const context = await station.value('encounters.context', { id: act.id });
    expect(ActContextSchema.parse(context)).toEqual(context);
    expect(context).toMatchObject({
      act: {
        id: act.id,
        type: 'teleconsultation',
        reason: 'Plaie du talon gauche',
        status: 'draft',
        site: 'EHPAD Ker Anna',
        requester: nurse,
      },
      patient: {
        birthName: patient.birthName,
        usedName: patient.usedName,
        firstName: patient.firstName,
        usedFirstName: null,
        birthDate: '1906-12-03',
        sex: 'F',
        identityStatus: 'QUAL',
        ins: { matricule: PARIS_1906_MATRICULE, oid: INS_OID.NIR },
      },
      consents: [
        { scope: 'act', decision: 'given', givenBy: { kind: 'trusted_person', name: 'Paul Durand' } },
        { scope: 'recording', collectedBy: 'IDE Morvan', collectedAt: '2026-11-23T09:41:00.000Z' },
      ],
      measurements: [
        {
          kind: 'blood_pressure',
          values: [131, 79],
          unit: 'mm[Hg]',
          takenAt: '2026-11-23T09:42:00.000Z',
          device: 'Omron M7',
          takenBy: 'IDE Morvan',
        },
      ],
      files: [{ kind: 'photo', name: 'Dermatoscope', takenAt: '2026-11-23T09:43:00.000Z', author: 'IDE Morvan' }],
    });
    expect(JSON.stringify(context)).not.toContain(photo.toString('base64').slice(0, 40));
  });

  it('never sends a typed INS: a validated identity goes without one', async () => {
    const station = openStation(tempDir());
    opened.push(station);
    const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
    if (created.status !== 'created') throw new Error('patient not created');
    const act = await actFor(station, created.patient.id);
    const context = await station.value('encounters.context', { id: act.id });
    expect(context.patient).toMatchObject({ identityStatus: 'VALI', ins: null, usedName: 'DURAND' });
    expect(JSON.stringify(context)).not.toContain('00564');
  });

  it('answers not_found for an act this station does not hold', async () => {
    const station = openStation(tempDir());
    opened.push(station);
    const result = await station.call('encounters.context', { id: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
