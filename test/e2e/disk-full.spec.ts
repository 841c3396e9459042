// The station's disk fills under a nurse's hands (issue 17, point 2): a small tmpfs holds the data
// folder. "Disque plein" is said on every screen with the space to free, the registry stays
// readable, a new patient is refused saying why, and the banner goes once space is back.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { startStation, type RunningStation } from './station-host';
import { createYvonneLeBihan, openPatient } from './patient-page';
import { mountTmpfs, type Tmpfs } from '../helpers/tmpfs-mount';

let disk: Tmpfs | null = null;
let station: RunningStation | null = null;

test.afterEach(async () => {
  await station?.stop();
  station = null;
  disk?.unmount();
  disk = null;
});

// A cart where the region cannot be reached (no embedded hub): only the station writes to this disk.
const OFFLINE = {
  RELAIS_HUB_URL: 'ws://127.0.0.1:9/hub',
  RELAIS_HUB_TOKEN: 'offline',
  RELAIS_DEVICES: 'none',
  RELAIS_DISK_RESERVE_MB: '2',
};

test('says "Disque plein" on every screen, keeps the registry readable, and refuses a new patient until space is back', async ({
  page,
}) => {
  disk = mountTmpfs(16);
  station = await startStation(path.join(disk.root, 'data'), OFFLINE);
  await page.goto(station.url);
  await createYvonneLeBihan(page);
  const banner = page.getByTestId('disk-banner');
  await expect(banner).toHaveCount(0);

  disk.fill(0);
  // The station measures its disk every few seconds: the banner comes on the screen being used.
  await expect(banner).toContainText('Disque plein', { timeout: 15_000 });
  await expect(banner).toContainText(/Libérez au moins \d+ Mo/);
  await openPatient(page, 'Le Bihan', /LE BIHAN/);
  await expect(page.getByRole('heading', { name: /LE BIHAN.*YVONNE/ })).toBeVisible();
  await expect(banner).toBeVisible();

  // A new patient is refused, saying the disk is full; the banner now says nothing new is saved.
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Nouveau patient' }).click();
  await page.getByLabel('Nom de naissance', { exact: true }).fill('Kerjean');
  await page.getByLabel('Premier prénom de naissance', { exact: true }).fill('Anne');
  await page.getByLabel('Date de naissance', { exact: true }).fill('02/03/1950');
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByLabel('Code INSEE du lieu de naissance', { exact: true }).fill('29019');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'rien de nouveau n’a pu être enregistré' })).toBeVisible();
  await expect(banner).toContainText('Rien de nouveau ne peut être enregistré');
  await page.getByRole('button', { name: 'Technique', exact: true }).click();
  await expect(banner).toBeVisible();
  await expect(page.getByTestId('disk-space')).toContainText(/0 Mo libres \(2 Mo gardés pour les dossiers\)/);
  await expect(page.getByTestId('audit-waiting')).toContainText('en attente d’écriture');

  disk.release();
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('audit-waiting')).toHaveCount(0);
});
