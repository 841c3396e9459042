// A nurse registers a patient with an INS through the UI; the station restarts on the same data
// folder and finds her again. A wrong INS key is shown on its field and nothing is stored.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStation, type RunningStation } from './station-host';
import { stationDatabase } from '../helpers/station-database';

let dataDir: string;
let station: RunningStation | null = null;

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-'));
});
test.afterEach(async () => {
  await station?.stop();
  station = null;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function storedPatients(): { birth_name: string; ins_matricule: string | null }[] {
  const db = stationDatabase(dataDir, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT birth_name, ins_matricule FROM patients').all() as { birth_name: string; ins_matricule: string | null }[];
  } finally {
    db.close();
  }
}

async function fillQualifiedIdentity(page: Page, matricule: string, submit: 'click' | 'enter' = 'click'): Promise<void> {
  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Nouveau patient' }).click();
  await page.getByLabel('Nom de naissance', { exact: true }).fill('Martin');
  await page.getByLabel('Premier prénom de naissance', { exact: true }).fill('Jeanne');
  await page.getByLabel('Prénoms de naissance', { exact: true }).fill('Jeanne Louise');
  await page.getByLabel('Date de naissance', { exact: true }).fill('03/12/1906');
  await page.getByRole('radio', { name: 'Féminin' }).check();
  await page.getByLabel('Code INSEE du lieu de naissance', { exact: true }).fill('75111');
  await page.getByLabel("Statut de l'identité", { exact: true }).selectOption('QUAL');
  await page.getByLabel('Matricule INS', { exact: true }).fill(matricule);
  await page.getByLabel("Type d'INS", { exact: true }).selectOption('1.2.250.1.213.1.4.8');
  if (submit === 'click') await page.getByRole('button', { name: 'Enregistrer' }).click();
  else await page.getByLabel('Matricule INS', { exact: true }).press('Enter');
}

// A cart where the region cannot be reached: the record waits in the outbox, across restarts.
const OFFLINE = { RELAIS_HUB_URL: 'ws://127.0.0.1:9/hub', RELAIS_HUB_TOKEN: 'offline' };

test('creates a patient with a valid INS, and finds her again after the station restarts', async ({ page }) => {
  station = await startStation(dataDir, OFFLINE);
  await page.goto(station.url);
  await fillQualifiedIdentity(page, '2 06 12 75 111 005 64');
  await expect(page.getByRole('heading', { name: /MARTIN.*JEANNE/ })).toBeVisible();
  expect(storedPatients()).toEqual([{ birth_name: 'MARTIN', ins_matricule: '206127511100564' }]);

  await station.stop();
  station = await startStation(dataDir, OFFLINE);
  await page.goto(station.url);
  const status = page.getByRole('region', { name: 'État de la station' });
  await expect(status).toContainText(/Patients enregistrés\s*1/);
  await expect(status).toContainText(/En attente de synchronisation\s*1/);
  await expect(status).toContainText(/Dernier problème de synchronisation\s*The regional FHIR server did not answer/);

  await page.getByRole('button', { name: 'Patients' }).click();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill('206127511100564');
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await expect(page.getByText('MARTIN').first()).toBeVisible();
  await page.getByLabel('Rechercher un patient', { exact: true }).fill('martin jeanne');
  await page.getByLabel('Rechercher un patient', { exact: true }).press('Enter');
  await expect(page.getByText('03/12/1906').first()).toBeVisible();
});

test('shows the wrong INS key on its field and stores nothing', async ({ page }) => {
  station = await startStation(dataDir);
  await page.goto(station.url);
  // Submitted from the keyboard: Enter in the last field typed.
  await fillQualifiedIdentity(page, '2 06 12 75 111 005 65', 'enter');

  const matricule = page.getByLabel('Matricule INS', { exact: true });
  await expect(matricule).toHaveAttribute('aria-invalid', 'true');
  // The focus goes to the field to correct.
  await expect(matricule).toBeFocused();
  const describedBy = (await matricule.getAttribute('aria-describedby')) ?? '';
  await expect(page.locator(`[id="${describedBy.split(' ')[0]}"]`)).toContainText('clé');
  // What was typed is still there, to be corrected.
  await expect(page.getByLabel('Nom de naissance', { exact: true })).toHaveValue(/martin/i);
  expect(storedPatients()).toEqual([]);

  await page.getByRole('button', { name: 'Accueil' }).click();
  await expect(page.getByRole('region', { name: 'État de la station' })).toContainText(/Patients enregistrés\s*0/);
});

test('refuses to work without the station key, and switches to English', async ({ page }) => {
  station = await startStation(dataDir);
  await page.goto(station.origin + '/');
  await expect(page.getByText(/npm start/)).toBeVisible();

  await page.goto(station.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Français' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
