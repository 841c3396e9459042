// The specialties of the last directory seen, kept by the téléexpertise repository so that a
// request can be addressed offline: each once, trimmed, blanks left out, in order.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/main/platform/database/connection';
import { createTeleexpertiseRepository } from '../../../src/main/teleexpertise/teleexpertise-repository';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('relais-teleexpertise-repo-');
const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

describe('directory specialties', () => {
  it('remembers each specialty once, trimmed, without blanks, in order', () => {
    const file = path.join(tempDir(), 'relais.sqlite');
    const db = openDatabase(file);
    dbs.push(db);
    const repository = createTeleexpertiseRepository(db);
    expect(repository.specialties()).toEqual([]);
    repository.rememberSpecialties(['neurologie', ' dermatologie ', '  ', 'cardiologie'], '2026-11-23T09:40:00Z');
    repository.rememberSpecialties(['neurologie'], '2026-11-23T10:00:00Z');
    expect(repository.specialties()).toEqual(['cardiologie', 'dermatologie', 'neurologie']);
    expect(db.prepare("SELECT seen_at FROM directory_specialties WHERE specialty = 'neurologie'").get()).toEqual({
      seen_at: '2026-11-23T10:00:00Z',
    });
  });
});
