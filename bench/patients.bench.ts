// Patient registry at hospital scale: search and create (with its duplicate check) on a
// registry of 100,000 patients in SQLite, through the contract dispatch as the page calls it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, bench, describe } from 'vitest';
import { createPatientRepository } from '../src/main/patients/patient-repository';
import { silentLogger } from '../src/main/platform/logger';
import { createStation } from '../src/main/station';
import { openStationStorage } from '../src/main/platform/storage';
import { aPatientRecord } from '../test/helpers/identities';
import { contractValue as value } from '../test/helpers/contract-value';

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
      const p = aPatientRecord({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        birthName: `${NAMES[i % NAMES.length]}${i % 977 === 0 ? '' : String.fromCharCode(65 + (i % 26))}`,
        firstName: FIRST[i % FIRST.length]!,
        birthFirstNames: FIRST[i % FIRST.length]!,
        birthDate: date,
        sex: i % 2 ? 'M' : 'F',
        birthplaceCode: '75111',
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
      repo.insert(p, { operation: 'created', by: 'bench' });
    }
  })();
  db.close();
}
const station = createStation({ dataDir: dir, mode: 'browser', logger: silentLogger });
const meanMs = (times: number[]) => times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
afterAll(() => {
  console.log(
    [
      `patients, ${PATIENTS.toLocaleString('en')} in the registry (each create checked as created: ${created})`,
      `  create a patient through the contract, mean     ${meanMs(createMs).toFixed(2)} ms (target <= 2 ms)`,
      `  reference: the same row written by the repository alone, mean ${meanMs(rawMs).toFixed(2)} ms`,
      `  an act with its consent and ten measurements, mean ${meanMs(actMs).toFixed(2)} ms (${actMs.length} acts)`,
    ].join('\n'),
  );
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
// Spread over the century as the seeded registry is: one date for every create would grow a pool of
// same-day namesakes no registry has, and measure that instead of a create.
const spreadBirthDate = (i: number) => {
  const h = Math.imul(i, 2246822519) >>> 0;
  const day = String((h % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(h / 28) % 12) + 1).padStart(2, '0');
  return `${1930 + (Math.floor(h / 336) % 90)}-${month}-${day}`;
};
let created = 0;
const createMs: number[] = [];
const rawMs: number[] = [];
const actMs: number[] = [];
const timed = async (into: number[], work: () => Promise<void> | void) => {
  const start = performance.now();
  await work();
  into.push(performance.now() - start);
};
// The reference: the row a create writes, by the repository on its own connection (no contract,
// validation, duplicate check, audit or outbox), in its own transaction as a create is.
const rawDb = openStationStorage(dir).db;
const rawRepo = createPatientRepository(rawDb);
const rawInsert = rawDb.transaction((i: number) =>
  rawRepo.insert(
    aPatientRecord({
      id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      birthName: uniqueName(1_000_000 + i),
      firstName: 'RAW',
      birthFirstNames: 'RAW',
      birthDate: spreadBirthDate(i),
      sex: 'M',
      birthplaceCode: '75111',
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    }),
    { operation: 'created', by: 'bench' },
  ),
);
afterAll(() => rawDb.close());
let rawN = 0;
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
    const start = performance.now();
    const result = await station.dispatch('patients.create', {
      identity: {
        birthName: uniqueName(n),
        firstName: 'TEST',
        birthDate: spreadBirthDate(n),
        sex: 'F',
        birthplaceCode: '75111',
        identityStatus: 'PROV',
      },
      notDuplicateOf: [],
    });
    // A bench that measures a refusal measures nothing: stop if a create does not create.
    if (!result.ok || (result.value as { status: string }).status !== 'created')
      throw new Error(`create failed: ${JSON.stringify(result)}`);
    createMs.push(performance.now() - start);
    created++;
  });
  bench('reference: the same row written by the repository alone', async () => {
    await timed(rawMs, () => rawInsert(++rawN));
  });
  bench('an act with its consent and ten measurements', async () => {
    const patient = await value(station, 'patients.create', {
      identity: {
        birthName: uniqueName(500_000 + ++n),
        firstName: 'ACTE',
        birthDate: spreadBirthDate(n),
        sex: 'M',
        birthplaceCode: '75111',
        identityStatus: 'PROV',
      },
      notDuplicateOf: [],
    });
    if (patient.status !== 'created') throw new Error("the act bench's patient was taken for a duplicate");
    await timed(actMs, async () => {
      const act = await value(station, 'encounters.create', {
        patientId: patient.patient.id,
        act: 'teleconsultation',
        assisted: true,
        requester: { name: 'IDE Morvan', role: 'nurse' },
        site: 'EHPAD Les Tilleuls',
        reason: 'Plaie du talon',
      });
      await value(station, 'encounters.consent', {
        encounterId: act.id,
        scope: 'act',
        decision: 'given',
        givenBy: { kind: 'patient' },
        collectedBy: 'IDE Morvan',
        collectedAt: new Date().toISOString(),
      });
      for (let m = 0; m < 10; m++)
        await value(station, 'encounters.observe', {
          encounterId: act.id,
          vital: { code: 'spo2', value: 90 + m, unit: '%' },
          takenAt: new Date().toISOString(),
          method: 'device',
          device: 'Oxymètre CMS50D+',
          takenBy: 'IDE Morvan',
        });
    });
  });
});
