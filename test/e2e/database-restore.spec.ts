// A station whose database was deleted (its data key kept), as the nurse and the technician meet
// it: every screen says the database is missing and that nothing is recorded; the technician opens
// the Database panel, starts empty on purpose with her name, and the region gives the patients back.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { connectStationClient } from './station-client';
import { startStation, type RunningStation } from './station-host';
import { answerWhoIAm } from './author';

const SECRET = 'e2e-database-secret';
const token = issueToken(SECRET, {
  sub: 'cart-db',
  role: 'station',
  name: 'Chariot 9',
  site: 'EHPAD Kerlann',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) + 3600,
});

let hub: RunningHub;
let station: RunningStation | null = null;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-database-'));
  hub = await startHub({ secret: SECRET, turnSecret: 'unused', turnUrls: [], offers: [] });
});
test.afterAll(async () => {
  await station?.stop();
  await hub.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}.key`, { force: true });
});

const env = () => ({ RELAIS_HUB_URL: hub.url, RELAIS_HUB_TOKEN: token, RELAIS_DEVICES: 'none' });

test('a deleted database is said on every screen, and the technician starts empty on purpose: the region gives the patients back', async ({
  page,
}) => {
  station = await startStation(dataDir, env());
  const client = await connectStationClient(station.url);
  for (const birthName of ['Le Bihan', 'Kerjean', 'Morvan']) {
    await client.value('patients.create', {
      identity: {
        birthName,
        firstName: 'Yvonne',
        birthDate: '1941-02-17',
        sex: 'F',
        birthplaceCode: '29019',
        identityStatus: 'PROV',
      },
      notDuplicateOf: [],
    });
  }
  await client.value('sync.now', {});
  expect((await client.value('station.status', {})).sync.pending).toBe(0);
  client.close();
  await station.stop();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(path.join(dataDir, `relais.sqlite${suffix}`), { force: true });

  station = await startStation(dataDir, env());
  await page.goto(station.url);
  const banner = page.getByTestId('database-banner');
  await expect(banner).toContainText('Base de données absente : le poste n’enregistre rien');
  await page.getByRole('button', { name: 'Patients' }).click();
  await expect(banner).toBeVisible();
  await banner.getByRole('button', { name: 'Ouvrir « Base de données »' }).click();
  const panel = page.getByRole('region', { name: 'Base de données' });
  await expect(panel.getByText('État : Absente')).toBeVisible();
  const decision = panel.getByRole('form', { name: 'Décider' });
  await decision.getByLabel('Repartir d’une base vide (le serveur régional redonne ce qu’il détient)').check();
  await decision
    .getByRole('button', { name: 'Repartir d’une base vide (le serveur régional redonne ce qu’il détient)' })
    .click();
  await answerWhoIAm(page, 'Yann Le Goff (technicien)', 'Autre');
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(panel.getByText('État : En bon état')).toBeVisible();
  await expect(panel.getByText(/Base vide le .* par Yann Le Goff \(technicien\)\./)).toBeVisible();
  await expect(panel.getByText('Rien de ce qui a été enregistré sur ce poste n’est perdu.')).toBeVisible();
  await expect(
    panel.getByText(/^Le serveur régional a redonné 3 patient\(s\), 0 acte\(s\) et \d+ ligne\(s\) du journal d’audit/),
  ).toBeVisible();
});
