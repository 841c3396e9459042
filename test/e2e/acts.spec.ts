// An assisted téléconsultation run from the cart's screen, on the station's embedded defaults
// (simulated oximeter, embedded hub): the nurse opens an act for a new patient, cannot start it
// before the patient's consent, records it with who gave it, takes SpO2 and pulse from the
// oximeter and types a blood pressure and temperatures (an impossible one refused under its
// field, an unusual one taken once confirmed, 37,2 with a decimal comma); no photo before the
// consent to recording; the expert signs the report, which closes the act, and corrects it; and
// everything reaches the regional server.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectStationClient } from './station-client';
import { createYvonneLeBihan } from './patient-page';
import { startStation, type RunningStation } from './station-host';
import { sayWhoIAm } from './author';

let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-acts-'));
  station = await startStation(dataDir);
});
test.afterAll(async () => {
  await station.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a nurse runs an act from consent to signed report, measurements included', async ({ page }) => {
  await page.goto(station.url);
  await createYvonneLeBihan(page, { "Statut de l'identité": 'PROV' });

  // A new act, from the patient's screen.
  await expect(page.getByText('Aucun acte pour ce patient.')).toBeVisible();
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  const form = page.getByRole('form', { name: 'Nouvel acte' });
  await form.getByLabel('Motif').fill('Plaie du talon qui ne cicatrise pas');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Kerlann');
  await form.getByLabel('Spécialité demandée').fill('dermatologie');
  await sayWhoIAm(page, 'IDE Morvan');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(
    page.getByRole('heading', { name: 'Téléconsultation — Plaie du talon qui ne cicatrise pas' }),
  ).toBeVisible();
  await expect(page.getByTestId('act-status')).toHaveText('Brouillon');

  // No start without consent: the station says why.
  await page.getByRole('button', { name: 'Démarrer l’acte' }).click();
  await expect(page.getByRole('alert')).toContainText('Recueillez d’abord le consentement du patient à l’acte.');
  const consent = page.getByRole('form', { name: 'Consentement du patient' });
  // Who consents is asked, never assumed (CSP L1111-4, L1111-6): nothing is chosen beforehand.
  await expect(consent.getByRole('button', { name: 'Donné' })).toBeDisabled();
  await expect(consent.getByTestId('consent-missing')).toHaveText(
    'Choisissez qui consent avant d’enregistrer la réponse.',
  );
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await expect(page.getByText(/^à l’acte : Donné — par le patient \(recueilli par IDE Morvan/)).toBeVisible();
  await page.getByRole('button', { name: 'Démarrer l’acte' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('En cours');

  // SpO2 and pulse from the simulated oximeter, then a blood pressure typed by hand.
  const vitals = page.getByRole('form', { name: 'Mesures' });
  await expect(async () => {
    await vitals.getByRole('button', { name: 'Prendre SpO2 et pouls de l’oxymètre' }).click();
    await expect(page.getByRole('list', { name: 'Mesures' }).getByText(/^SpO2 : 9\d %/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(
    page
      .getByRole('list', { name: 'Mesures' })
      .getByText(/^Fréquence cardiaque : \d{2,3} \/min — IDE Morvan, .* \(appareil /),
  ).toBeVisible();
  await vitals.getByLabel('Mesures').selectOption('blood_pressure');
  await vitals.getByLabel('Systolique (mmHg)').fill('150');
  await vitals.getByLabel('Diastolique').fill('160');
  // Refused under its field, not at the top of the page; nothing is sent.
  await expect(vitals.getByText('La diastolique doit être inférieure à la systolique.')).toBeVisible();
  await expect(vitals.getByRole('button', { name: 'Enregistrer la mesure' })).toBeDisabled();
  await vitals.getByLabel('Diastolique').fill('90');
  await vitals.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(
    page
      .getByRole('list', { name: 'Mesures' })
      .getByText(/^Pression artérielle : 150\/90 mmHg — IDE Morvan, .* \(saisie\)/),
  ).toBeVisible();

  // Temperatures (limits and sources: src/shared/acts/vital-limits.ts): 98,6 is Fahrenheit typed, impossible;
  // 45 °C is possible but unusual, taken once confirmed; 37,2 with a decimal comma, shown in French.
  await vitals.getByLabel('Mesures').selectOption('body_temperature');
  await vitals.getByLabel('Valeur (°C)').fill('98,6');
  await expect(
    vitals.getByText('Valeur impossible (possible : de 13 à 47). Vérifiez la saisie (unité, virgule) ou l’appareil.'),
  ).toBeVisible();
  await expect(vitals.getByRole('button', { name: 'Enregistrer la mesure' })).toBeDisabled();
  await vitals.getByLabel('Valeur (°C)').fill('45');
  await expect(
    vitals.getByText(
      'Valeur inhabituelle (habituel : de 35 à 41,5). Vérifiez-la ; si elle est juste, cochez « Je confirme cette valeur ».',
    ),
  ).toBeVisible();
  await expect(vitals.getByRole('button', { name: 'Enregistrer la mesure' })).toBeDisabled();
  await vitals.getByLabel('Je confirme cette valeur (vérifiée)').check();
  await vitals.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(
    page
      .getByRole('list', { name: 'Mesures' })
      .getByText(/^Température : 45 °C — IDE Morvan, .* \(saisie\) · valeur inhabituelle confirmée/),
  ).toBeVisible();
  await vitals.getByLabel('Valeur (°C)').fill('37,2');
  await vitals.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(
    page.getByRole('list', { name: 'Mesures' }).getByText(/^Température : 37,2 °C — IDE Morvan/),
  ).toBeVisible();

  // A letter the patient brought, added as a PDF.
  const files = page.getByRole('form', { name: 'Ajouter le fichier' });
  await files.getByLabel('Fichier (PDF, photo PNG ou JPEG)').setInputFiles({
    name: 'courrier.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await files.getByLabel('Titre (par exemple : courrier du cardiologue)').fill('Courrier du dermatologue');
  await files.getByRole('button', { name: 'Ajouter le fichier' }).click();
  await expect(
    page
      .getByRole('list', { name: 'Fichiers' })
      .getByText(/^Document : Courrier du dermatologue \(1 ko\) — IDE Morvan/),
  ).toBeVisible();

  // No photo before the patient's consent to recording; her daughter, her legal representative, gives it.
  await expect(page.getByRole('button', { name: 'Prendre une photo (caméra ou dermatoscope)' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Fichiers' }).getByTestId('consent-blocked').first()).toHaveText(
    /le consentement du patient à l’enregistrement n’est pas recueilli/,
  );
  await consent.getByLabel('Pour').selectOption('recording');
  await consent.getByLabel('son représentant légal (mineur, majeur protégé)').check();
  await consent.getByLabel('Nom du représentant légal').fill('Mme Anne Le Bihan (tutrice)');
  await consent.getByRole('button', { name: 'Donné' }).click();
  await expect(
    page.getByText(
      /^à l’enregistrement : Donné — par Mme Anne Le Bihan \(tutrice\), représentant légal \(recueilli par IDE Morvan/,
    ),
  ).toBeVisible();
  // A photo straight from the station's camera (Chromium's fake camera here), kept full size.
  await page.getByRole('button', { name: 'Prendre une photo (caméra ou dermatoscope)' }).click();
  const camera = page.getByRole('region', { name: 'Photo depuis une caméra' });
  await expect
    .poll(() => camera.getByLabel('Image de la caméra').evaluate((v) => (v as HTMLVideoElement).videoWidth))
    .toBeGreaterThan(0);
  await camera.getByLabel('Titre de la photo (par exemple : lésion du dos, dermatoscope)').fill('Plaie du talon');
  await camera.getByRole('button', { name: 'Prendre la photo' }).click();
  await expect(
    page.getByRole('list', { name: 'Fichiers' }).getByText(/^Photo : Plaie du talon \(\d+ ko\) — IDE Morvan/),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Fermer la caméra' }).click();
  // The camera is released when the panel closes.
  await expect(camera).toHaveCount(0);

  // The expert ends the act, signs the report, then corrects it.
  await page.getByRole('button', { name: 'Terminer (en attente du compte rendu)' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('En attente du compte rendu');
  const report = page.getByRole('form', { name: 'Compte rendu' });
  // The dermatology téléconsultation template, then the expert's own words.
  await report.getByRole('button', { name: 'Partir du modèle (type d’acte et spécialité)' }).click();
  await expect(report.getByLabel('Texte du compte rendu')).toHaveValue(
    /^Motif de la téléconsultation :\n[\s\S]*Description des lésions \(siège, taille, aspect, évolution\) :[\s\S]*Conclusion :/,
  );
  await report
    .getByLabel('Texte du compte rendu')
    .fill('Plaie propre, stade 2.\nPansement hydrocellulaire, réévaluation à J7.');
  // The doctor takes over the cart: "Changer", then she signs in her own name.
  await sayWhoIAm(page, 'Dr Le Goff', 'Médecin', '10003456789');
  await report.getByRole('button', { name: 'Signer le compte rendu' }).click();
  await expect(page.getByText(/^Signé par Dr Le Goff le /)).toBeVisible();
  // Signing closes the act, said at once in plain words (issue 20); its report may still be corrected.
  await expect(page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé');
  await expect(page.getByRole('button', { name: 'Clôturer l’acte' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Corriger ce compte rendu' }).click();
  await report
    .getByLabel('Texte du compte rendu')
    .fill('Plaie propre, stade 2.\nPansement hydrocellulaire, réévaluation à J10.');
  await report.getByRole('button', { name: 'Signer le compte rendu' }).click();
  await expect(page.getByText(/remplacé par une correction$/)).toBeVisible();
  await expect(page.getByText('réévaluation à J10', { exact: false })).toBeVisible();

  // The corrected report as a PDF for the patient, read back by pdftotext.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Compte rendu en PDF (à imprimer)' }).last().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^compte-rendu-LE-BIHAN-YVONNE-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfFile = path.join(os.tmpdir(), `relais-e2e-${Date.now()}.pdf`);
  await download.saveAs(pdfFile);
  const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
  const pdfBytes = fs.readFileSync(pdfFile);
  fs.rmSync(pdfFile, { force: true });
  for (const expected of [
    'Compte rendu de téléconsultation',
    'Nom de naissance : LE BIHAN',
    'Date de naissance : 17/02/1941',
    'Côté expert : TC (tarif de la consultation',
    'réévaluation à J10',
    'Signé par Dr Le Goff (RPPS 10003456789)',
    'Ce compte rendu corrige et remplace une version précédente.',
  ]) {
    expect(pdfText).toContain(expected);
  }
  // Both signed reports' PDFs are among the act's files, the first marked replaced; printed from
  // there, the correction's is the very file saved above (kept at signing, never rendered again).
  const signedPdfs = page
    .getByRole('list', { name: 'Fichiers' })
    .getByRole('listitem')
    .filter({ hasText: 'Compte rendu signé (PDF) : compte-rendu-LE-BIHAN-YVONNE-' });
  await expect(signedPdfs).toHaveCount(2);
  await expect(signedPdfs.first()).toContainText('Dr Le Goff');
  await expect(signedPdfs.first()).toContainText('remplacé par une correction');
  await expect(signedPdfs.last()).not.toContainText('remplacé');
  const [again] = await Promise.all([
    page.waitForEvent('download'),
    signedPdfs.last().getByRole('button', { name: 'Imprimer' }).click(),
  ]);
  const againFile = path.join(os.tmpdir(), `relais-e2e-again-${Date.now()}.pdf`);
  await again.saveAs(againFile);
  expect(fs.readFileSync(againFile).equals(pdfBytes)).toBe(true);
  fs.rmSync(againFile, { force: true });
  await expect(page.getByRole('form', { name: 'Mesures' })).toHaveCount(0); // nothing more is added to a closed act

  // Back on the patient: the act is listed; the station sent it all to the embedded regional hub.
  await page.getByRole('button', { name: '← Retour au patient' }).click();
  await expect(
    page.getByRole('button', { name: 'Téléconsultation — Plaie du talon qui ne cicatrise pas' }),
  ).toBeVisible();
  const client = await connectStationClient(station.url);
  try {
    await expect.poll(async () => (await client.value('station.status', {})).sync.pending, { timeout: 30_000 }).toBe(0);
    const status = await client.value('station.status', {});
    expect(status.sync).toMatchObject({ parked: 0, conflicts: 0, lastError: null });
  } finally {
    client.close();
  }
});
