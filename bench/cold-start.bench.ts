// npm run bench -- cold-start (after npm run build): from `node out/main/host.cjs` to the home
// screen painted in Debian's Chromium ("Nouvelle consultation" visible), on a data folder holding
// 100,000 patients and 10,000 acts, beside the same start on an empty folder (the same run's
// reference: the process, the page and the fonts, without the records). Five starts each.
import { chromium } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bench, describe } from 'vitest';
import { createEncounterRepository } from '../src/main/acts';
import { createPatientRepository } from '../src/main/patients/patient-repository';
import { openStationStorage } from '../src/main/platform/storage';
import { aPatientRecord } from '../test/helpers/identities';
import { CHROMIUM_ARGS } from '../playwright.config';

const PATIENTS = 100_000;
const ACTS = 10_000;
const STARTS = Number(process.env.RELAIS_BENCH_RUNS ?? 5);
const READY = /Relais station ready: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/;
const wall = () => performance.timeOrigin + performance.now();

function seed(dir: string): void {
  const db = openStationStorage(dir).db;
  const patients = createPatientRepository(db);
  const encounters = createEncounterRepository(db);
  const at = '2026-11-01T08:00:00.000Z';
  db.transaction(() => {
    for (let i = 0; i < PATIENTS; i++) {
      const patient = aPatientRecord({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        birthName: `NOM${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + (Math.floor(i / 26) % 26))}`,
        firstName: 'JEANNE',
        birthFirstNames: 'JEANNE',
        birthDate: `${1930 + (i % 90)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        sex: i % 2 ? 'M' : 'F',
        createdAt: at,
        updatedAt: at,
      });
      patients.insert(patient, { operation: 'created', by: 'bench' });
      if (i % (PATIENTS / ACTS) === 0)
        encounters.insert({
          id: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          version: 1,
          patientId: patient.id,
          act: 'teleconsultation',
          assisted: true,
          requester: { name: 'IDE Morvan', role: 'nurse', rpps: null, specialty: null },
          expert: null,
          site: 'EHPAD Les Tilleuls',
          siteCommune: null,
          specialty: null,
          reason: 'Plaie du talon',
          callId: null,
          // The last hundred are in progress: the cart's home lists them.
          status: i >= PATIENTS - 100 * (PATIENTS / ACTS) ? 'in_progress' : 'closed',
          startedAt: at,
          endedAt: null,
          createdAt: at,
          updatedAt: at,
        });
    }
  })();
  db.close();
}

function startHost(dataDir: string): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [path.resolve('out/main/host.cjs')], {
    env: { ...process.env, RELAIS_DATA_DIR: dataDir, RELAIS_PORT: '0', RELAIS_NO_SIGN_IN: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the station stopped (${code}):\n${output}`)));
  });
  return { child, url };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function run(): Promise<void> {
  if (!fs.existsSync(path.resolve('out/main/host.cjs'))) throw new Error('Run `npm run build` first.');
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-cold-'));
  const full = path.join(root, 'full');
  const empty = path.join(root, 'empty');
  fs.mkdirSync(full);
  fs.mkdirSync(empty);
  let start = wall();
  seed(full);
  const seedMs = wall() - start;
  const browser = await chromium.launch({
    executablePath: process.env.RELAIS_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const times = { full: [] as number[], empty: [] as number[], fullReady: [] as number[] };
  try {
    // The first start of each folder migrates and makes its key: not a cold start of a station in use.
    for (const [name, dir] of [
      ['empty', empty],
      ['full', full],
    ] as const) {
      for (let i = 0; i <= STARTS; i++) {
        start = wall();
        const host = startHost(dir);
        try {
          const url = await host.url;
          const ready = wall() - start;
          const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
          await page.goto(url);
          await page.getByRole('button', { name: 'Nouvelle consultation' }).waitFor({ state: 'visible' });
          // Painted: the frame after the button is in the layout.
          await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
          const painted = wall() - start;
          await page.context().close();
          if (i === 0) continue;
          times[name].push(painted);
          if (name === 'full') times.fullReady.push(ready);
        } finally {
          host.child.kill('SIGTERM');
          await new Promise((resolve) => host.child.once('exit', resolve));
        }
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  const ms = (v: number) => `${v.toFixed(0)} ms`;
  console.log(
    [
      `\nCold start to the home screen painted, ${STARTS} starts each (median; seeding took ${ms(seedMs)})`,
      `  ${PATIENTS.toLocaleString('en')} patients and ${ACTS.toLocaleString('en')} acts      ${ms(median(times.full))} (target <= 1500 ms); station ready printed after ${ms(median(times.fullReady))}`,
      `  reference: an empty data folder          ${ms(median(times.empty))}`,
      `  every start with records: ${times.full.map(ms).join(', ')}`,
    ].join('\n'),
  );
}

describe('cold start', () => {
  bench('node out/main/host.cjs to the home screen painted', run, {
    iterations: 1,
    warmupIterations: 0,
    time: 0,
    warmupTime: 0,
  });
});
