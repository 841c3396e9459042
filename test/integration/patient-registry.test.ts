import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INS_OID } from '../../src/shared/patients/ins';
import { provisionalIdentity, validatedIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';
import { stationDatabase } from '../helpers/station-database';

const tempDir = useTempDir();
const opened: { close(): void }[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
const start = (dir = tempDir(), now?: () => Date) => {
  const station = openStation(dir, now);
  opened.push(station);
  return station;
};
const outboxRows = (dir: string) => {
  const db = stationDatabase(dir, { readonly: true });
  // The audit trail's rows ride the same outbox; they are checked in test/integration/audit-trail.test.ts.
  const rows = db
    .prepare("SELECT entity, entity_version, operation FROM outbox WHERE entity != 'audit' ORDER BY seq")
    .all();
  db.close();
  return rows;
};

describe('patient registry', () => {
  it('creates a validated patient, its typed number kept apart, writes its outbox row, and finds it again after a restart', async () => {
    const dir = tempDir();
    const station = start(dir);
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    expect(created.status).toBe('created');
    if (created.status !== 'created') return;
    expect(created.patient).toMatchObject({
      birthName: 'MARTIN',
      version: 1,
      identityStatus: 'VALI',
      ins: null,
      typedIns: { matricule: '206127511100564' },
    });
    expect(outboxRows(dir)).toEqual([{ entity: 'patient', entity_version: 1, operation: 'create' }]);
    station.close();
    opened.pop();

    const again = start(dir);
    expect(await again.value('patients.get', { id: created.patient.id })).toEqual(created.patient);
    expect((await again.value('station.status', {})).sync.pending).toBe(1);
  });

  it('stores nothing when the INS key is wrong, and says which field', async () => {
    const dir = tempDir();
    const station = start(dir);
    const result = await station.call('patients.create', {
      identity: validatedIdentity({ typedIns: { matricule: '206127511100565', oid: INS_OID.NIR } }),
    });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'validation_failed',
        fields: [{ path: 'identity.typedIns.matricule', code: 'ins.key_mismatch' }],
      }),
    });
    expect((await station.value('station.status', {})).patientCount).toBe(0);
    expect(outboxRows(dir)).toEqual([]);
  });

  it('refuses a birth date in the future by the station clock', async () => {
    const station = start(tempDir(), () => new Date('2026-11-22T10:00:00Z'));
    const result = await station.call('patients.create', {
      identity: provisionalIdentity({ birthDate: '2026-11-23' }),
    });
    expect(!result.ok && result.error.fields).toEqual([{ path: 'identity.birthDate', code: 'date.in_future' }]);
  });

  it('lets two patients carry the same typed number: a parent’s card may be typed for each child', async () => {
    const station = start();
    await station.value('patients.create', { identity: validatedIdentity() });
    const other = await station.value('patients.create', {
      identity: validatedIdentity({ birthName: 'Autre', firstName: 'Personne', birthFirstNames: 'Personne' }),
    });
    expect(other.status).toBe('created');
  });

  it('warns of a possible duplicate, creates only once told it is another person', async () => {
    const station = start();
    const first = await station.value('patients.create', { identity: provisionalIdentity() });
    if (first.status !== 'created') throw new Error('not created');
    const typo = provisionalIdentity({ birthName: 'Lefevbre', birthDate: '1985-12-05' });
    const warned = await station.value('patients.create', { identity: typo });
    expect(warned).toEqual({ status: 'possible_duplicates', candidates: [first.patient] });
    expect((await station.value('station.status', {})).patientCount).toBe(1);

    const forced = await station.value('patients.create', { identity: typo, notDuplicateOf: [first.patient.id] });
    expect(forced.status).toBe('created');
    expect((await station.value('station.status', {})).patientCount).toBe(2);
  });

  it('edits a patient with optimistic versions, keeps the previous version and queues the change', async () => {
    const dir = tempDir();
    const station = start(dir);
    const created = await station.value('patients.create', { identity: provisionalIdentity() });
    if (created.status !== 'created') throw new Error('not created');
    const { id } = created.patient;
    const edited = await station.value('patients.update', {
      id,
      version: 1,
      identity: provisionalIdentity({ usedName: 'Moreau' }),
    });
    expect(edited).toMatchObject({ version: 2, usedName: 'MOREAU', createdAt: created.patient.createdAt });

    const stale = await station.call('patients.update', {
      id,
      version: 1,
      identity: provisionalIdentity({ usedName: 'Petit' }),
    });
    expect(!stale.ok && stale.error.code).toBe('stale_version');
    expect((await station.value('patients.get', { id })).usedName).toBe('MOREAU');
    expect(outboxRows(dir)).toEqual([
      { entity: 'patient', entity_version: 1, operation: 'create' },
      { entity: 'patient', entity_version: 2, operation: 'update' },
    ]);
    const db = stationDatabase(dir, { readonly: true });
    expect(db.prepare('SELECT version FROM patient_revisions WHERE patient_id = ?').all(id)).toEqual([{ version: 1 }]);
    db.close();
  });

  it('lets the traits of an identity INSi did not give be corrected by hand (INSi’s are locked: identity-vigilance.test.ts)', async () => {
    const station = start();
    const created = await station.value('patients.create', { identity: validatedIdentity() });
    if (created.status !== 'created') throw new Error('not created');
    const edited = await station.value('patients.update', {
      id: created.patient.id,
      version: 1,
      identity: validatedIdentity({ birthFirstNames: 'Jeanne Marie' }),
    });
    expect(edited.birthFirstNames).toBe('JEANNE MARIE');
  });

  it('creates its data folder readable by its owner only', async () => {
    const dir = path.join(tempDir(), 'new-station');
    start(dir);
    expect((await import('node:fs')).statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('answers not_found for an unknown patient', async () => {
    const result = await start().call('patients.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(!result.ok && result.error.code).toBe('not_found');
  });

  it('searches by name (birth or used, accents ignored), birth date and INS', async () => {
    const station = start();
    await station.value('patients.create', { identity: validatedIdentity() });
    await station.value('patients.create', { identity: provisionalIdentity() });
    await station.value('patients.create', {
      identity: provisionalIdentity({ birthName: 'Lefort', firstName: 'Paul', sex: 'M', birthDate: '1990-01-01' }),
    });
    const names = async (query: Parameters<typeof station.value<'patients.search'>>[1]) =>
      (await station.value('patients.search', query)).map((p) => `${p.birthName} ${p.firstName}`);

    expect(await names({ name: 'lefèvre' })).toEqual(['LEFEVRE ELOISE']);
    expect(await names({ name: 'LEF' })).toEqual(['LEFEVRE ELOISE', 'LEFORT PAUL']);
    expect(await names({ name: 'lef paul' })).toEqual(['LEFORT PAUL']);
    expect(await names({ name: 'durand' })).toEqual(['MARTIN JEANNE']); // used name
    expect(await names({ name: 'louise' })).toEqual(['MARTIN JEANNE']); // second first name
    expect(await names({ birthDate: '1985-05-12' })).toEqual(['LEFEVRE ELOISE']);
    expect(await names({ insMatricule: '2 06 12 75 111 005 64' })).toEqual(['MARTIN JEANNE']);
    expect(await names({ insMatricule: '2061275111005' })).toEqual(['MARTIN JEANNE']);
    expect(await names({ name: "'; DROP TABLE patients; --" })).toEqual([]);
    await station.value('patients.create', {
      identity: provisionalIdentity({ birthName: 'Le Gall', firstName: 'Yann', sex: 'M', birthDate: '1970-07-07' }),
    });
    expect(await names({ name: 'gall' })).toEqual(['LE GALL YANN']); // a word inside the name
    expect(await names({ name: 'legall' })).toEqual(['LE GALL YANN']); // typed without the space
    expect(await names({})).toHaveLength(4); // most recent first
  });

  it('tells the page when a patient changes', async () => {
    const station = start();
    const seen: string[] = [];
    station.events.on('patients.changed', ({ id }) => seen.push(id));
    const created = await station.value('patients.create', { identity: provisionalIdentity() });
    expect(seen).toEqual([created.status === 'created' ? created.patient.id : 'none']);
  });
});
