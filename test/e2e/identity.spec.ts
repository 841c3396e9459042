// Professional sign-in from the station's page against a real OpenID Connect provider on loopback
// (oidc-provider, discovery at Pro Santé Connect's wallet path): the provider's page opens in a new
// tab, the professional signs in there, the station shows her name and RPPS, asks for her unlock
// code before any record, puts her in the act forms as the person at the cart, locks and unlocks
// with her code, and signs her out.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLIENT, PROFESSIONAL, startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { createYvonneLeBihan } from './patient-page';
import { startStation, type RunningStation } from './station-host';

let provider: TestProvider;
let station: RunningStation;
let dataDir: string;
test.beforeAll(async () => {
  provider = await startTestProvider();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-identity-'));
  station = await startStation(dataDir, {
    RELAIS_DEVICES: 'none',
    RELAIS_OIDC_DISCOVERY_URL: `${provider.issuer}/.well-known/wallet-openid-configuration`,
    RELAIS_OIDC_CLIENT_ID: CLIENT.id,
    RELAIS_OIDC_CLIENT_SECRET: CLIENT.secret,
  });
});
test.afterAll(async () => {
  await station?.stop();
  await provider?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a professional signs in with the provider, is the one at the cart in the forms, and signs out', async ({ page, context }) => {
  await page.goto(station.url);
  const badge = page.getByRole('group', { name: 'Professionnel connecté' });
  const providerTab = context.waitForEvent('page');
  await badge.getByRole('button', { name: 'Se connecter (Pro Santé Connect)' }).click();
  const tab = await providerTab;
  await expect(badge.getByRole('status')).toHaveText('Connexion en cours dans le navigateur…');

  // On the provider's pages (its development login form and consent).
  await tab.locator('input[name="login"]').fill(PROFESSIONAL.login);
  await tab.locator('input[name="password"]').fill('any');
  await tab.locator('button[type="submit"]').click();
  await tab.locator('button[type="submit"]').click();
  await expect(tab.getByRole('heading', { name: 'Connexion réussie / Signed in' })).toBeVisible();
  await tab.close();

  await expect(badge.getByTestId('signed-in')).toHaveText('Anne KERLEAU (RPPS 10001234567)');
  // No record opens before she chooses the code that unlocks the cart between acts.
  await expect(page.getByRole('heading', { name: 'Anne KERLEAU : choisissez votre code de déverrouillage' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Patients' })).toBeVisible(); // the header stays
  await page.getByLabel('Votre code', { exact: true }).fill('2468');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Retapez le code').fill('2468');
  await page.getByRole('button', { name: 'Enregistrer le code' }).click();
  // The one at the cart: the act form names her.
  await createYvonneLeBihan(page, { "Statut de l'identité": 'PROV' });
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  await expect(page.getByRole('form', { name: 'Nouvel acte' }).getByLabel('Requérant (votre nom)')).toHaveValue('Anne KERLEAU');

  // Locked between acts: her code opens it again, a wrong one does not.
  await badge.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Chariot verrouillé — Anne KERLEAU' })).toBeVisible();
  await page.getByLabel('Votre code de déverrouillage').fill('1357');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('alert')).toContainText('Code incorrect. Encore 4 essai(s)');
  await page.getByLabel('Votre code de déverrouillage').fill('2468');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('form', { name: 'Nouvel acte' })).toBeVisible();

  await badge.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connectez-vous pour ouvrir les dossiers' })).toBeVisible();
  await expect(badge.getByRole('button', { name: 'Se connecter (Pro Santé Connect)' })).toBeVisible();
  expect(provider.requests).toContainEqual({ method: 'POST', path: '/token/revocation', status: 200 });
});
