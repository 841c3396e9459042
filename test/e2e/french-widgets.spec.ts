// French everywhere, the browser's own widgets included (issue 20, point 5): the product in
// French in a browser whose own language is English (as Electron or a Chromium started in English
// is). Forms submitted empty show the product's French errors beside their fields, never the
// browser's bubbles ("Please fill out this field"); no native time, date, month or file input is
// shown (they would say "09:40 AM", "July 2026", "Choose File"); and the camera, the measurement
// and the station's name show labels, never a device id or the machine's host name.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectStationClient } from './station-client';
import { createYvonneLeBihan, openPatient } from './patient-page';
import { startStation, type RunningStation } from './station-host';
import { sayWhoIAm } from './author';

let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-french-'));
  station = await startStation(dataDir);
});
test.afterAll(async () => {
  await station.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// The browser in English; the product keeps its own language (French, the default).
test.use({ locale: 'en-US' });

/** Every form on the page leaves validation to the product (no native bubble can appear). */
async function expectNoNativeValidation(page: Page) {
  await expect(page.locator('form:not([novalidate])')).toHaveCount(0);
}

/** No browser-drawn time, date, month or file widget is visible. */
async function expectNoNativePickers(page: Page) {
  const natives = page.locator(
    'input[type=time], input[type=date], input[type=datetime-local], input[type=month], input[type=week]',
  );
  await expect(natives).toHaveCount(0);
  for (const file of await page.locator('input[type=file]').all()) await expect(file).toBeHidden();
}

test('forms submitted empty show the product’s French errors, and no native widget is shown', async ({ page }) => {
  await page.goto(station.url);
  await sayWhoIAm(page, 'IDE Morvan');
  await createYvonneLeBihan(page);
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  const form = page.getByRole('form', { name: 'Nouvel acte' });
  await expectNoNativeValidation(page);
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(form.getByText('Champ obligatoire.').first()).toBeVisible();
  const reason = form.getByLabel('Motif');
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  // The browser computes its message ("Please fill out this field."), but a noValidate form never shows it.
  expect(await form.evaluate((f) => (f as unknown as { noValidate: boolean }).noValidate)).toBe(true);

  // The RPPS's format error says the format.
  await form.getByLabel('Motif').fill('Plaie du talon');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Kerlann');
  await form.getByLabel('Médecin expert (si connu)').fill('Dr Le Goff');
  await form.getByLabel('RPPS de l’expert').fill('1234');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(form.getByText(/11 chiffres/)).toBeVisible();
  await expect(form.getByLabel('RPPS de l’expert')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('RPPS de l’expert').fill('10101234567');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('Brouillon');

  // The act's forms: the same, and the file picker speaks French.
  await expectNoNativeValidation(page);
  await expectNoNativePickers(page);
  const files = page.getByRole('form', { name: 'Ajouter le fichier' });
  await expect(files.getByText('Choisir un fichier')).toBeVisible();
  await expect(files.getByText('Aucun fichier choisi')).toBeVisible();
  await files.getByLabel('Fichier (PDF, photo PNG ou JPEG)').setInputFiles({
    name: 'courrier.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await expect(files.getByText('courrier.pdf')).toBeVisible();

  // The activity screen: months chosen in French, no variable name.
  await page.getByRole('button', { name: 'Activité' }).click();
  await expect(page.getByRole('heading', { name: 'Activité' })).toBeVisible();
  await expectNoNativeValidation(page);
  await expectNoNativePickers(page);
  await expect(page.getByLabel('Du mois', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/RELAIS_[A-Z_]+/);
  await expect(page.locator('body')).not.toContainText(`(${os.hostname()})`);
});

test('the camera, the measurement and the station show labels, never an id or the host name', async ({ page }) => {
  await page.goto(station.url);
  await sayWhoIAm(page, 'IDE Morvan');
  // Her record, from the first test (the same station).
  await openPatient(page, 'Le Bihan', /LE BIHAN/);
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  const form = page.getByRole('form', { name: 'Nouvel acte' });
  await form.getByLabel('Motif').fill('Plaie du talon');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Kerlann');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  const consent = page.getByRole('form', { name: 'Consentement du patient' });
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await page.getByRole('button', { name: 'Démarrer l’acte' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('En cours');

  // The measurement names the oximeter by its label.
  const vitals = page.getByRole('form', { name: 'Mesures' });
  const measures = page.getByRole('list', { name: 'Mesures' });
  await expect(async () => {
    await vitals.getByRole('button', { name: 'Prendre SpO2 et pouls de l’oxymètre' }).click();
    await expect(measures.getByText(/^SpO2 : 9\d %/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(measures).toContainText('(appareil ');
  await expect(measures).not.toContainText('oximeter-');

  // The camera's choice and the photo's device: a human label, not Chromium's fake_device_0.
  await consent.getByLabel('Pour').selectOption('recording');
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await page.getByRole('button', { name: 'Prendre une photo (caméra ou dermatoscope)' }).click();
  const camera = page.getByRole('region', { name: 'Photo depuis une caméra' });
  await expect(camera.getByRole('combobox')).toContainText('Caméra 1');
  await expect(camera).not.toContainText('fake_device');
  await camera.getByRole('button', { name: 'Prendre la photo' }).click();
  await expect(page.getByRole('list', { name: 'Fichiers' })).toContainText('Caméra 1');
  await expect(page.getByRole('list', { name: 'Fichiers' })).not.toContainText('fake_device');

  // The cabin's header shows the site's name from its configuration, never the host name.
  const client = await connectStationClient(station.url);
  try {
    const kiosk = await client.value('kiosk.state', {});
    expect(kiosk.site).not.toBe(os.hostname());
  } finally {
    client.close();
  }
  await expect(page.locator('body')).not.toContainText(os.hostname());
});

test('the request and the drive forms say a refused field under that field', async ({ page }) => {
  await page.goto(station.url);
  await openPatient(page, 'le bihan', /LE BIHAN/i);

  // Téléexpertise: sent empty, the question says so under it, before anything reaches the station.
  await page.getByRole('button', { name: 'Demande de téléexpertise' }).click();
  const request = page.getByRole('form', { name: 'Demande de téléexpertise' });
  await request.getByRole('button', { name: /Créer la demande/ }).click();
  const question = request.getByLabel('Question posée');
  await expect(question).toHaveAttribute('aria-invalid', 'true');
  await expect(request.locator(`#${await question.getAttribute('aria-describedby')}`)).toHaveText('Champ obligatoire.');
  await request.getByRole('button', { name: 'Annuler' }).click();

  // The drive: a folder the station cannot read is said under the folder field.
  await page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
  const folder = page.getByLabel('Lecteur ou dossier');
  await folder.fill('/nonexistent-relais-drive');
  await page.getByRole('button', { name: 'Lire le disque' }).click();
  await expect(folder).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#drive-folder-error')).toContainText('Le dossier /nonexistent-relais-drive n’existe pas');
});
