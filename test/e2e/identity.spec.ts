// Professional sign-in from the station's page against a real OpenID Connect provider on loopback
// (oidc-provider, discovery at Pro Santé Connect's wallet path): the provider's page opens in a new
// tab, the professional signs in there, the station shows her name and RPPS, puts her in the act
// forms as the person at the cart, and signs her out.
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
  // The one at the cart: the act form names her.
  await createYvonneLeBihan(page, { "Statut de l'identité": 'PROV' });
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  await expect(page.getByRole('form', { name: 'Nouvel acte' }).getByLabel('Requérant (votre nom)')).toHaveValue('Anne KERLEAU');

  await badge.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(badge.getByRole('button', { name: 'Se connecter (Pro Santé Connect)' })).toBeVisible();
  expect(provider.requests).toContainEqual({ method: 'POST', path: '/token/revocation', status: 200 });
});
