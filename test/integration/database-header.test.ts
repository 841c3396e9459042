// A database file that is not what its first bytes say (issue 17, point 8): the station refuses
// it saying which case it is and what to do, not SQLite's bare "file is not a database"; and the
// file is left as it was found, for the IT to restore or examine.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/platform/database/connection';
import { DATABASE_FILE } from '../../src/main/platform/security/data-key';
import { provisionalIdentity } from '../helpers/identities';
import { openStation } from '../helpers/station';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir();
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

async function stationWithAPatient(dir: string): Promise<string> {
  const station = openStation(dir);
  await station.value('patients.create', { identity: provisionalIdentity() });
  await station.close();
  return path.join(dir, DATABASE_FILE);
}

describe('a database file that is not what it seems', () => {
  it('an encrypted database under a plain SQLite header: refused, saying so and to restore it, the file untouched', async () => {
    const dir = tempDir();
    const file = await stationWithAPatient(dir);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, PLAIN_HEADER, 0, PLAIN_HEADER.length, 0);
    fs.closeSync(fd);
    const before = fs.readFileSync(file);

    let message = '';
    try {
      openStation(dir);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/begins like a database in the clear .* but is not one/);
    expect(message).toContain(file);
    expect(message).toContain('restore the database from a backup');
    expect(message).toContain('restaurez la base'); // and in French
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('an encrypted database opened without its key: says it is encrypted and which key opens it', async () => {
    const file = await stationWithAPatient(tempDir());
    expect(() => openDatabase(file, null)).toThrow(/is encrypted .* open it with the station's data key/);
  });
});
