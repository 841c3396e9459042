// Who is at the cart, said once (issue 20, point 2): on a station without sign-in, the nurse says
// who she is the first time an author is needed ("Qui êtes-vous ?": name, profession, RPPS with
// its format said when wrong); the act's requester, the consent, a measurement, a file, a photo
// and the signed report (on the act screen and in the PDF) are then recorded with her name, and no
// field asks for it again. The header shows who is at the cart with "Changer".
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createYvonneLeBihan } from './patient-page';
import { startStation, type RunningStation } from './station-host';

let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-author-'));
  station = await startStation(dataDir);
});
test.afterAll(async () => {
  await station.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** No field on the page asks for a person's name (the labels the forms used before). */
async function expectNoAuthorField(page: Page): Promise<void> {
  for (const label of [
    /^Requérant/,
    /^Recueilli par/,
    /^Mesuré par/,
    /^Ajouté par/,
    /^Prise par/,
    /^Auteur/,
    /^RPPS de l’auteur/,
  ])
    await expect(page.getByRole('textbox', { name: label })).toHaveCount(0);
}

test('without sign-in, the nurse gives her name once and every record carries it', async ({ page }) => {
  await page.goto(station.url);
  const who = page.getByRole('dialog', { name: 'Qui êtes-vous ?' });
  await createYvonneLeBihan(page, { "Statut de l'identité": 'PROV' });

  // The new act: no requester field; creating it asks who she is, once.
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  const form = page.getByRole('form', { name: 'Nouvel acte' });
  await expectNoAuthorField(page);
  await form.getByLabel('Motif').fill('Plaie du talon');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Kerlann');
  await form.getByLabel('Spécialité demandée').fill('dermatologie');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(who).toBeVisible();
  await who.getByLabel('Votre nom').fill('IDE Morvan');
  await who.getByLabel('Votre profession').selectOption({ label: 'Infirmier·e' });
  await who.getByLabel('Votre RPPS (si vous en avez un)').fill('1234');
  await who.getByRole('button', { name: 'C’est moi' }).click();
  await expect(
    who.getByText('Le RPPS compte 11 chiffres (par exemple 10001234567) ; laissez vide si vous n’en avez pas.'),
  ).toBeVisible();
  await who.getByLabel('Votre RPPS (si vous en avez un)').fill('60001234567');
  await who.getByRole('button', { name: 'C’est moi' }).click();
  await expect(who).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Téléconsultation — Plaie du talon' })).toBeVisible();
  await expect(page.getByTestId('author-badge')).toContainText('IDE Morvan');
  await expect(page.getByTestId('author-badge')).toContainText('Infirmier·e');
  await expect(page.getByTestId('author-badge').getByRole('button', { name: 'Changer' })).toBeVisible();
  await expect(page.getByTestId('act-status').locator('..')).toContainText('IDE Morvan');
  await expectNoAuthorField(page);

  // Consent, collected by her.
  const consent = page.getByRole('form', { name: 'Consentement du patient' });
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await expect(page.getByText(/^à l’acte : Donné — par le patient \(recueilli par IDE Morvan/)).toBeVisible();
  await page.getByRole('button', { name: 'Démarrer l’acte' }).click();

  // A measurement typed by hand.
  const vitals = page.getByRole('form', { name: 'Mesures' });
  await vitals.getByLabel('Mesures').selectOption('body_temperature');
  await vitals.getByLabel('Valeur (°C)').fill('37,2');
  await vitals.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(
    page.getByRole('list', { name: 'Mesures' }).getByText(/^Température : 37,2 °C — IDE Morvan/),
  ).toBeVisible();

  // A file.
  const files = page.getByRole('form', { name: 'Ajouter le fichier' });
  await files.getByLabel('Fichier (PDF, photo PNG ou JPEG)').setInputFiles({
    name: 'courrier.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await files.getByLabel('Titre (par exemple : courrier du cardiologue)').fill('Courrier');
  await files.getByRole('button', { name: 'Ajouter le fichier' }).click();
  await expect(
    page.getByRole('list', { name: 'Fichiers' }).getByText(/^Document : Courrier \(1 ko\) — IDE Morvan/),
  ).toBeVisible();

  // A photo, after the consent to recording.
  await consent.getByLabel('Pour').selectOption('recording');
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await page.getByRole('button', { name: 'Prendre une photo (caméra ou dermatoscope)' }).click();
  const camera = page.getByRole('region', { name: 'Photo depuis une caméra' });
  await expect
    .poll(() => camera.getByLabel('Image de la caméra').evaluate((v) => (v as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await camera.getByLabel('Titre de la photo (par exemple : lésion du dos, dermatoscope)').fill('Talon');
  await expectNoAuthorField(page);
  await camera.getByRole('button', { name: 'Prendre la photo' }).click();
  await expect(
    page.getByRole('list', { name: 'Fichiers' }).getByText(/^Photo : Talon \(\d+ ko\) — IDE Morvan/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Fermer la caméra' }).click();

  // The report, signed in her name with her RPPS, on the screen and in the PDF.
  await page.getByRole('button', { name: 'Terminer (en attente du compte rendu)' }).click();
  const report = page.getByRole('form', { name: 'Compte rendu' });
  await report.getByLabel('Texte du compte rendu').fill('Plaie propre, stade 2.');
  await expectNoAuthorField(page);
  await report.getByRole('button', { name: 'Signer le compte rendu' }).click();
  await expect(page.getByText(/^Signé par IDE Morvan le /)).toBeVisible();
  await expect(who).toHaveCount(0); // never asked again
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Compte rendu en PDF (à imprimer)' }).last().click(),
  ]);
  const pdfFile = path.join(os.tmpdir(), `relais-e2e-author-${Date.now()}.pdf`);
  await download.saveAs(pdfFile);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  fs.rmSync(pdfFile, { force: true });
  expect(pdfText).toContain('Signé par IDE Morvan (RPPS 60001234567)');

  // "Changer": the next author is asked again, and then named on the header.
  await page.getByTestId('author-badge').getByRole('button', { name: 'Changer' }).click();
  await expect(who).toBeVisible();
  await who.getByLabel('Votre nom').fill('Dr Le Goff');
  await who.getByLabel('Votre profession').selectOption({ label: 'Médecin' });
  await who.getByRole('button', { name: 'C’est moi' }).click();
  await expect(page.getByTestId('author-badge')).toContainText('Dr Le Goff');
  await expect(page.getByTestId('author-badge')).toContainText('Médecin');
});
