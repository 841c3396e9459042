// A station whose disk is full (issue 17, point 2), on a small tmpfs filled for real: the status
// says so with the space to free, the registry stays readable (each read's audit row waits in
// memory), a create and a new file are refused as disk_full saying how much to free, and once
// space is back the waiting rows are written first, in order, and the chain still verifies.
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validatedIdentity, provisionalIdentity } from '../helpers/identities';
import { consentTo } from '../helpers/consent';
import { openStation } from '../helpers/station';
import { useTmpfs } from '../helpers/tmpfs';
import { useTempDir } from '../helpers/temp-dir';
import { writeSyntheticCt } from '../helpers/synthetic-ct';

const tmpfs = useTmpfs();
const tempDir = useTempDir();
const MB = 1024 * 1024;

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('a full disk', () => {
  it('is said, keeps the registry readable, refuses creates and new files as disk_full, and writes the waiting audit rows in order once space is back', async () => {
    const disk = tmpfs(8);
    const station = openStation(path.join(disk.root, 'data'), undefined, {
      disk: { reserveBytes: 2 * MB, checkIntervalMs: 50 },
    });
    try {
      const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
      if (created.status !== 'created') throw new Error('no patient');
      const jeanne = created.patient;
      const act = await station.value('encounters.create', {
        patientId: jeanne.id,
        act: 'teleconsultation',
        assisted: true,
        requester: { name: 'IDE Morvan', role: 'nurse' },
        site: 'EHPAD',
        reason: 'Plaie',
      });
      await consentTo(station, act.id);
      expect((await station.value('station.status', {})).disk).toMatchObject({
        full: false,
        writesRefused: false,
        auditWaiting: 0,
      });

      disk.fill(0);
      // The registry stays readable: a search and a read answer, their audit rows waiting in memory.
      const found = await station.call('patients.search', { name: 'Martin' });
      expect(found, JSON.stringify(found)).toMatchObject({
        ok: true,
        value: [expect.objectContaining({ id: jeanne.id })],
      });
      expect(await station.call('patients.get', { id: jeanne.id })).toMatchObject({
        ok: true,
        value: { id: jeanne.id },
      });
      expect(await station.call('encounters.get', { id: act.id })).toMatchObject({
        ok: true,
        value: { encounter: { id: act.id } },
      });

      // A create is refused as disk_full, saying how much to free; a new file too (the reserve).
      const refused = await station.call('patients.create', { identity: provisionalIdentity(), notDuplicateOf: [] });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'disk_full',
          message: expect.stringMatching(/free at least \d+ MB/),
          fields: [{ path: 'disk', code: 'disk.full', params: { neededMb: expect.any(Number) } }],
        },
      });
      const photo = {
        encounterId: act.id,
        kind: 'snapshot',
        mime: 'image/jpeg',
        size: 50_000,
        sha256: createHash('sha256').update('x').digest('hex'),
        bodySite: null,
        title: null,
        device: 'Caméra',
        author: 'IDE Morvan',
        takenAt: new Date().toISOString(),
      } as const;
      expect(await station.call('attachments.begin', photo)).toMatchObject({
        ok: false,
        error: { code: 'disk_full', message: expect.stringContaining('RELAIS_DISK_RESERVE_MB') },
      });

      // The status says it, with the space to free and the audit rows waiting.
      const full = await station.value('station.status', {});
      expect(full.disk).toMatchObject({
        full: true,
        writesRefused: true,
        reserveBytes: 2 * MB,
        auditWaiting: 4,
        auditLost: 0,
      });
      expect(full.disk.neededBytes).toBeGreaterThanOrEqual(2 * MB - full.disk.freeBytes!);

      // Space comes back: the waiting rows are written first, in order, and the chain verifies.
      disk.release();
      const back = await until(
        () => station.value('station.status', {}),
        (s) => !s.disk.full && s.disk.auditWaiting === 0,
        'the disk no longer full',
      );
      expect(back.disk).toMatchObject({ writesRefused: false, neededBytes: 0, auditLost: 0 });
      expect(await station.call('patients.get', { id: jeanne.id })).toMatchObject({ ok: true });
      const events = (await station.value('audit.recent', { limit: 10 }))
        .reverse()
        .map((e) => `${e.event} ${e.outcome}`);
      expect(events).toEqual([
        'patients.create success',
        'encounters.create success',
        'encounters.consent success',
        'patients.search success',
        'patients.get success',
        'encounters.get success',
        'patients.create disk_full',
        'patients.get success',
      ]);
      expect(await station.value('audit.verify', {})).toMatchObject({ ok: true, brokenAt: null, warnings: [] });
    } finally {
      await station.close();
    }
  });

  it('stops taking new files at the reserve kept for the records, while records are still saved', async () => {
    const disk = tmpfs(8);
    const station = openStation(path.join(disk.root, 'data'), undefined, {
      disk: { reserveBytes: 3 * MB, checkIntervalMs: 50 },
    });
    try {
      const created = await station.value('patients.create', { identity: validatedIdentity(), notDuplicateOf: [] });
      if (created.status !== 'created') throw new Error('no patient');
      const act = await station.value('encounters.create', {
        patientId: created.patient.id,
        act: 'teleconsultation',
        assisted: true,
        requester: { name: 'IDE Morvan', role: 'nurse' },
        site: 'EHPAD',
        reason: 'Plaie',
      });
      await consentTo(station, act.id);
      const ct = path.join(tempDir(), 'ct');
      writeSyntheticCt(ct, 4, 256, 'MARTIN^JEANNE');
      const scan = await station.value('imaging.scan', { folder: ct });
      const { dropId } = await station.value('imaging.dropBegin', {});

      disk.fill(2 * MB);
      const low = await station.value('station.status', {});
      expect(low.disk).toMatchObject({ full: true, writesRefused: false, reserveBytes: 3 * MB });
      expect(low.disk.neededBytes).toBeGreaterThanOrEqual(MB);
      // New files are refused, saying why and how much to free: a photo, images from a drive, dropped images.
      const photo = {
        encounterId: act.id,
        kind: 'snapshot',
        mime: 'image/jpeg',
        size: 50_000,
        sha256: createHash('sha256').update('x').digest('hex'),
        bodySite: null,
        title: null,
        device: 'Caméra',
        author: 'IDE Morvan',
        takenAt: new Date().toISOString(),
      } as const;
      expect(await station.call('attachments.begin', photo)).toMatchObject({
        ok: false,
        error: {
          code: 'disk_full',
          message: expect.stringMatching(
            /This file \(49 kB\) cannot be taken: .* keeps 3 MB for the records\. To go on, free at least 2 MB/,
          ),
        },
      });
      const importing = {
        scanId: scan.scanId,
        studyUids: [scan.studies[0]!.studyUid],
        patientId: created.patient.id,
        encounterId: act.id,
        confirmations: [{ studyUid: scan.studies[0]!.studyUid, checkedBy: 'IDE Morvan' }],
      };
      expect(await station.call('imaging.import', importing)).toMatchObject({
        ok: false,
        error: { code: 'disk_full', fields: [{ code: 'disk.full' }] },
      });
      expect(await station.call('imaging.dropChunk', { dropId, file: 0, offset: 0, data: 'AAAA' })).toMatchObject({
        ok: false,
        error: { code: 'disk_full' },
      });
      // The records are still saved: the reserve is theirs.
      expect(
        await station.call('patients.create', { identity: provisionalIdentity(), notDuplicateOf: [] }),
      ).toMatchObject({ ok: true, value: { status: 'created' } });

      disk.release();
      await until(
        () => station.value('station.status', {}),
        (s) => !s.disk.full,
        'room again',
      );
      expect(await station.call('imaging.import', importing)).toMatchObject({ ok: true, value: { instances: 4 } });
      expect(await station.call('attachments.begin', photo)).toMatchObject({ ok: true });
    } finally {
      await station.close();
    }
  });
});
