// Files and drops in progress are capped on the station (issue 17, point 7): 3,000
// `attachments.begin` used to be accepted, with 3,000 `.part` files and +350 MB of memory. Past
// the cap a new one is refused with what to do; a transfer or a drop nobody sends to for ten
// minutes is let go and its pieces removed, at the next start of another or within a minute.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_TRANSFERS_IN_PROGRESS } from '../../src/main/acts/attachment-service';
import { MAX_DROPS_IN_PROGRESS } from '../../src/main/imaging/imaging-drop';
import { actForCall } from '../helpers/consent';
import { openStation } from '../helpers/station';
import { stationDatabase } from '../helpers/station-database';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const MINUTE = 60_000;

async function stationWithCall(dir: string) {
  const clock = { now: Date.parse('2026-11-23T10:00:00.000Z') };
  const station = openStation(dir, () => new Date(clock.now));
  // A call as the hub would have announced it (the journal takes attachments for its calls only).
  const db = stationDatabase(dir);
  db.prepare(
    "INSERT INTO calls (id, direction, remote_id, remote_name, remote_role, remote_site, ringing_at) VALUES ('call-1', 'outgoing', 'dr', 'Dr Kerleau', 'expert', 'CHU', '2026-11-23T10:00:00.000Z')",
  ).run();
  db.close();
  await actForCall(station, 'call-1');
  return { station, clock };
}

const photo = (n: number) => Buffer.from(`photo ${n} `.repeat(50));
const meta = (data: Buffer) => ({
  callId: 'call-1',
  kind: 'snapshot' as const,
  mime: 'image/png' as const,
  size: data.length,
  sha256: createHash('sha256').update(data).digest('hex'),
  bodySite: null,
  device: 'Caméra de la salle',
  author: 'IDE Morvan',
  takenAt: '2026-11-23T10:05:00.000Z',
});
const parts = (dir: string) => fs.readdirSync(path.join(dir, 'uploads')).filter((f) => f.endsWith('.part'));

describe('transfers in progress on the station', () => {
  it('refuses one past the cap saying what to do; one left idle ten minutes is let go and its .part file removed', async () => {
    const dir = tempDir();
    const { station, clock } = await stationWithCall(dir);
    const begun: string[] = [];
    for (let i = 0; i < MAX_TRANSFERS_IN_PROGRESS; i++)
      begun.push((await station.value('attachments.begin', meta(photo(i)))).uploadId);
    expect(parts(dir)).toHaveLength(MAX_TRANSFERS_IN_PROGRESS);

    const refused = await station.call('attachments.begin', meta(photo(99)));
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'validation_failed',
        message: expect.stringMatching(/files are being received .* wait for them to finish, then add this one again/),
        fields: [
          {
            path: 'transfer',
            code: 'upload.too_many_in_progress',
            params: { max: MAX_TRANSFERS_IN_PROGRESS, minutes: 10 },
          },
        ],
      },
    });
    expect(parts(dir)).toHaveLength(MAX_TRANSFERS_IN_PROGRESS); // nothing made for the refused one

    // The first one is still being sent (a chunk every few minutes); the others are abandoned.
    const kept = photo(0);
    clock.now += 6 * MINUTE;
    await station.value('attachments.chunk', {
      uploadId: begun[0]!,
      offset: 0,
      data: kept.subarray(0, 100).toString('base64'),
    });
    clock.now += 6 * MINUTE;
    const next = await station.value('attachments.begin', meta(photo(99)));
    expect(parts(dir).sort()).toEqual([`${begun[0]}.part`, `${next.uploadId}.part`].sort());
    expect(await station.call('attachments.chunk', { uploadId: begun[1]!, offset: 0, data: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await station.value('attachments.chunk', {
      uploadId: begun[0]!,
      offset: 100,
      data: kept.subarray(100).toString('base64'),
    });
    expect((await station.value('attachments.finish', { uploadId: begun[0]! })).sha256).toBe(meta(kept).sha256);
    await station.close();
  });

  it('removes an abandoned transfer within a minute even when no other one starts', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const dir = tempDir();
      const { station, clock } = await stationWithCall(dir);
      await station.value('attachments.begin', meta(photo(1)));
      vi.advanceTimersByTime(MINUTE);
      expect(parts(dir)).toHaveLength(1); // not idle long enough yet
      clock.now += 11 * MINUTE;
      vi.advanceTimersByTime(MINUTE);
      expect(parts(dir)).toEqual([]);
      await station.close();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('drops in progress on the station', () => {
  it('refuses one past the cap saying what to do; one left idle is let go with its folder', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const dir = tempDir();
      const { station, clock } = await stationWithCall(dir);
      const drops = path.join(dir, 'imaging-drops');
      const held: string[] = [];
      for (let i = 0; i < MAX_DROPS_IN_PROGRESS; i++) {
        const { dropId } = await station.value('imaging.dropBegin', {});
        await station.value('imaging.dropChunk', {
          dropId,
          file: 0,
          offset: 0,
          data: Buffer.from('DICM').toString('base64'),
        });
        held.push(dropId);
      }
      const refused = await station.call('imaging.dropBegin', {});
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'validation_failed',
          message: expect.stringMatching(/drops are still being received .* wait until they are sent/),
          fields: [
            { path: 'drop', code: 'imaging.too_many_drops', params: { max: MAX_DROPS_IN_PROGRESS, minutes: 10 } },
          ],
        },
      });
      expect(fs.readdirSync(drops).sort()).toEqual([...held].sort());

      // Nobody sends to them any more: a minute after they became idle for ten, they are gone.
      clock.now += 11 * MINUTE;
      vi.advanceTimersByTime(MINUTE);
      expect(fs.readdirSync(drops)).toEqual([]);
      expect(
        await station.call('imaging.dropChunk', { dropId: held[0]!, file: 0, offset: 4, data: 'AAAA' }),
      ).toMatchObject({ ok: false, error: { code: 'not_found' } });
      await station.value('imaging.dropBegin', {});
      await station.close();
    } finally {
      vi.useRealTimers();
    }
  });
});
