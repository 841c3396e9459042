// Professional sign-in from the station's page against a real OpenID Connect provider on loopback
// (oidc-provider, discovery at Pro Santé Connect's wallet path): the provider's page opens in a new
// tab, the professional signs in there, the station shows her name and RPPS, asks for her unlock
// code before any record, puts her in the act forms as the person at the cart, locks and unlocks
// with her code, and signs her out. Her badge, typed by a reader (a USB keyboard: 8 ms a key,
// through Chromium's input), is enrolled, opens the locked cart, and a wrong one is refused.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';
import { choosePin, signIn, signInEnv } from './sign-in';
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
    ...signInEnv(provider),
  });
});
test.afterAll(async () => {
  await station?.stop();
  await provider?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/**
 * A badge presented to a keyboard-emulating reader: its identifier and Enter, 8 ms a key. The keys
 * are stamped here, as the system stamps a USB reader's: Playwright's keyboard.type is stamped when
 * the page gets each key, and a busy machine stretches its gaps past any reader's (see the traces
 * in test/fixtures/keystrokes).
 */
async function presentBadge(page: Page, uid: string) {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const keys = [...uid].map((ch) => ({
    key: ch,
    code: /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`,
    text: ch,
    vk: ch.toUpperCase().charCodeAt(0),
  }));
  keys.push({ key: 'Enter', code: 'Enter', text: '\r', vk: 13 });
  for (const [i, k] of keys.entries()) {
    const at = start + i * 0.008;
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyDown',
      key: k.key,
      code: k.code,
      text: k.text,
      windowsVirtualKeyCode: k.vk,
      timestamp: at,
    });
    await cdp.send('Input.dispatchKeyEvent', {
      type: 'keyUp',
      key: k.key,
      code: k.code,
      windowsVirtualKeyCode: k.vk,
      timestamp: at + 0.003,
    });
  }
  await cdp.detach();
}

test('a professional signs in with the provider, is the one at the cart in the forms, and signs out', async ({
  page,
  context,
}) => {
  await page.goto(station.url);
  const badge = page.getByRole('group', { name: 'Professionnel connecté' });
  await signIn(page, context);

  await expect(badge.getByTestId('signed-in')).toHaveText('Anne KERLEAU (RPPS 10001234567)');
  // No record opens before she chooses the code that unlocks the cart between acts.
  await expect(
    page.getByRole('heading', { name: 'Anne KERLEAU : choisissez votre code de déverrouillage' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Patients' })).toBeVisible(); // the header stays
  await choosePin(page, '4826');
  // The one at the cart: the act form names her (issue 20, point 2), with no field to type a name.
  await createYvonneLeBihan(page, { "Statut de l'identité": 'PROV' });
  await page.getByRole('button', { name: 'Nouvel acte' }).click();
  const newAct = page.getByRole('form', { name: 'Nouvel acte' });
  await expect(newAct.getByTestId('author-line')).toContainText('Enregistré au nom de Anne KERLEAU');
  await expect(newAct.getByTestId('author-line')).toContainText('(RPPS 10001234567)');
  await expect(newAct.getByRole('textbox', { name: /^Requérant/ })).toHaveCount(0);

  // Locked between acts: her code opens it again, a wrong one does not.
  await badge.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Chariot verrouillé — Anne KERLEAU' })).toBeVisible();
  await page.getByLabel('Votre code de déverrouillage').fill('7391');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('alert')).toContainText('Code incorrect. Encore 4 essai(s)');
  await page.getByLabel('Votre code de déverrouillage').fill('4826');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('form', { name: 'Nouvel acte' })).toBeVisible();

  await badge.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connectez-vous pour ouvrir les dossiers' })).toBeVisible();
  await expect(badge.getByRole('button', { name: 'Se connecter (Pro Santé Connect)' })).toBeVisible();
  expect(provider.requests).toContainEqual({ method: 'POST', path: '/token/revocation', status: 200 });
});

test('her badge, enrolled once, opens the locked cart; a wrong badge is refused and counted; a badge never signs in', async ({
  page,
  context,
}) => {
  await page.goto(station.url);
  const chip = page.getByRole('group', { name: 'Professionnel connecté' });
  // Nobody signed in: a badge opens nothing.
  await expect(page.getByRole('heading', { name: 'Connectez-vous pour ouvrir les dossiers' })).toBeVisible();
  await presentBadge(page, '04A3B2C1D9');
  await expect(page.getByRole('alert')).toHaveText(
    'Un badge ne remplace pas la connexion : connectez-vous avec Pro Santé Connect, puis enregistrez votre badge.',
  );

  await signIn(page, context);
  await choosePin(page, '4826');
  await chip.getByRole('button', { name: 'Badge' }).click();
  const panel = page.getByRole('region', { name: 'Badge de déverrouillage' });
  await expect(panel).toContainText('Présentez votre badge au lecteur du chariot.');
  await presentBadge(page, '04A3B2C1D9');
  await expect(panel.getByRole('status')).toHaveText(
    'Badge enregistré : il déverrouille le chariot jusqu’à votre déconnexion.',
  );
  await expect(chip.getByRole('button', { name: 'Badge ✓' })).toBeVisible();
  await panel.getByRole('button', { name: 'Fermer' }).click();

  // Presented over a form field, the badge lands in no field and submits nothing.
  await page.getByRole('button', { name: 'Patients' }).click();
  const search = page.getByLabel('Rechercher un patient');
  await search.click();
  await presentBadge(page, '04A3B2C1D9');
  await expect(chip.getByRole('status')).toHaveText(
    'Badge lu : il sert à rouvrir le chariot verrouillé. Pour l’enregistrer, utilisez le bouton « Badge » en haut.',
  );
  await expect(search).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Patients récents' })).toBeVisible();
  // A person typing there is left alone; two keys struck at once are given back in place.
  await search.pressSequentially('LE', { delay: 5 });
  await expect(search).toHaveValue('LE');
  await search.pressSequentially(' BIHAN', { delay: 120 });
  await expect(search).toHaveValue('LE BIHAN');

  await chip.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByRole('heading', { name: 'Chariot verrouillé — Anne KERLEAU' })).toBeVisible();
  await expect(page.getByText('Présentez votre badge au lecteur, ou tapez votre code.')).toBeVisible();
  // Another badge: refused, counted with the wrong codes, and nothing of it left in the code field.
  const pinField = page.getByLabel('Votre code de déverrouillage');
  await expect(pinField).toBeFocused();
  await presentBadge(page, '9988776655');
  await expect(page.getByRole('alert')).toHaveText(
    'Badge refusé : ce n’est pas celui enregistré pour cette session. Encore 4 essai(s), puis il faudra se reconnecter.',
  );
  await expect(pinField).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Chariot verrouillé — Anne KERLEAU' })).toBeVisible();
  await pinField.fill('7391');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByRole('alert')).toHaveText('Code incorrect. Encore 3 essai(s), puis il faudra se reconnecter.');
  // Hers opens it, where she left it.
  await presentBadge(page, '04A3B2C1D9');
  await expect(page.getByRole('heading', { name: 'Chariot verrouillé — Anne KERLEAU' })).toBeHidden();
  await expect(search).toHaveValue('LE BIHAN');

  // Signed out, the badge is forgotten: after the next sign-in it opens nothing until enrolled again.
  await chip.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connectez-vous pour ouvrir les dossiers' })).toBeVisible();
});
