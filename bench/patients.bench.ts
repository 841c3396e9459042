// Patient registry at hospital scale: search and create (with its duplicate check) on a
// registry of 100,000 patients in SQLite, through the contract dispatch as the page calls it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { createPatientRepository } from '../src/main/patients/patient-repository';
import { silentLogger } from '../src/main/platform/logger';
import { createStation } from '../src/main/station';
import type { Patient } from '../src/shared/patients/patient';
import { openStationStorage } from '../src/main/platform/storage';

const PATIENTS = 100_000;
const NAMES = [
  'MARTIN',
  'BERNARD',
  'DUBOIS',
  'THOMAS',
  'ROBERT',
  'RICHARD',
  'PETIT',
  'DURAND',
  'LEROY',
  'MOREAU',
  'SIMON',
  'LAURENT',
  'LEFEBVRE',
  'MICHEL',
  'GARCIA',
];
const FIRST = ['JEANNE', 'MARIE', 'LOUIS', 'PAUL', 'ANNE', 'PIERRE', 'CLAIRE', 'LUCAS', 'EMMA', 'HUGO'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
{
  // Seed straight through the repository: the bench measures reads and creates, not seeding.
  const db = openStationStorage(dir).db;
  const repo = createPatientRepository(db);
  db.transaction(() => {
    for (let i = 0; i < PATIENTS; i++) {
      const year = 1920 + (i % 100);
      const date = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      const p: Patient = {
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        version: 1,
        birthName: `${NAMES[i % NAMES.length]}${i % 977 === 0 ? '' : String.fromCharCode(65 + (i % 26))}`,
        firstName: FIRST[i % FIRST.length]!,
        birthFirstNames: FIRST[i % FIRST.length]!,
        birthDate: date,
        sex: i % 2 ? 'M' : 'F',
        birthplaceCode: '75111',
        usedName: null,
        usedFirstName: null,
        identityStatus: 'PROV',
        ins: null,
        insRetrieval: null,
        typedIns: null,
        identityDocument: null,
        residenceCode: null,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      };
      repo.insert(p, { operation: 'created', by: 'bench' });
    }
  })();
  db.close();
}
const station = createStation({ dataDir: dir, mode: 'browser', logger: silentLogger });
afterAll(() => {
  console.log(`created ${created} patients during the create bench (each checked as created)`);
  station.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Letters only (a trait has no digits), unique per call so that no duplicate warning stops it.
let n = 0;
// Consecutive numbers would give names one letter apart, rightly flagged as duplicates: spread them.
const uniqueName = (i: number) => {
  let h = Math.imul(i, 2654435761) >>> 0;
  let name = 'BENCH';
  for (let k = 0; k < 7; k++, h = Math.floor(h / 26)) name += String.fromCharCode(65 + (h % 26));
  return name;
};
let created = 0;
describe(`patient registry, ${PATIENTS.toLocaleString('en')} patients in SQLite (WAL)`, () => {
  bench('search by name prefix "dur"', async () => {
    await station.dispatch('patients.search', { name: 'dur', limit: 50 });
  });
  bench('search by name and first name "martin jeanne"', async () => {
    await station.dispatch('patients.search', { name: 'martin jeanne', limit: 50 });
  });
  // A realistic search: a full family name and a first name, matching a handful of records.
  bench('search a selective name "durandq jeanne"', async () => {
    await station.dispatch('patients.search', { name: 'durandq jeanne', limit: 50 });
  });
  bench('search by birth date', async () => {
    await station.dispatch('patients.search', { birthDate: '1950-06-15', limit: 50 });
  });
  bench('list the 50 most recent', async () => {
    await station.dispatch('patients.search', { limit: 50 });
  });
  bench('create a patient (validation + duplicate check + outbox row)', async () => {
    n++;
    const result = await station.dispatch('patients.create', {
      identity: {
        birthName: uniqueName(n),
        firstName: 'TEST',
        birthDate: '1975-06-15',
        sex: 'F',
        birthplaceCode: '75111',
        identityStatus: 'PROV',
      },
      notDuplicateOf: [],
    });
    // A bench that measures a refusal measures nothing: stop if a create does not create.
    if (!result.ok || (result.value as { status: string }).status !== 'created')
      throw new Error(`create failed: ${JSON.stringify(result)}`);
    created++;
  });
});
