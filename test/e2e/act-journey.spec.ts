// The nurse's way from a new patient to the signed report on a cart's screen (1366x768, issue 20,
// point 1): saved, the patient's screen says so and offers "Nouvel acte" at the top, without
// scrolling; the patient banner (names, birth date and age, sex, identity status) stays in view on
// her images, on the act and on its stroke sheet; signing the report shows the act signed and closed
// at once, in plain words, on the act and in her list of acts.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createYvonneLeBihan } from './patient-page';
import { startStation, type RunningStation } from './station-host';
import { sayWhoIAm } from './author';

test.use({ viewport: { width: 1366, height: 768 } });

let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-act-journey-'));
  station = await startStation(dataDir);
});
test.afterAll(async () => {
  await station.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The banner is in view and names Yvonne Le Bihan with her birth date, age, sex and identity status. */
async function expectBanner(page: Page): Promise<void> {
  const banner = page.getByRole('region', { name: 'Patient', exact: true });
  await expect(banner).toBeInViewport();
  await expect(banner).toContainText('LE BIHAN');
  await expect(banner).toContainText(/né\(e\) le 17\/02\/1941 · \d{2} ans/);
  await expect(banner).toContainText('Femme');
  await expect(banner).toContainText('Identité provisoire');
}

test('from a new patient to the signed report, the patient always in view at 1366x768', async ({ page }) => {
  await page.goto(station.url);
  await sayWhoIAm(page, 'IDE Morvan');
  await createYvonneLeBihan(page, { "Statut de l'identité": 'PROV' });

  // Her screen, not the form again: a confirmation, her banner and "Nouvel acte", all without scrolling.
  await expect(page.getByRole('status').filter({ hasText: 'Patient enregistré' })).toBeInViewport();
  await expectBanner(page);
  const newAct = page.getByRole('button', { name: 'Nouvel acte', exact: true });
  await expect(newAct).toBeInViewport();
  expect(await page.evaluate<number>('window.scrollY')).toBe(0);

  // An identity edited says so where the nurse pressed "Enregistrer".
  await page.getByLabel('Nom utilisé', { exact: true }).fill('Kerhervé');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('identity-saved')).toHaveText('Identité enregistrée.');
  await expect(page.getByTestId('identity-saved')).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Patient', exact: true })).toContainText('dit(e) KERHERVE');

  // Her images, further down: the banner stays in view.
  await page.getByRole('heading', { name: 'Imagerie' }).scrollIntoViewIfNeeded();
  await expectBanner(page);

  // A new act from the top of her screen.
  await page.evaluate('window.scrollTo(0, 0)');
  await newAct.click();
  const form = page.getByRole('form', { name: 'Nouvel acte' });
  await form.getByLabel('Motif').fill('Céphalées brutales');
  await form.getByLabel('Lieu (site requérant)').fill('EHPAD Kerlann');
  await form.getByRole('button', { name: 'Créer l’acte' }).click();
  await expect(page.getByRole('heading', { name: 'Téléconsultation — Céphalées brutales' })).toBeVisible();
  await expectBanner(page);
  await expect(page.getByTestId('act-status')).toHaveText('Brouillon');
  await expect(page.getByTestId('act-status')).toBeInViewport();
  await expect(page.getByRole('button', { name: 'Démarrer l’acte' })).toBeInViewport();

  const consent = page.getByRole('form', { name: 'Consentement du patient' });
  await consent.getByLabel('le patient lui-même').check();
  await consent.getByRole('button', { name: 'Donné' }).click();
  await page.getByRole('button', { name: 'Démarrer l’acte' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('En cours');

  // The stroke sheet, the NIHSS far below: the banner stays in view.
  await page.getByRole('button', { name: 'Ouvrir la fiche AVC' }).click();
  await page
    .getByRole('group', { name: /^Cotation de 11\. / })
    .first()
    .scrollIntoViewIfNeeded();
  await expectBanner(page);

  // The report, signed: the act says so at once, in plain words.
  await page.evaluate('window.scrollTo(0, 0)');
  await sayWhoIAm(page, 'Dr Le Goff', 'Médecin', '10003456789');
  const report = page.getByRole('form', { name: 'Compte rendu' });
  await report.getByLabel('Texte du compte rendu').fill('Pas de signe de gravité. Scanner demandé.');
  await report.getByRole('button', { name: 'Signer le compte rendu' }).click();
  await expect(page.getByTestId('act-status')).toHaveText('Compte rendu signé, acte clôturé');
  await expect(page.getByRole('form', { name: 'Mesures' })).toHaveCount(0); // nothing more is added to a signed act
  // Its signed report may still be corrected.
  await expect(page.getByRole('button', { name: 'Corriger ce compte rendu' })).toBeVisible();

  await page.getByRole('button', { name: '← Retour au patient' }).click();
  await expect(page.getByText(/^Clôturé, créé le /)).toBeVisible();
});
