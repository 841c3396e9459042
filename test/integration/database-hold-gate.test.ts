// While the station's database is held (here: an older copy put over the current one), the station
// runs only the channels reviewed for it, through the real dispatch both bindings use: reads and the
// technician's own. Every channel of the contract is tried, so a channel added later is refused
// while the database is held until someone reviews it and lists it here and in
// src/shared/station/database-hold-channels.ts. And nothing is written meanwhile: not even the audit rows.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/shared/contract';
import { DATABASE, databaseFingerprint, patientNumber } from '../helpers/database-damage';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

// Written out here rather than read from the allow-list, so that widening it is a change this test sees.
const RUNS_WHILE_HELD: readonly Channel[] = [
  'station.status',
  'sync.details',
  'database.check',
  'database.backups',
  'database.checkBackup',
  'database.decide',
  'identity.state',
  'identity.login',
  'identity.logout',
  'identity.setPin',
  'identity.lock',
  'identity.unlock',
  'identity.unlockBadge',
  'identity.enrolBadge',
  'identity.activity',
  'kiosk.state',
  'patients.get',
  'patients.search',
  'patients.history',
  'patients.insiStatus',
  'encounters.get',
  'encounters.forPatient',
  'encounters.open',
  'imaging.studies',
  'imaging.series',
  'imaging.frame',
  'stroke.sheet',
  'teleexpertise.get',
  'calls.history',
  'calls.hub',
  'activity.monthly',
  'audit.verify',
  'audit.recent',
  'devices.list',
  'pacs.status',
];

const tempDir = useTempDir('relais-db-hold-');

/** A station whose database is an older copy of itself: held until a person decides. */
async function heldStation() {
  const dir = tempDir();
  const first = openStation(dir);
  await first.value('patients.create', { identity: patientNumber(1), notDuplicateOf: [] });
  await first.close();
  const older = path.join(tempDir(), 'older.sqlite');
  fs.copyFileSync(path.join(dir, DATABASE), older);
  const second = openStation(dir);
  await second.value('patients.create', { identity: patientNumber(2), notDuplicateOf: [] });
  await second.close();
  for (const suffix of ['-wal', '-shm']) fs.rmSync(path.join(dir, `${DATABASE}${suffix}`), { force: true });
  fs.copyFileSync(older, path.join(dir, DATABASE));
  return { dir, station: openStation(dir) };
}

describe('the channels a held database runs, through the real dispatch', () => {
  it('refuses every channel but the reviewed ones, and writes nothing', async () => {
    const { dir, station } = await heldStation();
    const before = databaseFingerprint(dir);
    try {
      expect((await station.value('station.status', {})).database.state).toBe('older');
      for (const channel of CHANNELS) {
        // A payload no channel accepts: a channel that passed the gate stops at its schema.
        const result = await station.dispatch(channel, null);
        expect(result.ok, channel).toBe(false);
        if (result.ok) continue;
        expect(result.error.code, channel).toBe(
          RUNS_WHILE_HELD.includes(channel) ? 'validation_failed' : 'database_held',
        );
      }
      // The reads that run are answered; their audit rows wait in memory, nothing reaches the files.
      expect(await station.value('patients.search', {})).toHaveLength(1);
      expect(databaseFingerprint(dir)).toEqual(before);
    } finally {
      await station.close();
    }
    expect(databaseFingerprint(dir)).toEqual(before);
  });
});
