// The call's screen on a cart (1366x768) and on an expert's desk (1920x1080): the video beside the
// working panel, both in view, with no scrolling of the page, while the NIHSS is scored and while
// images are shared; who is called; the notices of what the other side shares or asks; the
// confirmation before hanging up and why the call ended, said on the other side.
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticCt } from '../helpers/synthetic-ct';
import { sayWhoIAm } from './author';
import { callAndAnswer, CART, EXPERT, startCallSetup, type CallSetup } from './call-fixture';
import { consentForCall } from './call-consent';
import { connectStationClient } from './station-client';

const SIZES = [
  { name: 'cart', width: 1366, height: 768 },
  { name: 'desk', width: 1920, height: 1080 },
];

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`not shown: ${locator.toString()}`);
  return found;
}

/** The element lies wholly inside the window, as laid out (not scrolled to). */
async function expectInWindow(page: Page, locator: Locator) {
  const { width, height } = page.viewportSize()!;
  const b = await box(locator);
  expect(b.x, `${locator} left edge`).toBeGreaterThanOrEqual(0);
  expect(b.y, `${locator} top edge`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${locator} right edge`).toBeLessThanOrEqual(width + 0.5);
  expect(b.y + b.height, `${locator} bottom edge`).toBeLessThanOrEqual(height + 0.5);
}

/** The element lies inside its container (nothing sticks out of its card). */
async function expectInside(inner: Locator, outer: Locator) {
  const i = await box(inner);
  const o = await box(outer);
  expect(i.x, `${inner} within ${outer} (left)`).toBeGreaterThanOrEqual(o.x - 0.5);
  expect(i.x + i.width, `${inner} within ${outer} (right)`).toBeLessThanOrEqual(o.x + o.width + 0.5);
}

/** The video and the working panel side by side, both in the window, and the page itself does not scroll. */
async function expectCallLayout(page: Page) {
  const video = page.getByTestId('call-stage');
  const work = page.getByTestId('call-work');
  const v = await box(video);
  const w = await box(work);
  expect(v.x + v.width, 'the video left of the working panel').toBeLessThanOrEqual(w.x + 0.5);
  expect(Math.abs(v.y - w.y), 'video and panel on one row').toBeLessThan(40);
  await expectInWindow(page, video);
  await expectInWindow(page, work);
  await expectInWindow(page, page.locator('video.remote-large'));
  await expectInWindow(page, page.getByRole('button', { name: 'Raccrocher', exact: true }));
  // Runs in the page; typed loosely here, the e2e project has no DOM types.
  const scroll = await page.evaluate(() => {
    const w = globalThis as unknown as {
      innerHeight: number;
      scrollY: number;
      document: { documentElement: { scrollHeight: number } };
    };
    return { document: w.document.documentElement.scrollHeight, window: w.innerHeight, y: w.scrollY };
  });
  expect(scroll.document, 'the page needs no vertical scroll').toBeLessThanOrEqual(scroll.window);
  expect(scroll.y).toBe(0);
}

const work = (page: Page) => page.getByTestId('call-work');
const tab = (page: Page, name: string) => work(page).getByRole('tab', { name, exact: true });

for (const size of SIZES) {
  test.describe(`the call at ${size.width}x${size.height}`, () => {
    let setup: CallSetup;
    let drive: string;
    test.beforeAll(async ({ browser }) => {
      drive = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-ct-'));
      writeSyntheticCt(drive, 12, 128, 'KERGUELEN^YVONNE');
      setup = await startCallSetup(browser, { viewport: { width: size.width, height: size.height } });
      const cart = await connectStationClient(setup.cart.station.url);
      await cart.value('patients.create', {
        identity: {
          birthName: 'Kerguelen',
          firstName: 'Yvonne',
          birthDate: '1948-02-11',
          sex: 'F',
          birthplaceCode: '29019',
          identityStatus: 'PROV',
        },
        notDuplicateOf: [],
      });
      cart.close();
    });
    test.afterAll(async () => {
      await setup?.stop();
      fs.rmSync(drive, { recursive: true, force: true });
    });

    test('video beside the working panel, notices, ask for control, confirmed hang-up and the far side told why', async () => {
      test.setTimeout(360_000);
      const { cart, expert } = setup;
      await callAndAnswer(setup);
      // The doctor at the cart says who she is once: she grants the camera and opens the stroke act.
      await sayWhoIAm(cart.page, 'Dr Urgences', 'Médecin');
      // Who is called, during the call too.
      await expect(cart.page.getByRole('heading', { level: 1 })).toContainText(`Appel vers ${EXPERT.name}`);
      await expect(expert.page.getByRole('heading', { level: 1 })).toContainText(`Appel de ${CART.name}`);
      for (const page of [cart.page, expert.page]) await expectCallLayout(page);

      // Nothing overflows its card: "Envoyer" in the chat, the body-site list of the auscultation.
      const chat = cart.page.getByRole('region', { name: 'Messages' });
      await expectInside(chat.getByRole('button', { name: 'Envoyer' }), chat);
      await tab(cart.page, 'Examen').click();
      await cart.page.getByRole('button', { name: 'Ajouter le stéthoscope' }).click();
      const auscultation = cart.page.getByRole('region', { name: 'Auscultation' });
      await expectInside(auscultation.getByLabel('Foyer'), auscultation);
      await expectInside(auscultation.getByRole('button', { name: 'Enregistrer ce foyer' }), auscultation);
      await expectCallLayout(cart.page);

      // The expert asks for the cart's camera; the cart is told, refuses, then grants.
      await tab(expert.page, 'Caméra').click();
      const pad = expert.page.getByRole('region', { name: 'Caméra du chariot' });
      await pad.getByRole('button', { name: 'Demander le contrôle de la caméra' }).click();
      await expect(pad).toContainText('Demande envoyée au chariot');
      const asked = work(cart.page)
        .getByRole('status')
        .filter({ hasText: `${EXPERT.name} demande à piloter la caméra` });
      await expect(asked).toBeVisible();
      await asked.getByRole('button', { name: 'Répondre' }).click();
      await cart.page.getByRole('button', { name: 'Refuser', exact: true }).click();
      await expect(pad).toContainText('Le chariot a refusé de vous donner la main sur la caméra.');
      await pad.getByRole('button', { name: 'Demander le contrôle de la caméra' }).click();
      await expect(asked).toBeVisible();
      await cart.page.getByRole('button', { name: `Autoriser ${EXPERT.name} à piloter la caméra` }).click();
      await expect(pad).toContainText('Vous pouvez piloter la caméra du chariot.');
      await expect(asked).toHaveCount(0);
      await expectCallLayout(expert.page);

      // The stroke sheet, opened at the cart: the expert is told, opens it, scores the NIHSS down to
      // its last item with the video still in view.
      await tab(cart.page, 'AVC').click();
      await cart.page.getByRole('button', { name: 'Ouvrir la fiche AVC de ce patient' }).click();
      await cart.page.getByLabel('Patient (nom, date de naissance)').fill('kerguelen');
      await cart.page.getByLabel('Patient (nom, date de naissance)').press('Enter');
      await cart.page.getByRole('button', { name: /KERGUELEN.*YVONNE/ }).click();
      await cart.page.getByRole('button', { name: 'Ouvrir un acte pour cet appel' }).click();
      const sheetNotice = work(expert.page)
        .getByRole('status')
        .filter({ hasText: `Fiche AVC ouverte par ${CART.name}` });
      await sheetNotice.getByRole('button', { name: 'Voir la fiche' }).click();
      const sheet = expert.page.getByRole('region', { name: /^Fiche AVC — KERGUELEN Yvonne/i });
      for (const item of ['1a', '4', '11']) {
        const score = sheet.getByRole('group', { name: new RegExp(`^Cotation de ${item}\\. `) }).getByRole('button');
        await score.first().click();
        await expect(score.first()).toHaveAttribute('aria-pressed', 'true');
        await expectCallLayout(expert.page);
      }

      // Images shared by the cart: the expert gets a notice, opens them beside the video.
      await consentForCall(cart.station.url, 'kerguelen', ['image_sharing']);
      await tab(cart.page, 'Images').click();
      await cart.page.getByRole('button', { name: 'Montrer des images (scanner, IRM…)' }).click();
      await cart.page.getByLabel('Patient (nom, date de naissance)').fill('kerguelen');
      await cart.page.getByLabel('Patient (nom, date de naissance)').press('Enter');
      await cart.page.getByRole('button', { name: /KERGUELEN.*YVONNE/ }).click();
      await cart.page.getByRole('button', { name: 'Importer des images (CD, clé USB, dossier)' }).click();
      await cart.page.getByLabel('Lecteur ou dossier').fill(drive);
      await cart.page.getByRole('button', { name: 'Lire le disque' }).click();
      await cart.page.getByRole('region', { name: 'Contenu du disque' }).getByRole('checkbox').check();
      await cart.page.getByRole('button', { name: 'Importer l’examen coché' }).click();
      await cart.page.getByRole('button', { name: /^Ouvrir la série CT/ }).click();
      await cart.page.getByRole('button', { name: 'Partager cette série dans l’appel' }).click();
      const imagesNotice = work(expert.page)
        .getByRole('status')
        .filter({ hasText: `Images partagées par ${CART.name}` });
      await imagesNotice.getByRole('button', { name: 'Voir les images' }).click();
      await expect(expert.page.getByTestId('shared-imaging-progress')).toHaveText('12/12 images reçues', {
        timeout: 20_000,
      });
      const viewer = expert.page.getByRole('region', { name: /Images partagées/ }).getByRole('img', { name: /coupe/ });
      await expectInWindow(expert.page, viewer);
      for (const page of [cart.page, expert.page]) await expectCallLayout(page);

      // Hanging up asks first (Escape keeps the call), then ends it; the cart is told why.
      await expert.page.getByRole('button', { name: 'Raccrocher', exact: true }).click();
      const confirm = expert.page.getByRole('dialog', { name: 'Raccrocher ?' });
      await expect(confirm).toContainText(`Mettre fin à l’appel avec ${CART.name} ?`);
      await expect(confirm.getByRole('button', { name: 'Continuer l’appel' })).toBeFocused();
      await expert.page.keyboard.press('Escape');
      await expect(confirm).toHaveCount(0);
      await expect(expert.page.getByTestId('call-phase')).toHaveAttribute('data-phase', 'connected');
      await expert.page.getByRole('button', { name: 'Raccrocher', exact: true }).click();
      await confirm.getByRole('button', { name: 'Raccrocher', exact: true }).click();
      await expect(cart.page.getByTestId('end-reason')).toHaveText(`${EXPERT.name} a raccroché.`);
      await expect(expert.page.getByTestId('end-reason')).toHaveText('Vous avez raccroché.');
    });
  });
}
