// A station whose hub token has expired, or was revoked by the region, says so on its home
// screen, with what to do (ask the regional IT for a new station token), in French and in
// English; the records stay here.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHub, type RunningHub } from '../../src/hub/server';
import { issueToken } from '../../src/hub/tokens';
import { startStation, type RunningStation } from './station-host';

const SECRET = 'e2e-token-secret';
const expired = issueToken(SECRET, {
  sub: 'cart-old',
  role: 'station',
  name: 'Chariot 2',
  site: 'EHPAD Kerlann',
  specialty: null,
  exp: Math.floor(Date.now() / 1000) - 60,
});

let hub: RunningHub;
let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-token-'));
  hub = await startHub({ secret: SECRET, turnSecret: 'unused', turnUrls: [], offers: [] });
  station = await startStation(dataDir, { RELAIS_HUB_URL: hub.url, RELAIS_HUB_TOKEN: expired, RELAIS_DEVICES: 'none' });
});
test.afterAll(async () => {
  await station.stop();
  await hub.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('an expired station token is shown on the home screen with what to do', async ({ page }) => {
  await page.goto(station.url);
  // The token's notice, for the IT, is on the Technique page (issue 20, point 3).
  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  const notice = page.getByTestId('hub-token-notice');
  await expect(notice).toContainText('Le jeton de ce poste a expiré le');
  await expect(notice).toContainText('Demandez un nouveau jeton de poste à l’informatique régionale');
  await expect(notice).toHaveAttribute('role', 'alert');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(notice).toContainText('This station’s token expired on');
  await expect(notice).toContainText('Ask the regional IT for a new station token');
  expect(station.output()).toContain('hub.token_expired');
});

test('an expert station whose access expired is told to ask for a new expert access, not a station token', async ({
  page,
}) => {
  const expertDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-token-expert-'));
  const expertAccess = issueToken(SECRET, {
    sub: 'dr-neuro',
    role: 'expert',
    name: 'Dr Neuro',
    site: 'CHU',
    specialty: 'neurologie',
    exp: Math.floor(Date.now() / 1000) - 60,
  });
  const expert = await startStation(expertDir, {
    RELAIS_HUB_URL: hub.url,
    RELAIS_HUB_TOKEN: expertAccess,
    RELAIS_DEVICES: 'none',
  });
  try {
    await page.goto(expert.url);
    // The token's notice, for the IT, is on the Technique page (issue 20, point 3).
    await page.getByRole('button', { name: 'Technique', exact: true }).click();
    const notice = page.getByTestId('hub-token-notice');
    await expect(notice).toContainText('Votre accès d’expert au serveur régional a expiré le');
    await expect(notice).toContainText('Demandez un nouvel accès expert');
    await expect(notice).not.toContainText('jeton de poste');
  } finally {
    await expert.stop();
    fs.rmSync(expertDir, { recursive: true, force: true });
  }
});

test('a station whose token the region revoked says so, and what to do, in French and English', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-token-revoked-'));
  const revocations = path.join(dir, 'revoked.json');
  const token = issueToken(SECRET, {
    sub: 'cart-stolen',
    role: 'station',
    name: 'Chariot 4',
    site: 'EHPAD Kerlann',
    specialty: null,
    exp: Math.floor(Date.now() / 1000) + 3600,
  });
  fs.writeFileSync(
    revocations,
    JSON.stringify({ subjects: { 'cart-stolen': new Date(Date.now() + 60_000).toISOString() } }),
  );
  const regional = await startHub({
    secret: SECRET,
    turnSecret: 'unused',
    turnUrls: [],
    offers: [],
    revocationsFile: revocations,
  });
  const stolen = await startStation(path.join(dir, 'station'), {
    RELAIS_HUB_URL: regional.url,
    RELAIS_HUB_TOKEN: token,
    RELAIS_DEVICES: 'none',
  });
  try {
    await page.goto(stolen.url);
    // The token's notice, for the IT, is on the Technique page (issue 20, point 3).
    await page.getByRole('button', { name: 'Technique', exact: true }).click();
    const notice = page.getByTestId('hub-token-notice');
    await expect(notice).toContainText('Le jeton de ce poste a été révoqué par l’informatique régionale', {
      timeout: 15_000,
    });
    await expect(notice).toContainText('Demandez un nouveau jeton de poste');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(notice).toContainText('This station’s token was revoked by the regional IT');
  } finally {
    await stolen.stop();
    await regional.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
